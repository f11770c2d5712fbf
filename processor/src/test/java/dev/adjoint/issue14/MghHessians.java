package dev.adjoint.issue14;

/**
 * Hand-coded analytic Hessians of the Moré–Garbow–Hillstrom problems in {@link MghFixture},
 * ported to 0-based Java from the {@code he} functions of the R package funconstrain
 * (github.com/jlmelville/funconstrain, R/01_rosen.R … R/16_brown_den.R), which themselves follow
 * the hand-derived second derivatives of the MGH problems. Validated against Hipparchus order-2
 * forward mode and central differences in {@link Issue14OraclesTest}.
 */
final class MghHessians {
  private MghHessians() {}

  /** Fills the lower triangle from the upper one. */
  private static double[][] sym(double[][] h) {
    for (int i = 0; i < h.length; i++) {
      for (int j = 0; j < i; j++) {
        h[i][j] = h[j][i];
      }
    }
    return h;
  }

  static double[][] rosenbrock(double[] x) {
    double t1 = 10.0 * (x[1] - x[0] * x[0]);
    double[][] h = new double[2][2];
    h[0][0] = 2.0 * (400.0 * x[0] * x[0] - 20.0 * t1 + 1.0);
    h[0][1] = -400.0 * x[0];
    h[1][1] = 200.0;
    return sym(h);
  }

  static double[][] freudensteinRoth(double[] x) {
    double x1 = x[0];
    double x2 = x[1];
    double t1 = -13.0 + x1 + ((5.0 - x2) * x2 - 2.0) * x2;
    double t2 = -29.0 + x1 + ((x2 + 1.0) * x2 - 14.0) * x2;
    double a = (10.0 - 3.0 * x2) * x2 - 2.0;
    double b = (3.0 * x2 + 2.0) * x2 - 14.0;
    double[][] h = new double[2][2];
    h[0][0] = 4.0;
    h[0][1] = 8.0 * (3.0 * x2 - 4.0);
    h[1][1] = 2.0 * (t1 * (-6.0 * x2 + 10.0) + a * a + t2 * (6.0 * x2 + 2.0) + b * b);
    return sym(h);
  }

  static double[][] powellBadlyScaled(double[] x) {
    double x1 = x[0];
    double x2 = x[1];
    double t1 = 1.0e4 * x1 * x2 - 1;
    double t2 = Math.exp(-x1) + Math.exp(-x2) - 1.0001;
    double[][] h = new double[2][2];
    h[0][0] = 2.0 * (1.0e8 * x2 * x2 + t2 * Math.exp(-x1) + Math.exp(-x1) * Math.exp(-x1));
    h[0][1] = 2.0 * (t1 * 1.0e4 + 1.0e8 * x1 * x2 + Math.exp(-x1 - x2));
    h[1][1] = 2.0 * (1.0e8 * x1 * x1 + t2 * Math.exp(-x2) + Math.exp(-x2) * Math.exp(-x2));
    return sym(h);
  }

  static double[][] brownBadlyScaled(double[] x) {
    double[][] h = new double[2][2];
    h[0][0] = 2.0 * (1.0 + x[1] * x[1]);
    h[0][1] = 4.0 * (x[0] * x[1] - 1.0);
    h[1][1] = 2.0 * (1.0 + x[0] * x[0]);
    return sym(h);
  }

  static double[][] beale(double[] x) {
    double x1 = x[0];
    double x2 = x[1];
    double[] y = {1.5, 2.25, 2.625};
    double[][] h = new double[2][2];
    for (int i = 1; i <= 3; i++) {
      double t1 = y[i - 1] - x1 * (1.0 - Math.pow(x2, i));
      double xi = Math.pow(x2, i);
      double xim1 = Math.pow(x2, i - 1);
      h[0][0] += 2.0 * (xi - 1.0) * (xi - 1.0);
      h[0][1] += 2.0 * (t1 * i * xim1 + i * x1 * xim1 * (xi - 1.0));
      h[1][1] += 2.0 * (t1 * (i - 1) * i * x1 * (i >= 2 ? Math.pow(x2, i - 2) : 0.0)
          + (i * x1 * xim1) * (i * x1 * xim1));
    }
    return sym(h);
  }

