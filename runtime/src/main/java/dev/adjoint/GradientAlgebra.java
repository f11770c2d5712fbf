package dev.adjoint;

/**
 * Vector operations on the array components of gradients, which the generated {@code add},
 * {@code scale}, {@code axpy} and {@code norm} of a record type use. Every result is a fresh
 * array of the operands' shape (ragged rows included); operands of different shapes are an
 * {@link IllegalArgumentException}.
 */
public final class GradientAlgebra {
  private GradientAlgebra() {}

  /** {@code alpha * x + y}, element by element, as a new array. */
  public static double[] axpy(double alpha, double[] x, double[] y) {
    sameLength(x.length, y.length);
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = alpha * x[i] + y[i];
    }
    return out;
  }

  /** {@code alpha * x + y}, element by element, as a new matrix. */
  public static double[][] axpy(double alpha, double[][] x, double[][] y) {
    sameLength(x.length, y.length);
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = axpy(alpha, x[i], y[i]);
    }
    return out;
  }

  /** {@code k * x}, as a new array. */
  public static double[] scale(double k, double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = k * x[i];
    }
    return out;
  }

  /** {@code k * x}, as a new matrix. */
  public static double[][] scale(double k, double[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = scale(k, x[i]);
    }
    return out;
  }

  /** The sum of the squares of the elements. */
  public static double sumOfSquares(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s;
  }

  /** The sum of the squares of the elements. */
  public static double sumOfSquares(double[][] x) {
    double s = 0;
    for (double[] row : x) {
      s += sumOfSquares(row);
    }
    return s;
  }

  private static void sameLength(int a, int b) {
    if (a != b) {
      throw new IllegalArgumentException("arrays of lengths " + a + " and " + b
          + " have different shapes");
    }
  }
}
