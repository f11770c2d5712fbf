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
 * Reads the generated second-order code of sums of independent terms (issue 15 for second
 * order): mHvp and mAdjointJvp are the tangent of the gradient's fused and cleaned-up sweeps,
 * one loop instead of a forward and a backward one, mHvp's unit seed folded away. The values
 * are checked by {@code dev.adjoint.forward.FusedHvpTest}.
 */
class FusedHvpSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Second", """
      package t;

      import dev.adjoint.Differentiable;
      import dev.adjoint.Mode;

      final class Second {
        @Differentiable(modes = Mode.HESSIAN)
        static double rosenbrock(double[] x) {
          double f = 0;
          for (int i = 0; i < x.length / 2; i++) {
            double t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]);
            double t2 = 1 - x[2 * i];
            f += t1 * t1 + t2 * t2;
          }
          return f;
        }

        @Differentiable(wrt = {"w", "b"}, modes = Mode.HESSIAN)
        static double tanhUnit(double[] w, double b, double[][] xs, double[] ys) {
          double loss = 0;
          for (int n = 0; n < xs.length; n++) {
            double z = b;
            for (int i = 0; i < w.length; i++) {
              z += w[i] * xs[n][i];
            }
            double h = Math.tanh(z);
            double e = h * w[0] - ys[n];
            loss += e * e;
          }
          return 0.5 * loss / xs.length;
        }
      }
      """);

  @Test
  void theHvpOfASumOfIndependentTermsRunsInOneLoop() {
    String hvp = method(generated(), "RosenbrockHvp rosenbrockHvp");
    assertWithMessage("%s", hvp).that(count(hvp, "while (")).isEqualTo(1);
    assertWithMessage("%s", hvp).that(hvp).doesNotContain("for (");
    assertWithMessage("%s", hvp).that(hvp).doesNotContain("tape");
    assertWithMessage("%s", hvp).that(hvp).doesNotContain("trips++");
    // each temporary and its tangent computed once, by the forward part
    assertWithMessage("%s", hvp).that(count(hvp, "\n      t1 = ")).isEqualTo(1);
    assertWithMessage("%s", hvp).that(count(hvp, "\n      t1Dot = ")).isEqualTo(1);
    // t1 * t1: one assignment of both contributions, and of their tangents, not two +=
    assertWithMessage("%s", hvp).that(hvp).doesNotContain("t1Adj +=");
    assertWithMessage("%s", hvp).that(hvp).doesNotContain("t1AdjDot +=");
    // the value is read after the loop that computes it
    assertWithMessage("%s", hvp).that(hvp.indexOf("primalValue = value"))
        .isGreaterThan(hvp.indexOf("double value = f"));
  }

  @Test
  void theHvpFoldsItsUnitSeed() {
    String hvp = method(generated(), "RosenbrockHvp rosenbrockHvp");
    assertWithMessage("%s", hvp).that(hvp).doesNotContain("valueAdj");
    assertWithMessage("%s", hvp).that(hvp).contains("double adj = (t1 + t1) * 10;");
    assertWithMessage("%s", hvp).that(hvp).contains("double adjDot = (t1Dot + t1Dot) * 10;");
    String tanh = method(generated(), "TanhUnitHvp tanhUnitHvp");
    assertWithMessage("%s", tanh).that(tanh).doesNotContain("valueAdj");
    assertWithMessage("%s", tanh).that(tanh).containsMatch("lossAdj = 1\\.0 / t\\d* \\* 0\\.5;");
  }

  @Test
  void aSquareHasOneProductInItsTangent() {
    String hvp = method(generated(), "RosenbrockHvp rosenbrockHvp");
    // (x x)' = 2 (x ẋ): one product and a doubling, the same bits as ẋ x + x ẋ
    assertWithMessage("%s", hvp).that(hvp).contains("2.0 * (x2i * x2iDot)");
    assertWithMessage("%s", hvp).that(hvp).doesNotContain("x2iDot * x2i + x2i * x2iDot");
  }

  @Test
  void theTangentOfACallHeldInALocalReadsTheLocal() {
    String hvp = method(generated(), "TanhUnitHvp tanhUnitHvp");
    // called once, by the primal: neither the tangent nor the reverse calls it again
    assertWithMessage("%s", hvp).that(count(hvp, "= Math.tanh(z);")).isEqualTo(1);
    assertWithMessage("%s", hvp).that(hvp).doesNotContain(" Math.tanh(z) *");
    assertWithMessage("%s", hvp).that(hvp).containsMatch(
        "h = Math\\.tanh\\(z\\);\\s+hDot = \\(1\\.0 - h \\* h\\) \\* zDot;");
    String jvp = method(generated(), "double tanhUnitJvp");
    assertWithMessage("%s", jvp).that(count(jvp, "Math.tanh(")).isEqualTo(1);
    assertWithMessage("%s", jvp).that(jvp).contains("dH = (1.0 - h * h) * dZ;");
  }

  @Test
  void theTangentOfTheAdjointEntryPointRunsInOneLoop() {
    String jvp = method(generated(), "double rosenbrockAdjointJvp");
    assertWithMessage("%s", jvp).that(count(jvp, "while (")).isEqualTo(1);
    assertWithMessage("%s", jvp).that(jvp).doesNotContain("for (");
    assertWithMessage("%s", jvp).that(jvp).doesNotContain("tape.");
    // its seed is a parameter: nothing to fold
    assertWithMessage("%s", jvp).that(jvp).contains("valueAdjDot = seedDot;");
  }

  @Test
  void theHvpIntoCallerArraysIsTheAdjointEntryPointsTangentWithTheUnitSeedFolded() {
    String into = method(generated(), "double rosenbrockHvpInto");
    assertWithMessage("%s", into).that(into).startsWith("double rosenbrockHvpInto(double[] x,"
        + " double[] dX, double[] adjoints,\n      double[] adjointsDot, double[] xAdj,"
        + " double[] xAdjDot)");
    // no seed, no seed tangent and no tape: t1 + t1 where mAdjointJvp multiplies by both
    assertWithMessage("%s", into).that(into).doesNotContain("seed");
    assertWithMessage("%s", into).that(into).doesNotContain("valueAdj");
    assertWithMessage("%s", into).that(into).doesNotContain("tape");
    assertWithMessage("%s", into).that(into).doesNotContain("Tape");
    assertWithMessage("%s", into).that(into).contains("double adj = (t1 + t1) * 10;");
    assertWithMessage("%s", into).that(into).contains("double adjDot = (t1Dot + t1Dot) * 10;");
    // the caller's arrays, not arrays of its own; one fused loop
    assertWithMessage("%s", into).that(into).doesNotContain("new double[");
    assertWithMessage("%s", into).that(into).contains("xAdjDot[2 * i + 1] += adjDot;");
    assertWithMessage("%s", into).that(count(into, "while (")).isEqualTo(1);
    // a scalar parameter's gradient and H·v go into adjoints and adjointsDot, in order
    String tanh = method(generated(), "double tanhUnitHvpInto");
    assertWithMessage("%s", tanh).that(tanh).contains("adjoints[0] += bAdj;");
    assertWithMessage("%s", tanh).that(tanh).contains("adjointsDot[0] += bAdjDot;");
    assertWithMessage("%s", tanh).that(tanh).contains("Tape tape = new Tape();");
  }

  @Test
  void theFusedTanhUnitPopsWhatItPushesInTheSameIteration() {
    String tanh = method(generated(), "TanhUnitHvp tanhUnitHvp");
    assertWithMessage("%s", tanh).that(count(tanh, "while (n < xs.length)")).isEqualTo(1);
    assertWithMessage("%s", tanh).that(count(tanh, "for (int iteration")).isEqualTo(1);
    assertWithMessage("%s", tanh).that(tanh.indexOf("for (int iteration"))
        .isGreaterThan(tanh.indexOf("while (n < xs.length)"));
  }

  private static String generated() {
    Compilation c = adjoint().compile(SOURCE.file);
    assertNoCrash(c);
    JavaFileObject file = c.generatedSourceFile("t.SecondGrad").orElseThrow();
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of the generated method whose signature starts {@code head}. */
  private static String method(String code, String head) {
    int start = code.indexOf(head + "(");
    assertWithMessage("%s in %s", head, code).that(start).isAtLeast(0);
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
