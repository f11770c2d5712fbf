package dev.adjoint.loads;

import dev.adjoint.Differentiable;

/**
 * Bodies that read one primal element several times, with and without something in between
 * that may change it, for {@link LoadsTest}: the adjoint holds an element in a local only
 * where nothing in between can change it.
 */
final class LoadsFx {
  private LoadsFx() {}

  /** Extended Rosenbrock, both elements of a pair read twice (fused). */
  @Differentiable
  static double pairs(double[] x) {
    double f = 0;
    for (int i = 0; i < x.length / 2; i++) {
      double t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]);
      double t2 = 1 - x[2 * i] + 0.1 * x[2 * i + 1] * x[2 * i + 1];
      f += t1 * t1 + t2 * t2;
    }
    return f;
  }

  /** Elements of rows, read twice in one statement and again in the reverse. */
  @Differentiable
  static double rows(double[][] w, double[] v) {
    double s = 0;
    for (int j = 0; j < w.length; j++) {
      for (int k = 0; k < v.length; k++) {
        s += Math.sin(w[j][k] * v[k]) * w[j][k];
      }
    }
    return s;
  }

  /** A local array written between two reads of the parameter's element. */
  @Differentiable
  static double written(double[] x) {
    double[] y = new double[x.length];
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] * x[i];
      s += y[i] * y[i] * x[i];
    }
    return s;
  }

  /** Reads only in one branch of ?: and right of &&, besides unconditional ones. */
  @Differentiable
  static double branches(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double a = i > 0 && x[i - 1] > 0 ? x[i - 1] * x[i] : x[i] * x[i] * x[i];
      s += a * x[i];
    }
    return s;
  }

  /** A product (two sweeps): the reverse sweep reads each element several times. */
  @Differentiable
  static double product(double[] x) {
    double p = 1;
    for (int i = 0; i < x.length; i++) {
      p *= 1 + x[i] * x[i] + Math.cos(x[i]);
    }
    return p;
  }

  /** The index moves between reads of x[k]. */
  @Differentiable
  static double movingIndex(double[] x) {
    double s = 0;
    int k = 0;
    while (k + 1 < x.length) {
      double a = x[k] * x[k];
      k = k + 1;
      s += a * x[k] + x[k] * x[k];
    }
    return s;
  }

  /** Writes into its parameter between reads of it (not public: the gradient works on a copy). */
  @Differentiable
  static double halving(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double a = x[i] * x[i];
      x[i] = 0.5 * x[i];
      s += a * x[i] + x[i] * x[i];
    }
    return s;
  }

  /** A helper that writes into an array, called between reads. */
  static void scale(double[] y, double c) {
    for (int k = 0; k < y.length; k++) {
      y[k] *= c;
    }
  }

  /** A call that writes into a local copy between reads of its elements. */
  @Differentiable
  static double called(double[] x) {
    double[] y = x.clone();
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += y[i] * y[i];
      scale(y, 1.5);
      s += y[i] * y[i] * y[i];
    }
    return s;
  }
}