  static double[][] helicalValley(double[] x) {
    double x1 = x[0];
    double x2 = x[1];
    double x3 = x[2];
    double th;
    if (x1 == 0.0) {
      th = 0.25 * Math.signum(x2);
    } else {
      th = Math.atan(x2 / x1) / (2.0 * Math.PI);
      if (x1 < 0.0) {
        th += 0.5;
      }
    }
    double arg = x1 * x1 + x2 * x2;
    double piarg = Math.PI * arg;
    double piarg2 = piarg * arg;
    double r3inv = 1.0 / Math.pow(Math.sqrt(arg), 3);
    double t = x3 - 10.0 * th;
    double p1 = 2.0e3 * x1 * x2 * t / piarg2;
    double p2 = (5.0 / piarg) * (5.0 / piarg);
    double[][] h = new double[3][3];
    h[0][0] = 2.0e2 - 2.0e2 * (r3inv - p2) * x2 * x2 - p1;
    h[0][1] = 2.0e2 * x1 * x2 * r3inv
        + 1.0e3 / piarg2 * (t * (x1 * x1 - x2 * x2) - 5.0 * x1 * x2 / Math.PI);
    h[1][1] = 2.0e2 - 2.0e2 * (r3inv - p2) * x1 * x1 + p1;
    h[0][2] = 1.0e3 * x2 / piarg;
    h[1][2] = -1.0e3 * x1 / piarg;
    h[2][2] = 202.0;
    return sym(h);
  }

  static double[][] bard(double[] x) {
    double[][] h = new double[3][3];
    for (int i = 1; i <= 15; i++) {
      double d1 = i;
      double d2 = 16.0 - i;
      double d3 = Math.min(d1, d2);
      double s1 = d2 * x[1] + d3 * x[2];
      double t1 = MghFixture.BARD_Y[i - 1] - (x[0] + d1 / s1);
      double t2 = d1 / (s1 * s1);
      double t3 = -2.0 * d1 / (s1 * s1 * s1);
      double s2 = t1 * t3 + t2 * t2;
      h[0][0] += 2.0;
      h[0][1] -= 2.0 * d2 * t2;
      h[1][1] += 2.0 * s2 * d2 * d2;
      h[0][2] -= 2.0 * t2 * d3;
      h[1][2] += 2.0 * s2 * d2 * d3;
      h[2][2] += 2.0 * s2 * d3 * d3;
    }
    return sym(h);
  }

  static double[][] gaussian(double[] x) {
    double x1 = x[0];
    double x2 = x[1];
    double x3 = x[2];
    double[][] h = new double[3][3];
    for (int i = 1; i <= 15; i++) {
      double d1 = 0.5 * (i - 1);
      double d2 = 3.5 - d1 - x3;
      double arg = 0.5 * x2 * d2 * d2;
      double r = Math.exp(-arg);
      double t = x1 * r - MghFixture.GAUSS_Y[i - 1];
      double t1 = 2.0 * x1 * r - MghFixture.GAUSS_Y[i - 1];
      h[0][0] += r * r;
      h[0][1] -= r * t1 * d2 * d2;
      h[1][1] += r * t1 * d2 * d2 * d2 * d2;
      h[0][2] += d2 * r * t1;
      h[1][2] += d2 * r * (t - arg * t1);
      h[2][2] += r * (x2 * t1 * d2 * d2 - t);
    }
    h[0][0] *= 2.0;
    h[1][1] *= 0.5 * x1;
    h[0][2] *= 2.0 * x2;
    h[1][2] *= 2.0 * x1;
    h[2][2] *= 2.0 * x1 * x2;
    return sym(h);
  }

  static double[][] box3d(double[] x) {
    double[][] h = new double[3][3];
    for (int i = 1; i <= MghFixture.BOX_M; i++) {
      double d1 = 0.1 * i;
      double t1 = Math.exp(-d1 * x[0]);
      double t2 = Math.exp(-d1 * x[1]);
      double t3 = Math.exp(-10.0 * d1);
      double t4 = Math.exp(-d1);
      double s1 = t1 - t2 - x[2] * (t4 - t3);
      h[0][0] += 2.0 * t1 * d1 * d1 * (s1 + t1);
      h[0][1] -= 2.0 * t1 * t2 * d1 * d1;
      h[1][1] += 2.0 * t2 * d1 * d1 * (t2 - s1);
      h[0][2] -= 2.0 * d1 * t1 * (t3 - t4);
      h[1][2] += 2.0 * d1 * t2 * (t3 - t4);
      h[2][2] += 2.0 * (t3 - t4) * (t3 - t4);
    }
    return sym(h);
  }

