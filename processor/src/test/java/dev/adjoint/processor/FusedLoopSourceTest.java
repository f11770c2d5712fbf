package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Reads the generated adjoint of sums of independent terms (issue 15, cause 1): one loop runs
 * each iteration's forward and reverse back to back, recording nothing on the tape; a near miss
 * keeps its backward loop. The values are checked by {@code dev.adjoint.fusion.FusionTest}.
 */
class FusedLoopSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Sums", """
      package t;

      import dev.adjoint.Differentiable;

      final class Sums {
        @Differentiable
        static double rosenbrock(double[] x) {
          double f = 0;
          for (int i = 0; i < x.length / 2; i++) {
            double t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]);
            double t2 = 1 - x[2 * i];
            f += t1 * t1 + t2 * t2;
          }
          return f;
        }

        @Differentiable
        static double logOfSum(double[] x) {
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
          }
          return Math.log(s);
        }
      }
      """);

  @Test
  void aSumOfIndependentTermsRunsInOneLoop() {
    String adjoint = method(generated(), "rosenbrockAdjoint");
    assertWithMessage("%s", adjoint).that(count(adjoint, "while (")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("for (");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("tape.");
    // the sum's adjoint is known before the loop, which reads it
    assertWithMessage("%s", adjoint).that(adjoint.indexOf("valueAdj"))
        .isLessThan(adjoint.indexOf("while ("));
  }

  @Test
  void aNonLinearUseAfterTheLoopKeepsTwoSweeps() {
    String adjoint = method(generated(), "logOfSumAdjoint");
    assertWithMessage("%s", adjoint).that(count(adjoint, "while (")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(count(adjoint, "for (int iteration")).isEqualTo(1);
  }

  private static String generated() {
    Compilation c = adjoint().compile(SOURCE.file);
    assertNoCrash(c);
    JavaFileObject file = c.generatedSourceFile("t.SumsGrad").orElseThrow();
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of the generated method {@code name}, from its signature to its closing brace. */
  private static String method(String code, String name) {
    int start = code.indexOf("double " + name + "(");
    int end = code.indexOf("\n  }\n", start);
    return code.substring(start, end);
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
      n++;
    }
    return n;
  }
}
