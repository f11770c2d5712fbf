package dev.adjoint.issue14;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * Thirteen Moré–Garbow–Hillstrom test problems (ACM TOMS 7, 1981) as user code, with points,
 * their hand-coded analytic Hessians ({@link MghHessians}, ported from the R package
 * funconstrain) and a Hipparchus transcription. The signatures vary on purpose, so that
 * {@code hessian()}'s flattening is exercised: scalars, a {@code double[]}, a scalar–array–scalar
 * mix (Wood), a {@code double[][]} (Brown–Dennis, row-major) and a {@code wrt} restriction
 * (Bard's data array is not differentiated).
 */
final class MghFixture {
  private MghFixture() {}

  static final String CLS = "iss.Mgh";

  /** Bard's data y (MGH problem 8). */
  static final double[] BARD_Y = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58,
      0.73, 0.96, 1.34, 2.10, 4.39};
  /** Gaussian's data y (MGH problem 9). */
  static final double[] GAUSS_Y = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521,
      0.3989, 0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};
  /** Kowalik–Osborne's data (MGH problem 15). */
  static final double[] KOW_Y = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456,
      0.0342, 0.0323, 0.0235, 0.0246};
  static final double[] KOW_U = {4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714,
      0.0625};
  /** Box 3-D's number of residuals. */
  static final int BOX_M = 10;
  /** Brown–Dennis's number of residuals. */
  static final int BROWN_DENNIS_M = 20;

  static final String TEMPLATE = """
      package iss;

      import dev.adjoint.Differentiable;

      final class Mgh {
        private Mgh() {}

        @Differentiable(MODES)
        static double rosenbrock(double x1, double x2) {
          double t = x2 - x1 * x1;
          return 100 * t * t + (1 - x1) * (1 - x1);
        }

        @Differentiable(MODES)
        static double freudensteinRoth(double[] p) {
          double x = p[0];
          double y = p[1];
          double f1 = -13 + x + ((5 - y) * y - 2) * y;
          double f2 = -29 + x + ((y + 1) * y - 14) * y;
          return f1 * f1 + f2 * f2;
        }

        @Differentiable(MODES)
        static double powellBadlyScaled(double x, double y) {
          double f1 = 1e4 * x * y - 1;
          double f2 = Math.exp(-x) + Math.exp(-y) - 1.0001;
          return f1 * f1 + f2 * f2;
        }

        @Differentiable(MODES)
        static double brownBadlyScaled(double x, double y) {
          double f1 = x - 1e6;
          double f2 = y - 2e-6;
          double f3 = x * y - 2;
          return f1 * f1 + f2 * f2 + f3 * f3;
        }

        @Differentiable(MODES)
        static double beale(double[] p) {
          double[] c = {1.5, 2.25, 2.625};
          double s = 0;
          double yi = 1;
          for (int i = 0; i < 3; i++) {
            yi = yi * p[1];
            double f = c[i] - p[0] * (1 - yi);
            s += f * f;
          }
          return s;
        }

        @Differentiable(MODES)
        static double helicalValley(double x1, double x2, double x3) {
          double theta = Math.atan(x2 / x1) / (2 * Math.PI);
          if (x1 < 0) {
            theta = theta + 0.5;
          }
          double f1 = 10 * (x3 - 10 * theta);
          double f2 = 10 * (Math.sqrt(x1 * x1 + x2 * x2) - 1);
          return f1 * f1 + f2 * f2 + x3 * x3;
        }

        @Differentiable(wrt = {"x"}, MODES)
        static double bard(double[] x, double[] y) {
          double s = 0;
          for (int i = 0; i < 15; i++) {
            double u = i + 1;
            double v = 16 - u;
            double w = Math.min(u, v);
            double f = y[i] - (x[0] + u / (v * x[1] + w * x[2]));
            s += f * f;
          }
          return s;
        }

        @Differentiable(MODES)
        static double gaussian(double[] x) {
          double[] y = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989,
              0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};
          double s = 0;
          for (int i = 0; i < 15; i++) {
            double d = (7 - i) * 0.5 - x[2];
            double f = x[0] * Math.exp(-0.5 * x[1] * d * d) - y[i];
            s += f * f;
          }
          return s;
        }

        @Differentiable(MODES)
        static double box3d(double x1, double x2, double x3) {
          double s = 0;
          for (int i = 1; i <= 10; i++) {
            double t = 0.1 * i;
            double f = Math.exp(-t * x1) - Math.exp(-t * x2) - x3 * (Math.exp(-t) - Math.exp(-i));
            s += f * f;
          }
          return s;
        }

        @Differentiable(MODES)
        static double powellSingular(double[] x) {
          double f1 = x[0] + 10 * x[1];
          double f2 = x[2] - x[3];
          double f3 = (x[1] - 2 * x[2]) * (x[1] - 2 * x[2]);
          double f4 = (x[0] - x[3]) * (x[0] - x[3]);
          return f1 * f1 + 5 * f2 * f2 + f3 * f3 + 10 * f4 * f4;
        }

        @Differentiable(MODES)
        static double wood(double x1, double[] x23, double x4) {
          double x2 = x23[0];
          double x3 = x23[1];
          double f1 = 10 * (x2 - x1 * x1);
          double f2 = 1 - x1;
          double f3 = Math.sqrt(90) * (x4 - x3 * x3);
          double f4 = 1 - x3;
          double f5 = Math.sqrt(10) * (x2 + x4 - 2);
          double f6 = (x2 - x4) / Math.sqrt(10);
          return f1 * f1 + f2 * f2 + f3 * f3 + f4 * f4 + f5 * f5 + f6 * f6;
        }

        @Differentiable(MODES)
        static double kowalikOsborne(double[] x) {
          double[] y = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342,
              0.0323, 0.0235, 0.0246};
          double[] u = {4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625};
          double s = 0;
          for (int i = 0; i < 11; i++) {
            double num = u[i] * u[i] + u[i] * x[1];
            double den = u[i] * u[i] + u[i] * x[2] + x[3];
            double f = y[i] - x[0] * num / den;
            s += f * f;
          }
          return s;
        }

        @Differentiable(MODES)
        static double brownDennis(double[][] x) {
          double s = 0;
          for (int i = 1; i <= 20; i++) {
            double t = i / 5.0;
            double l = x[0][0] + t * x[0][1] - Math.exp(t);
            double r = x[1][0] + x[1][1] * Math.sin(t) - Math.cos(t);
            double f = l * l + r * r;
            s += f * f;
          }
          return s;
        }
      }
      """;

  static Map<String, String> sources(String... modes) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(CLS, Modes14.render(TEMPLATE, modes));
    return s;
  }

  /**
   * One problem: the method, its points, {@code wrt} (empty: default), the analytic Hessian and
   * the Hipparchus transcription, both over the flattened differentiated parameters.
   */
  record Problem(String method, int arity, List<Object[]> points, String[] wrt,
      Function<double[], double[][]> hessian,
      Function<DerivativeStructure[], DerivativeStructure> ds) {
    @Override
    public String toString() {
      return method;
    }
  }

  static List<Problem> problems() {
    String[] all = {};
    return List.of(
        new Problem("rosenbrock", 2, List.of(s(-1.2, 1), s(0.5, -0.3)), all,
            MghHessians::rosenbrock, MghFixture::rosenbrock),
        new Problem("freudensteinRoth", 1, List.of(v(0.5, -2), v(5.5, 3.7)), all,
            MghHessians::freudensteinRoth, MghFixture::freudensteinRoth),
        new Problem("powellBadlyScaled", 2, List.of(s(0, 1), s(1.1e-5, 9.1)), all,
            MghHessians::powellBadlyScaled, MghFixture::powellBadlyScaled),
        new Problem("brownBadlyScaled", 2, List.of(s(1, 1), s(3, -2)), all,
            MghHessians::brownBadlyScaled, MghFixture::brownBadlyScaled),
        new Problem("beale", 1, List.of(v(1, 1), v(3, 0.5), v(-0.7, 1.3)), all,
            MghHessians::beale, MghFixture::beale),
        new Problem("helicalValley", 3, List.of(s(-1, 0, 0), s(0.7, 0.4, 0.3),
            s(-0.6, -0.8, 1.5)), all, MghHessians::helicalValley, MghFixture::helicalValley),
        new Problem("bard", 2, List.of(new Object[] {new double[] {1, 1, 1}, BARD_Y.clone()},
            new Object[] {new double[] {0.08, 1.13, 2.34}, BARD_Y.clone()}),
            new String[] {"x"}, MghHessians::bard, MghFixture::bard),
        new Problem("gaussian", 1, List.of(v(0.4, 1, 0), v(0.399, 1.0, 0.1)), all,
            MghHessians::gaussian, MghFixture::gaussian),
        new Problem("box3d", 3, List.of(s(0, 10, 20), s(1.2, 8.5, 1.1)), all,
            MghHessians::box3d, MghFixture::box3d),
        new Problem("powellSingular", 1, List.of(v(3, -1, 0, 1), v(0.1, 0.2, -0.3, 0.4)), all,
            MghHessians::powellSingular, MghFixture::powellSingular),
        new Problem("wood", 3, List.of(new Object[] {-3.0, new double[] {-1, -3}, -1.0},
            new Object[] {1.1, new double[] {0.9, 1.2}, 0.8}), all,
            MghHessians::wood, MghFixture::wood),
        new Problem("kowalikOsborne", 1, List.of(v(0.25, 0.39, 0.415, 0.39),
            v(0.19, 0.19, 0.12, 0.14)), all, MghHessians::kowalikOsborne,
            MghFixture::kowalikOsborne),
        new Problem("brownDennis", 1, List.of(new Object[] {new double[][] {{25, 5}, {-5, 1}}},
            new Object[] {new double[][] {{-11.6, 13.2}, {-0.4, 0.24}}}), all,
            MghHessians::brownDennis, MghFixture::brownDennis));
  }

  private static Object[] s(double... xs) {
    Object[] a = new Object[xs.length];
    for (int i = 0; i < xs.length; i++) {
      a[i] = xs[i];
    }
    return a;
  }

  private static Object[] v(double... xs) {
    return new Object[] {xs};
  }

  // ---- Hipparchus transcriptions over the flattened parameters -------------------------------

  static DerivativeStructure rosenbrock(DerivativeStructure[] x) {
    DerivativeStructure t = x[1].subtract(x[0].multiply(x[0]));
    DerivativeStructure u = x[0].negate().add(1);
    return t.multiply(t).multiply(100).add(u.multiply(u));
  }

  static DerivativeStructure freudensteinRoth(DerivativeStructure[] p) {
    DerivativeStructure x = p[0];
    DerivativeStructure y = p[1];
    DerivativeStructure f1 = x.add(-13).add(y.negate().add(5).multiply(y).subtract(2).multiply(y));
    DerivativeStructure f2 = x.add(-29).add(y.add(1).multiply(y).subtract(14).multiply(y));
    return f1.multiply(f1).add(f2.multiply(f2));
  }

  static DerivativeStructure powellBadlyScaled(DerivativeStructure[] p) {
    DerivativeStructure f1 = p[0].multiply(p[1]).multiply(1e4).subtract(1);
    DerivativeStructure f2 = p[0].negate().exp().add(p[1].negate().exp()).subtract(1.0001);
    return f1.multiply(f1).add(f2.multiply(f2));
  }

  static DerivativeStructure brownBadlyScaled(DerivativeStructure[] p) {
    DerivativeStructure f1 = p[0].subtract(1e6);
    DerivativeStructure f2 = p[1].subtract(2e-6);
    DerivativeStructure f3 = p[0].multiply(p[1]).subtract(2);
    return f1.multiply(f1).add(f2.multiply(f2)).add(f3.multiply(f3));
  }

  static DerivativeStructure beale(DerivativeStructure[] p) {
    double[] c = {1.5, 2.25, 2.625};
    DerivativeStructure s = p[0].getField().getZero();
    DerivativeStructure yi = p[0].getField().getOne();
    for (int i = 0; i < 3; i++) {
      yi = yi.multiply(p[1]);
      DerivativeStructure f = p[0].multiply(yi.negate().add(1)).negate().add(c[i]);
      s = s.add(f.multiply(f));
    }
    return s;
  }

  static DerivativeStructure helicalValley(DerivativeStructure[] p) {
    DerivativeStructure theta = p[1].divide(p[0]).atan().divide(2 * Math.PI);
    if (p[0].getValue() < 0) {
      theta = theta.add(0.5);
    }
    DerivativeStructure f1 = p[2].subtract(theta.multiply(10)).multiply(10);
    DerivativeStructure f2 = p[0].multiply(p[0]).add(p[1].multiply(p[1])).sqrt().subtract(1)
        .multiply(10);
    return f1.multiply(f1).add(f2.multiply(f2)).add(p[2].multiply(p[2]));
  }

  static DerivativeStructure bard(DerivativeStructure[] x) {
    DerivativeStructure s = x[0].getField().getZero();
    for (int i = 0; i < 15; i++) {
      double u = i + 1;
      double v = 16 - u;
      double w = Math.min(u, v);
      DerivativeStructure f = x[0].add(x[1].multiply(v).add(x[2].multiply(w)).reciprocal()
          .multiply(u)).negate().add(BARD_Y[i]);
      s = s.add(f.multiply(f));
    }
    return s;
  }

  static DerivativeStructure gaussian(DerivativeStructure[] x) {
    DerivativeStructure s = x[0].getField().getZero();
    for (int i = 0; i < 15; i++) {
      DerivativeStructure d = x[2].negate().add((7 - i) * 0.5);
      DerivativeStructure f = x[0].multiply(x[1].multiply(d).multiply(d).multiply(-0.5).exp())
          .subtract(GAUSS_Y[i]);
      s = s.add(f.multiply(f));
    }
    return s;
  }

  static DerivativeStructure box3d(DerivativeStructure[] x) {
    DerivativeStructure s = x[0].getField().getZero();
    for (int i = 1; i <= BOX_M; i++) {
      double t = 0.1 * i;
      DerivativeStructure f = x[0].multiply(-t).exp().subtract(x[1].multiply(-t).exp())
          .subtract(x[2].multiply(Math.exp(-t) - Math.exp(-i)));
      s = s.add(f.multiply(f));
    }
    return s;
  }

  static DerivativeStructure powellSingular(DerivativeStructure[] x) {
    DerivativeStructure f1 = x[0].add(x[1].multiply(10));
    DerivativeStructure f2 = x[2].subtract(x[3]);
    DerivativeStructure a = x[1].subtract(x[2].multiply(2));
    DerivativeStructure b = x[0].subtract(x[3]);
    DerivativeStructure f3 = a.multiply(a);
    DerivativeStructure f4 = b.multiply(b);
    return f1.multiply(f1).add(f2.multiply(f2).multiply(5)).add(f3.multiply(f3))
        .add(f4.multiply(f4).multiply(10));
  }

  static DerivativeStructure wood(DerivativeStructure[] x) {
    DerivativeStructure f1 = x[1].subtract(x[0].multiply(x[0])).multiply(10);
    DerivativeStructure f2 = x[0].negate().add(1);
    DerivativeStructure f3 = x[3].subtract(x[2].multiply(x[2])).multiply(Math.sqrt(90));
    DerivativeStructure f4 = x[2].negate().add(1);
    DerivativeStructure f5 = x[1].add(x[3]).subtract(2).multiply(Math.sqrt(10));
    DerivativeStructure f6 = x[1].subtract(x[3]).divide(Math.sqrt(10));
    return f1.multiply(f1).add(f2.multiply(f2)).add(f3.multiply(f3)).add(f4.multiply(f4))
        .add(f5.multiply(f5)).add(f6.multiply(f6));
  }

  static DerivativeStructure kowalikOsborne(DerivativeStructure[] x) {
    DerivativeStructure s = x[0].getField().getZero();
    for (int i = 0; i < 11; i++) {
      double u = KOW_U[i];
      DerivativeStructure num = x[1].multiply(u).add(u * u);
      DerivativeStructure den = x[2].multiply(u).add(x[3]).add(u * u);
      DerivativeStructure f = x[0].multiply(num).divide(den).negate().add(KOW_Y[i]);
      s = s.add(f.multiply(f));
    }
    return s;
  }

  static DerivativeStructure brownDennis(DerivativeStructure[] x) {
    DerivativeStructure s = x[0].getField().getZero();
    for (int i = 1; i <= BROWN_DENNIS_M; i++) {
      double t = i / 5.0;
      DerivativeStructure l = x[0].add(x[1].multiply(t)).subtract(Math.exp(t));
      DerivativeStructure r = x[2].add(x[3].multiply(Math.sin(t))).subtract(Math.cos(t));
      DerivativeStructure f = l.multiply(l).add(r.multiply(r));
      s = s.add(f.multiply(f));
    }
    return s;
  }
}
