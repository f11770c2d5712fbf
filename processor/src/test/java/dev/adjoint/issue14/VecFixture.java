package dev.adjoint.issue14;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Vector-valued methods for {@code mJacobian}: the residuals of a curve fit (3 parameters,
 * 8 residuals: more outputs than inputs), a method with fewer outputs than inputs (5 → 2), one
 * with scalar parameters (3 → 4) and a layer tanh(w x) whose columns flatten a double[][]
 * row-major and then a double[] (8 → 3), each with its analytic Jacobian.
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

        @Differentiable(MODES)
        static double[] layer(double[][] w, double[] x) {
          double[] out = new double[w.length];
          for (int i = 0; i < w.length; i++) {
            double z = 0;
            for (int j = 0; j < x.length; j++) {
              z += w[i][j] * x[j];
            }
            out[i] = Math.tanh(z);
          }
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
            new Object[] {0.8, 2.1, 1.3}), new String[0], VecFixture::sphericalJacobian),
        new VecCase("layer", 2, List.<Object[]>of(new Object[] {
            new double[][] {{0.5, -0.3}, {0.2, 0.8}, {-0.7, 0.1}}, new double[] {0.9, -1.4}}),
            new String[0], VecFixture::layerJacobian));
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

  /**
   * layer(w, x) = tanh(w x) for a 3×2 w, over the flattened (w row-major, x): ∂out_i/∂w_kj =
   * δ_ik (1 − out_i²) x_j and ∂out_i/∂x_j = (1 − out_i²) w_ij.
   */
  static double[][] layerJacobian(double[] v) {
    double[][] w = {{v[0], v[1]}, {v[2], v[3]}, {v[4], v[5]}};
    double[] x = {v[6], v[7]};
    double[][] j = new double[3][8];
    for (int i = 0; i < 3; i++) {
      double out = Math.tanh(w[i][0] * x[0] + w[i][1] * x[1]);
      double d = 1 - out * out;
      j[i][2 * i] = d * x[0];
      j[i][2 * i + 1] = d * x[1];
      j[i][6] = d * w[i][0];
      j[i][7] = d * w[i][1];
    }
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
