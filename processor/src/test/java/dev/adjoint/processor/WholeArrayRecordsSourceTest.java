package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Reads the generated code of loops that overwrite an array in full (issue 15, GradBench ode's
 * RK4 stages): where no reverse code inside the loop reads the array, its old values are pushed
 * as one block before the loop and popped back after the loop's reverse
 * ({@code WholeArrayRecords}); near misses keep their records per element. The values are
 * checked by {@code dev.adjoint.loops.TapeEntriesTest#stageBuffersRewrittenInFullAreRecordedAsBlocks}
 * (finite differences, exact values, tape counts) and the bench's agreement tests.
 */
class WholeArrayRecordsSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Stages", """
      package t;

      import dev.adjoint.Differentiable;

      final class Stages {
        @Differentiable(wrt = "x")
        static double stages(double[] x, int s) {
          int n = x.length;
          double[] y = new double[n];
          double[] tmp = new double[n];
          double[] part = new double[n];
          double[] self = new double[n];
          for (int step = 0; step < s; step++) {
            for (int i = 0; i < n; i++) {
              tmp[i] = y[i] + 0.5 * x[i];
            }
            for (int i = 1; i < n; i++) {
              y[i] += x[i] * tmp[i - 1];
            }
            for (int i = 0; i < n - 1; i++) {
              part[i] = y[i] * y[i];
            }
            for (int i = 0; i < n; i++) {
              y[i] += part[i] * part[i];
            }
            for (int i = 0; i < self.length; i++) {
              self[i] = Math.sin(self[i]) + y[i];
            }
          }
          return y[n - 1] + self[0];
        }
      }
      """);

  @Test
  void aStageBufferRewrittenInFullIsPushedAndPoppedAsOneBlock() {
    String code = adjointMethod();
    assertThat(code).contains("AdjointArrays.push(tape, tmp);");
    assertThat(code).contains("AdjointArrays.pop(tape, tmp);");
    assertThat(code).doesNotContain("tape.pushDouble(tmp[");
    // pushed just before its loop, popped just after the loop's reverse
    assertThat(code).containsMatch("AdjointArrays.push\\(tape, tmp\\);\\s+while \\(i\\d* < n\\)");
    assertThat(code).containsMatch(
        "tmpAdj\\[i\\d*\\] = 0\\.0;[^}]*}\\s+AdjointArrays.pop\\(tape, tmp\\);");
  }

  @Test
  void nearMissesKeepTheirRecordsPerElement() {
    String code = adjointMethod();
    // y is updated in place from element 1 (not every element) and then in full.
    assertWithMessage(code).that(code).containsMatch(
        "records\\d*\\[recordAt\\d*\\] = y\\[i2\\];\\s+y\\[i2\\] = ");
    assertThat(code).containsMatch("AdjointArrays.push\\(tape, y\\);\\s+while \\(i4 < n\\)");
    // part stops one short of its length.
    assertThat(code).doesNotContain("AdjointArrays.push(tape, part)");
    // self's adjoint reads the element it overwrites.
    assertThat(code).containsMatch("records\\d*\\[recordAt\\d*\\] = self\\[i5\\];");
    assertThat(code).doesNotContain("AdjointArrays.push(tape, self)");
  }

  private static String adjointMethod() {
    Compilation c = adjoint().compile(SOURCE.file);
    assertNoCrash(c);
    JavaFileObject file = c.generatedSourceFile("t.StagesGrad").orElseThrow();
    String code;
    try {
      code = file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int start = code.indexOf("double stagesAdjoint(");
    return code.substring(start, code.indexOf("\n  }\n", start));
  }
}
