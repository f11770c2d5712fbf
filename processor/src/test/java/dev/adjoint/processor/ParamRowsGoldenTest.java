/*
 * Golden generated source for writes into the rows of a double[][] parameter (issue 13).
 *
 * Regenerate after an intended change to the generated code with
 *
 *   mvn -q -pl runtime,processor test -Dtest='ParamRowsGoldenTest' \
 *       -Dsurefire.failIfNoSpecifiedTests=false -Dadjoint.updateGolden=true
 *
 * and review the diff of processor/src/test/resources/golden/ScaleRowsGrad.java.golden.
 */
package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ParamRowsGoldenTest {

  /** Scales each row in place through a row alias and directly, then reads the matrix. */
  static final String SCALE_ROWS = """
      package golden;

      import dev.adjoint.Differentiable;

      /** Rows of a parameter matrix written in place. */
      final class ScaleRows {
        private ScaleRows() {}

        @Differentiable
        static double scale(double[][] m, double c) {
          for (int i = 0; i < m.length; i++) {
            double[] r = c > 0 ? m[i] : m[0];
            for (int j = 0; j < r.length; j++) {
              r[j] *= c;
            }
            m[i][0] = Math.sin(m[i][0]);
          }
          return m[0][0] * m[1][1];
        }
      }
      """;

  @Test
  void scaleRowsGradMatchesGoldenAndCompilesWithXlintAllWerror() throws IOException {
    String actual = GoldenFiles.checked("golden.ScaleRows", SCALE_ROWS);
    assertThat(actual).contains("mCaller[i][0] = mLocal[i][0];");
  }
}
