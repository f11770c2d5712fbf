package dev.adjoint.issue14;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/** Numerical oracles and comparisons shared by the issue-14 tests. Everything here can fail. */
final class Num14 {
  /** Relative tolerance against 5-point central differences (the project's convention). */
  static final double FD_TOL = 1e-6;
  /** Relative tolerance between two exact computations of the same derivative. */
  static final double EXACT_TOL = 1e-10;

  private Num14() {}

  /** The step for a directional difference at x along d: 1e-4 of the scale of x, per unit of d. */
  static double step(double[] x, double[] d) {
    return 1e-4 * Math.max(1.0, maxAbs(x)) / Math.max(1e-300, maxAbs(d));
  }

  /** 5-point central difference of g at 0 with step h. */
  static double central(DoubleUnaryOperator g, double h) {
    return (8.0 * (g.applyAsDouble(h) - g.applyAsDouble(-h))
        - (g.applyAsDouble(2 * h) - g.applyAsDouble(-2 * h))) / (12.0 * h);
  }

  /** 5-point central difference of a vector function at 0 with step h. */
  static double[] centralVec(DoubleFunction<double[]> g, double h) {
    double[] p1 = g.apply(h);
    double[] m1 = g.apply(-h);
    double[] p2 = g.apply(2 * h);
    double[] m2 = g.apply(-2 * h);
    double[] out = new double[p1.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (8.0 * (p1[i] - m1[i]) - (p2[i] - m2[i])) / (12.0 * h);
    }
    return out;
  }

  static double[] axpy(double[] x, double t, double[] d) {
    double[] out = x.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += t * d[i];
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new AssertionError("dot of lengths " + a.length + " and " + b.length);
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Σ |a_i b_i|: the scale of a dot product's rounding error. */
  static double absDot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.abs(a[i] * b[i]);
    }
    return s;
  }

  static double[] times(double[][] m, double[] v) {
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = dot(m[i], v);
    }
    return out;
  }

  static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  static double maxAbs(double[][] m) {
    double s = 0;
    for (double[] row : m) {
      s = Math.max(s, maxAbs(row));
    }
    return s;
  }

  /** A deterministic direction with entries in [-1, 1], none tiny. */
  static double[] direction(int n, long seed) {
    Random r = new Random(seed);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      double u = 0.25 + 0.75 * r.nextDouble();
      d[i] = r.nextBoolean() ? u : -u;
    }
    return d;
  }

  /** |got - want| ≤ tol · max(1, |got|, |want|, floor). */
  static void close(String what, double got, double want, double tol, double floor) {
    double scale = Math.max(Math.max(1.0, floor), Math.max(Math.abs(got), Math.abs(want)));
    if (!(Math.abs(got - want) <= tol * scale)) {
      throw new AssertionError(what + ": got " + got + ", want " + want + " (relative error "
          + Math.abs(got - want) / scale + " > " + tol + ")");
    }
  }

  static void close(String what, double got, double want, double tol) {
    close(what, got, want, tol, 1.0);
  }

  /** Entry by entry, each relative to max(1, its own size, floor · the largest wanted entry). */
  static void close(String what, double[] got, double[] want, double tol, double floor) {
    if (got.length != want.length) {
      throw new AssertionError(what + ": length " + got.length + ", want " + want.length);
    }
    double f = floor * maxAbs(want);
    for (int i = 0; i < got.length; i++) {
      close(what + "[" + i + "] (got " + Arrays.toString(got) + ", want "
          + Arrays.toString(want) + ")", got[i], want[i], tol, f);
    }
  }

  static void close(String what, double[][] got, double[][] want, double tol, double floor) {
    if (got.length != want.length) {
      throw new AssertionError(what + ": " + got.length + " rows, want " + want.length);
    }
    double f = floor * maxAbs(want);
    for (int i = 0; i < got.length; i++) {
      if (got[i].length != want[i].length) {
        throw new AssertionError(what + ": row " + i + " has " + got[i].length
            + " entries, want " + want[i].length);
      }
      for (int j = 0; j < got[i].length; j++) {
        close(what + "[" + i + "][" + j + "]", got[i][j], want[i][j], tol, f);
      }
    }
  }

  /** Bit for bit, as value() must equal the primal (NaN equals NaN). */
  static void same(String what, double got, double want) {
    if (Double.compare(got, want) != 0 && !(got == 0.0 && want == 0.0)) {
      throw new AssertionError(what + ": got " + got + ", want exactly " + want);
    }
  }

  static void symmetric(String what, double[][] h, double tol) {
    double f = maxAbs(h);
    for (int i = 0; i < h.length; i++) {
      if (h[i].length != h.length) {
        throw new AssertionError(what + ": not square, row " + i + " has " + h[i].length);
      }
      for (int j = 0; j < i; j++) {
        close(what + " symmetry [" + i + "][" + j + "]", h[i][j], h[j][i], tol, f * 1e-3);
      }
    }
  }

  /** Value, gradient and Hessian of f at x by Hipparchus forward mode of order 2. */
  record Ds(double value, double[] gradient, double[][] hessian) {}

  static Ds ds(Function<DerivativeStructure[], DerivativeStructure> f, double[] x) {
    int n = x.length;
    DSFactory factory = new DSFactory(n, 2);
    DerivativeStructure[] vars = new DerivativeStructure[n];
    for (int i = 0; i < n; i++) {
      vars[i] = factory.variable(i, x[i]);
    }
    DerivativeStructure r = f.apply(vars);
    double[] g = new double[n];
    double[][] h = new double[n][n];
    for (int i = 0; i < n; i++) {
      int[] o = new int[n];
      o[i] = 1;
      g[i] = r.getPartialDerivative(o);
      for (int j = 0; j < n; j++) {
        int[] oo = new int[n];
        oo[i]++;
        oo[j]++;
        h[i][j] = r.getPartialDerivative(oo);
      }
    }
    return new Ds(r.getValue(), g, h);
  }

  /** The Hessian's columns by 5-point central differences of an exact gradient. */
  static double[][] fdJacobianOf(Function<double[], double[]> grad, double[] x) {
    int n = x.length;
    double[][] h = null;
    for (int j = 0; j < n; j++) {
      double[] e = new double[n];
      e[j] = 1;
      double step = 1e-4 * Math.max(1.0, Math.abs(x[j]));
      final double[] ej = e;
      double[] col = centralVec(t -> grad.apply(axpy(x, t, ej)), step);
      if (h == null) {
        h = new double[col.length][n];
      }
      for (int i = 0; i < col.length; i++) {
        h[i][j] = col[i];
      }
    }
    return h;
  }
}
