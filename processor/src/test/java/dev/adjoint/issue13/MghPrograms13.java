package dev.adjoint.issue13;

import java.util.List;

/**
 * Moré–Garbow–Hillstrom test problems (ACM TOMS 7(1), 1981) as sums of squared residuals, with
 * the residuals written the Fortran way, into an array the objective allocates.
 */
final class MghPrograms13 {
  private MghPrograms13() {}

  static List<Program13> all() {
    return List.of(extendedRosenbrock(), powellSingular(), wood(), brownBadlyScaled(),
        helicalValley());
  }

  /** MGH 21, residuals from an out-parameter helper with {@code f[k++]}. */
  static Program13 extendedRosenbrock() {
    return Program13.of("ExtendedRosenbrock", "MGH problem 21, n = 6", "f", "", """
        static void residuals(double[] x, double[] f) {
          int k = 0;
          for (int i = 0; i < x.length; i += 2) {
            f[k++] = 10 * (x[i + 1] - x[i] * x[i]);
            f[k++] = 1 - x[i];
          }
        }

        @Differentiable
        static double f(double[] x) {
          double[] r = new double[x.length];
          residuals(x, r);
          double s = 0;
          for (double v : r) {
            s += v * v;
          }
          return s;
        }
        """)
        .at((Object) new double[] {-1.2, 1, -1.2, 1, -1.2, 1})
        .at((Object) new double[] {0.3, -0.7, 1.1, 0.9, -0.4, 0.2})
        .oracle(Oracles13::extendedRosenbrock)
        .build();
  }

  /** MGH 13, residuals as an initializer. */
  static Program13 powellSingular() {
    return Program13.of("PowellSingular", "MGH problem 13", "f", "", """
        @Differentiable
        static double f(double[] x) {
          double[] r = {
            x[0] + 10 * x[1],
            Math.sqrt(5) * (x[2] - x[3]),
            (x[1] - 2 * x[2]) * (x[1] - 2 * x[2]),
            Math.sqrt(10) * (x[0] - x[3]) * (x[0] - x[3])
          };
          double s = 0;
          for (int i = 0; i < r.length; i++) {
            s += r[i] * r[i];
          }
          return s;
        }
        """)
        .at((Object) new double[] {3, -1, 0, 1})
        .oracle(Oracles13::powellSingular)
        .build();
  }

  /** MGH 14, residuals returned by a helper as a fresh array. */
  static Program13 wood() {
    return Program13.of("Wood", "MGH problem 14", "f", "", """
        static double[] residuals(double[] x) {
          return new double[] {
            10 * (x[1] - x[0] * x[0]),
            1 - x[0],
            Math.sqrt(90) * (x[3] - x[2] * x[2]),
            1 - x[2],
            Math.sqrt(10) * (x[1] + x[3] - 2),
            (x[1] - x[3]) / Math.sqrt(10)
          };
        }

        @Differentiable
        static double f(double[] x) {
          double[] r = residuals(x);
          double s = 0;
          for (double v : r) {
            s += v * v;
          }
          return s;
        }
        """)
        .at((Object) new double[] {-3, -1, -3, -1})
        .oracle(Oracles13::wood)
        .build();
  }

  /** MGH 4, the residuals passed to a varargs sum of squares. */
  static Program13 brownBadlyScaled() {
    return Program13.of("BrownBadlyScaled", "MGH problem 4", "f", "", """
        static double sumOfSquares(double... r) {
          double s = 0;
          for (double v : r) {
            s += v * v;
          }
          return s;
        }

        @Differentiable
        static double f(double x1, double x2) {
          return sumOfSquares(x1 - 1e6, x2 - 2e-6, x1 * x2 - 2);
        }
        """)
        .at(1e6 - 3, 2.1e-6)
        .at(1e6 + 2, 1.9e-6)
        .oracle(a -> {
          double x1 = (Double) a[0];
          double x2 = (Double) a[1];
          double f3 = x1 * x2 - 2;
          return new double[] {2 * (x1 - 1e6) + 2 * f3 * x2, 2 * (x2 - 2e-6) + 2 * f3 * x1};
        })
        .build();
  }

  /** MGH 7, the angle from a private helper. */
  static Program13 helicalValley() {
    return Program13.of("HelicalValley", "MGH problem 7", "f", "", """
        private static double theta(double x1, double x2) {
          double t = Math.atan(x2 / x1) / (2 * Math.PI);
          return x1 < 0 ? t + 0.5 : t;
        }

        @Differentiable
        static double f(double[] x) {
          double[] r = new double[3];
          r[0] = 10 * (x[2] - 10 * theta(x[0], x[1]));
          r[1] = 10 * (Math.hypot(x[0], x[1]) - 1);
          r[2] = x[2];
          return r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
        }
        """)
        .at((Object) new double[] {-1, 0.2, 0.1})
        .at((Object) new double[] {0.7, -0.4, 0.3})
        .build();
  }
}
