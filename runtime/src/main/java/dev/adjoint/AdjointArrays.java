package dev.adjoint;

/** Array support for generated gradient code. */
public final class AdjointArrays {
  private AdjointArrays() {}

  /** A zero matrix with the shape of {@code m}, ragged rows included. */
  public static double[][] zerosLike(double[][] m) {
    double[][] zeros = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      zeros[i] = new double[m[i].length];
    }
    return zeros;
  }
}
