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

  /**
   * Pushes every element of {@code a} on {@code tape}, first to last: the contents a call that
   * may write into {@code a} destroys, which {@link #pop(Tape, double[])} puts back.
   */
  public static void push(Tape tape, double[] a) {
    tape.pushDoubles(a, 0, a.length);
  }

  /** Pops into {@code a} the elements {@link #push(Tape, double[])} pushed, last to first. */
  public static void pop(Tape tape, double[] a) {
    tape.popDoubles(a, 0, a.length);
  }

  /** Pushes every element of every row of {@code m} on {@code tape}, row by row. */
  public static void push(Tape tape, double[][] m) {
    for (double[] row : m) {
      push(tape, row);
    }
  }

  /** Pops into {@code m} what {@link #push(Tape, double[][])} pushed. */
  public static void pop(Tape tape, double[][] m) {
    for (int i = m.length - 1; i >= 0; i--) {
      pop(tape, m[i]);
    }
  }

  /** Pushes every element of {@code a} on {@code tape}, first to last. */
  public static void push(Tape tape, int[] a) {
    for (int v : a) {
      tape.pushInt(v);
    }
  }

  /** Pops into {@code a} the elements {@link #push(Tape, int[])} pushed, last to first. */
  public static void pop(Tape tape, int[] a) {
    for (int i = a.length - 1; i >= 0; i--) {
      a[i] = tape.popInt();
    }
  }
}
