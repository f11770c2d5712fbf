package dev.adjoint.issue13;

/** Deterministic test data: smooth, irregular values in (-scale, scale), no randomness. */
final class Data13 {
  private Data13() {}

  static double[] vec(int n, int seed, double scale) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = scale * Math.sin(1.7 * seed + 0.913 * i + 0.37 * i * i);
    }
    return v;
  }

  static double[] vec(int n, int seed) {
    return vec(n, seed, 1.0);
  }

  static double[][] mat(int rows, int cols, int seed, double scale) {
    double[][] m = new double[rows][];
    for (int r = 0; r < rows; r++) {
      m[r] = vec(cols, seed * 31 + r, scale);
    }
    return m;
  }

  static double[][] mat(int rows, int cols, int seed) {
    return mat(rows, cols, seed, 1.0);
  }
}
