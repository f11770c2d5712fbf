/*
 * Golden generated source for RK4 with an out-parameter right-hand side (issue 13).
 *
 * Regenerate after an intended change to the generated code with
 *
 *   mvn -q -pl runtime,processor test -Dtest='OutParamGoldenTest' \
 *       -Dsurefire.failIfNoSpecifiedTests=false -Dadjoint.updateGolden=true
 *
 * and review the diff of processor/src/test/resources/golden/OdeGrad.java.golden.
 */
package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class OutParamGoldenTest {

  /** RK4 whose stages call a void right-hand side writing into its second argument. */
  static final String ODE = """
      package golden;

      import dev.adjoint.Differentiable;

      /** A pendulum integrated by RK4; the right-hand side writes into dydt. */
      final class Ode {
        private Ode() {}

        static void rhs(double[] y, double[] dydt, double k) {
          dydt[0] = y[1];
          dydt[1] = -k * Math.sin(y[0]);
        }

        @Differentiable(wrt = {"y0", "k"})
        static double rk4(double[] y0, double k, double h, int steps) {
          double[] y = y0.clone();
          double[] k1 = new double[2];
          double[] k2 = new double[2];
          double[] k3 = new double[2];
          double[] k4 = new double[2];
          double[] t = new double[2];
          for (int s = 0; s < steps; s++) {
            rhs(y, k1, k);
            for (int i = 0; i < 2; i++) {
              t[i] = y[i] + 0.5 * h * k1[i];
            }
            rhs(t, k2, k);
            for (int i = 0; i < 2; i++) {
              t[i] = y[i] + 0.5 * h * k2[i];
            }
            rhs(t, k3, k);
            for (int i = 0; i < 2; i++) {
              t[i] = y[i] + h * k3[i];
            }
            rhs(t, k4, k);
            for (int i = 0; i < 2; i++) {
              y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
          }
          return y[0];
        }
      }
      """;

  @Test
  void odeGradMatchesGoldenAndCompilesWithXlintAllWerror() throws IOException {
    String actual = GoldenFiles.checked("golden.Ode", ODE);
    assertThat(actual).contains("AdjointArrays.push(tape, k1);");
  }
}
