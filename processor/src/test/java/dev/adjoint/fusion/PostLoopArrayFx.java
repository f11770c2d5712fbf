package dev.adjoint.fusion;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * A sum loop followed by an array declared after it, whose shadow the post-loop reverse reads:
 * not fused (fused, the reverse ran before the allocation: a NullPointerException in the
 * gradient; fuzz seed 29112029).
 */
final class PostLoopArrayFx {
  private PostLoopArrayFx() {}

  /** {@code 2 (0.5 + Σ_i x[(i + 1) % 2]) + x[0]}. */
  @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
  static double sumIntoArray(double[] x) {
    double a = 0.5;
    for (int i = 0; i < x.length; i++) {
      a += x[(i + 1) % 2];
    }
    var z = new double[3];
    z[0] = a;
    z[2] = 2 * a + x[0];
    return z[2];
  }

  /** The fuzzer's program: the returned element is never written, so the gradient is 0. */
  @Differentiable
  static double unwrittenElement(double[] x) {
    double a = 0.5;
    for (int i = 0; i < x.length; i++) {
      a += x[(i + 1) % 2];
    }
    var z = new double[3];
    z[0] = a;
    return z[2];
  }
}
