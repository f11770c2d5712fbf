package dev.adjoint.issue14;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Vector-valued methods for {@code mJacobian}: the residuals of a curve fit (3 parameters,
 * 8 residuals: more outputs than inputs), a method with fewer outputs than inputs (5 → 2), and
 * one with scalar parameters (3 → 4), each with its analytic Jacobian.
 */
final class VecFixture {
  private VecFixture() {}

  static final String CLS = "iss.Vec";

  /** Sample times of the curve fit. */
  static final double[] T = {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5};
  /** Observations: 2.5 exp(-1.3 t) + 0.5 with a little deterministic noise. */
  static final double[] Y = observations();

  static final String TEMPLATE = """
      package iss;

      import dev.adjoint.Differentiable;

      final class Vec {
        private Vec() {}

        @Differentiable(wrt = {"p"}, MODES)
        static double[] residuals(double[] p, double[] t, double[] y) {
          double[] r = new double[t.length];
          for (int i = 0; i < t.length; i++) {
            r[i] = p[0] * Math.exp(-p[1] * t[i]) + p[2] - y[i];
          }
          return r;
        }

        @Differentiable(MODES)
        static double[] fewer(double[] x) {
          double[] out = new double[2];
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
          }
          out[0] = Math.sqrt(s);
          out[1] = Math.sin(x[0] * x[1]) + x[2] * x[3] * x[4];
          return out;
        }

        @Differentiable(MODES)
        static double[] spherical(double r, double theta, double phi) {
          double[] out = {r * Math.sin(theta) * Math.cos(phi), r * Math.sin(theta) * Math.sin(phi),
              r * Math.cos(theta), r * r};
          return out;
        }
      }
      """;

  static Map<String, String> sources(String... modes) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(CLS, Modes14.render(TEMPLATE, modes));
    return s;
  }

  /** A vector method, its points, wrt, and its analytic Jacobian over the flattened inputs. */
  record VecCase(String method, int arity, List<Object[]> points, String[] wrt,
      Function<double[], double[][]> jacobian) {
    @Override
    public String toString() {
      return method;
    }
  }

  static List<VecCase> cases() {
    return List.of(
        new VecCase("residuals", 3, List.of(new Object[] {new double[] {2.0, 1.0, 0.3}, T, Y},
            new Object[] {new double[] {2.6, 1.25, 0.55}, T, Y}), new String[] {"p"},
            VecFixture::residualsJacobian),
        new VecCase("fewer", 1, List.of(new Object[] {new double[] {0.3, -1.2, 0.7, 2.0, -0.4}},
            new Object[] {new double[] {-1.1, 0.5, 0.9, -0.3, 1.4}}), new String[0],
            VecFixture::fewerJacobian),
        new VecCase("spherical", 3, List.of(new Object[] {1.5, 0.7, -0.4},
            new Object[] {0.8, 2.1, 1.3}), new String[0], VecFixture::sphericalJacobian));
  }

  private static double[] observations() {
    double[] y = new double[T.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 2.5 * Math.exp(-1.3 * T[i]) + 0.5 + 0.01 * Math.sin(7.0 * i);
    }
    return y;
  }

  /** ∂r_i/∂p = (e^{−p1 t_i}, −p0 t_i e^{−p1 t_i}, 1). */
  static double[][] residualsJacobian(double[] p) {
    double[][] j = new double[T.length][3];
    for (int i = 0; i < T.length; i++) {
      double e = Math.exp(-p[1] * T[i]);
      j[i][0] = e;
      j[i][1] = -p[0] * T[i] * e;
      j[i][2] = 1;
    }
    return j;
  }

  /** Row 0: x/‖x‖; row 1: (x1 cos x0x1, x0 cos x0x1, x3x4, x2x4, x2x3). */
  static double[][] fewerJacobian(double[] x) {
    double norm = 0;
    for (double v : x) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    double c = Math.cos(x[0] * x[1]);
    double[][] j = new double[2][5];
    for (int i = 0; i < 5; i++) {
      j[0][i] = x[i] / norm;
    }
    j[1][0] = x[1] * c;
    j[1][1] = x[0] * c;
    j[1][2] = x[3] * x[4];
    j[1][3] = x[2] * x[4];
    j[1][4] = x[2] * x[3];
    return j;
  }

  /** The spherical-to-Cartesian Jacobian, and the row of r² = (2r, 0, 0). */
  static double[][] sphericalJacobian(double[] v) {
    double r = v[0];
    double st = Math.sin(v[1]);
    double ct = Math.cos(v[1]);
    double sp = Math.sin(v[2]);
    double cp = Math.cos(v[2]);
    return new double[][] {
        {st * cp, r * ct * cp, -r * st * sp},
        {st * sp, r * ct * sp, r * st * cp},
        {ct, -r * st, 0},
        {2 * r, 0, 0}};
  }
}
