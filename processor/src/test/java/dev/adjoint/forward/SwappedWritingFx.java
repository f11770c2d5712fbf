package dev.adjoint.forward;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Writing helpers called on arrays swapped just before (fuzz finding, seed 271313 of the alias,
 * paramWrite and outParam shapes). The cause: {@code first} saves the element it overwrites in a
 * local and puts it back in its adjoint; its {@code mAdjointJvp} put back the element's tangent
 * as 0 instead of its saved tangent, so {@code map}'s second derivatives read a wrong direction.
 */
final class SwappedWritingFx {
  private SwappedWritingFx() {}

  static void map(double[] src, double[] dst, double s) {
    for (int i = 0; i < dst.length; i++) {
      dst[i] = src[i] * s + Math.sin(src[(i + 1) % src.length]);
    }
  }

  static void first(double[] src, double[] dst, double s) {
    double t = 0;
    dst[0] = Math.sqrt(t + 1.0) * s;
  }

  /** {@code p0 p2 + n p1² sin(n p1)}. */
  @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
  static double f(double p2, int n, double p1, double p0) {
    double a0 = p1;
    double a1 = p2;
    double[] y = new double[2];
    double[] w = new double[2];
    w[0] = a0 * n;
    double[] t = y;
    y = w;
    w = t;
    map(y, w, a0);
    first(w, y, p0);
    return y[0] * a1 + y[1] + w[1] * w[0];
  }
}
