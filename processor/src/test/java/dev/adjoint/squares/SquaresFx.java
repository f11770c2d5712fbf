package dev.adjoint.squares;

import dev.adjoint.Differentiable;

/**
 * Squares ({@code x * x}, the same value on both sides) for {@link SquaresTest}: each gives its
 * operand's adjoint one contribution {@code s * (x + x)} (transform/Squares); a product of two
 * different values keeps the product rule's two.
 */
final class SquaresFx {
  private SquaresFx() {}

  /** A parameter squared. */
  @Differentiable
  static double parameter(double w) {
    return w * w;
  }

  /** A local squared, and read again beside the square. */
  @Differentiable
  static double local(double x, double y) {
    double t = x * y + 1;
    return t * t + 3 * t;
  }

  /** Each element squared, and read once more (the element's adjoint has two shares). */
  @Differentiable
  static double elements(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[i] - 0.5 * x[i];
    }
    return s;
  }

  /** Elements of a matrix squared, scaled by the row. */
  @Differentiable
  static double matrix(double[][] w) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w[i].length; j++) {
        s += (i + 1) * (w[i][j] * w[i][j]);
      }
    }
    return s;
  }

  /** Neighbouring elements multiplied: not a square (the index differs). */
  @Differentiable
  static double neighbours(double[] x) {
    double s = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      s += x[i] * x[i + 1];
    }
    return s;
  }

  /** A square of a square and of a sum: the operand's value is what is doubled. */
  @Differentiable
  static double nested(double a, double b) {
    double u = a * a;
    double v = a + b;
    return u * u + v * v * b;
  }
}
