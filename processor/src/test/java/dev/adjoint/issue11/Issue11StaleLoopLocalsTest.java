package dev.adjoint.issue11;

import static dev.adjoint.issue11.Harness.v;

import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 1: the reverse sweep must not read loop locals with their last-iteration values
 * when it recomputes a later loop-local temporary. Support is required.
 */
class Issue11StaleLoopLocalsTest {

  @Test
  void staleLoopLocalsLeastSquares() {
    String src = """
        package iss;

        import dev.adjoint.Differentiable;

        final class C {
          private C() {}

          @Differentiable
          static double loss(double[] a, double[] x, double[] y, int n) {
            double s = 0;
            for (int i = 0; i < n; i++) {
              double m = a[0] + a[1] * x[i];
              double r = y[i] - m;
              s += r * r;
            }
            return s;
          }
        }
        """;
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertCompiles("iss.CGrad");
    r.gradient("iss.C", "loss")
        .at(v(0.3, -1.1), v(0.0, 1.0, 2.0, 3.5), v(1.0, 0.2, -2.5, -3.0), 4)
        .at(v(1.5, 0.7), v(-1.0, 0.5, 1.25, 2.0), v(0.5, 2.0, 1.0, 2.5), 4)
        .at(v(-0.2, 2.0), v(0.3, -0.7, 1.9), v(2.0, -1.0, 4.0), 3)
        .check();
  }

  @Test
  void staleLoopLocalsConstantTemporaries() {
    String src = """
        package iss;

        import dev.adjoint.Differentiable;

        final class C {
          private C() {}

          @Differentiable
          static double f(double a) {
            double s = 0;
            for (int i = 1; i <= 3; i++) {
              double t = 0.5 * i;
              double y = t * t;
              double r = a - y;
              s += r * r;
            }
            return s;
          }
        }
        """;
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertCompiles("iss.CGrad");
    r.gradient("iss.C", "f").at(0.4).at(-1.3).at(2.2).check();
  }

  @Test
  void staleLoopLocalsNonlinearChain() {
    // Every loop local reads the previous one; all are active and nonlinear.
    String src = """
        package iss;

        import dev.adjoint.Differentiable;

        final class C {
          private C() {}

          @Differentiable
          static double f(double[] w, double[] x, double b) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              double z = w[i] * x[i] + b;
              double e = Math.exp(-z);
              double p = 1.0 / (1.0 + e);
              double q = p * z - Math.sin(e);
              s += q * q + p;
            }
            return s;
          }
        }
        """;
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertCompiles("iss.CGrad");
    r.gradient("iss.C", "f")
        .at(v(0.5, -1.0, 2.0), v(1.0, 0.3, -0.8), 0.1)
        .at(v(-0.4, 0.9, 0.2), v(2.0, -1.5, 0.6), -0.7)
        .check();
  }
}
