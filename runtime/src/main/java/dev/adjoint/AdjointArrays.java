package dev.adjoint;

/** Array support for generated gradient code. */
public final class AdjointArrays {
  private AdjointArrays() {}

  /**
   * The scalar-adjoint accumulator for a callee with no differentiated scalar parameter. It has
   * no elements, so sharing it shares no state.
   */
  public static final double[] NO_SCALARS = new double[0];

  /** Adds {@code source} into {@code target}, element by element: an adjoint flowing back. */
  public static void addInto(double[] target, double[] source) {
    if (target.length != source.length) {
      throw new IllegalArgumentException("adjoint of length " + source.length
          + " for an array of length " + target.length);
    }
    for (int i = 0; i < target.length; i++) {
      target[i] += source[i];
    }
  }

  /** A zero matrix with the shape of {@code m}, ragged rows included. */
  public static double[][] zerosLike(double[][] m) {
    double[][] zeros = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      // a row not assigned yet (new double[n][]) has no shadow yet either
      zeros[i] = m[i] == null ? null : new double[m[i].length];
    }
    return zeros;
  }
}
