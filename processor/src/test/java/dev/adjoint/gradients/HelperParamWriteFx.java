package dev.adjoint.gradients;
import dev.adjoint.Differentiable;
import dev.adjoint.Mode;
/**
 * Writes into a method's own parameter arrays made only by a helper it calls ({@code scale(x, c)},
 * a row {@code scale(m[1], c)}, the whole matrix): copied on entry and written through after the
 * call, as a direct write is (issue 13).
 */
final class HelperParamWriteFx {
  private HelperParamWriteFx() {}

  static void scale(double[] y, double c) {
    for (int k = 0; k < y.length; k++) {
      y[k] = y[k] * c;
    }
  }

  static void scaleAll(double[][] m, double c) {
    for (double[] r : m) {
      scale(r, c);
    }
  }

  @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
  static double vec(double[] x, double c) {
    double s = x[0] * x[1];
    scale(x, c);
    return s + x[0] * x[0] + Math.sin(x[1]) * c;
  }

  @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
  static double row(double[][] m, double c) {
    double s = m[1][0] * m[0][1];
    scale(m[1], c);
    return s + m[1][0] * m[1][1] + m[0][0];
  }

  @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
  static double whole(double[][] m, double c) {
    double s = m[1][0] * m[0][1];
    for (int i = 0; i < 2; i++) {
      scaleAll(m, c);
      s += m[0][1] * m[1][1];
    }
    return s;
  }
}