  static double[][] powellSingular(double[] x) {
    double d3 = (x[1] - 2.0 * x[2]) * (x[1] - 2.0 * x[2]);
    double d4 = Math.sqrt(10.0) * (x[0] - x[3]) * (x[0] - x[3]);
    double t1 = 2.0 * (x[1] - 2.0 * x[2]);
    double t2 = 2.0 * Math.sqrt(10.0) * (x[0] - x[3]);
    double t3 = 2.0 * Math.sqrt(10.0);
    double[][] h = new double[4][4];
    h[0][0] = 2.0 * (1.0 + d4 * t3 + t2 * t2);
    h[0][1] = 20.0;
    h[1][1] = 2.0 * (100.0 + 2.0 * d3 + t1 * t1);
    h[0][2] = 0.0;
    h[1][2] = -4.0 * (2.0 * d3 + t1 * t1);
    h[2][2] = 8.0 * (1.25 + 2.0 * d3 + t1 * t1);
    h[0][3] = -2.0 * (d4 * t3 + t2 * t2);
    h[1][3] = 0.0;
    h[2][3] = -10.0;
    h[3][3] = 2.0 * (5.0 + d4 * t3 + t2 * t2);
    return sym(h);
  }

  static double[][] wood(double[] x) {
    double[][] h = new double[4][4];
    h[0][0] = 1.2e3 * x[0] * x[0] - 4.0e2 * x[1] + 2.0;
    h[1][1] = 2.202e2;
    h[2][2] = 1.08e3 * x[2] * x[2] - 3.6e2 * x[3] + 2.0;
    h[3][3] = 2.002e2;
    h[0][1] = -4.0e2 * x[0];
    h[1][3] = 1.98e1;
    h[2][3] = -3.6e2 * x[2];
    return sym(h);
  }

  static double[][] kowalikOsborne(double[] x) {
    double x1 = x[0];
    double[][] h = new double[4][4];
    for (int i = 0; i < 11; i++) {
      double u = MghFixture.KOW_U[i];
      double s1 = u + x[1];
      double t1 = u * u + u * x[2] + x[3];
      double q = x1 * u * s1 / t1;
      double d1 = MghFixture.KOW_Y[i] - q;
      h[0][0] += 2.0 * (u * s1 / t1) * (u * s1 / t1);
      h[0][1] += 2.0 * u / t1 * (q - d1);
      h[1][1] += 2.0 * (x1 * u / t1) * (x1 * u / t1);
      h[0][2] += 2.0 * s1 * u * u / (t1 * t1) * (d1 - q);
      h[1][2] += 2.0 * x1 * u * u / (t1 * t1) * (d1 - q);
      h[2][2] += 2.0 * u * u * u * x1 * s1 / (t1 * t1 * t1) * (q - 2.0 * d1);
      h[0][3] += 2.0 * u * s1 / (t1 * t1) * (d1 - q);
      h[1][3] += 2.0 * x1 * u / (t1 * t1) * (d1 - q);
      h[2][3] += 2.0 * x1 * u * u * s1 / (t1 * t1 * t1) * (q - 2.0 * d1);
      h[3][3] += 2.0 * x1 * u * s1 / (t1 * t1 * t1) * (q - 2.0 * d1);
    }
    return sym(h);
  }

  static double[][] brownDennis(double[] x) {
    double[][] h = new double[4][4];
    for (int i = 1; i <= MghFixture.BROWN_DENNIS_M; i++) {
      double d1 = i / 5.0;
      double d2 = Math.sin(d1);
      double t1 = x[0] + d1 * x[1] - Math.exp(d1);
      double t2 = x[2] + d2 * x[3] - Math.cos(d1);
      double t = 8.0 * t1 * t2;
      double s1 = 12.0 * t1 * t1 + 4.0 * t2 * t2;
      double s2 = 12.0 * t2 * t2 + 4.0 * t1 * t1;
      h[0][0] += s1;
      h[0][1] += s1 * d1;
      h[1][1] += s1 * d1 * d1;
      h[0][2] += t;
      h[1][2] += t * d1;
      h[2][2] += s2;
      h[0][3] += t * d2;
      h[1][3] += t * d1 * d2;
      h[2][3] += s2 * d2;
      h[3][3] += s2 * d2 * d2;
    }
    return sym(h);
  }
}
