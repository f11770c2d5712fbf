package dev.adjoint.loops;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Inner-loop temporaries that read an enclosing loop's counter (fuzz seed -3178373903210802200):
 * the reverse sweep recomputes them, so it must set the outer counter for each replayed outer
 * iteration. Before the fix it left the counter at its final value.
 */
final class OuterCounterFx {
  private OuterCounterFx() {}

  /** A temporary the user declares: u times the product of cos(0.5 k)^3 over k = 0, 2, 4. */
  @Differentiable
  static double declared(double u) {
    double s = u;
    for (int k = 0; k < 6; k += 2) {
      for (int j = 0; j < 3; j++) {
        double c = Math.cos(0.5 * k);
        s *= c;
      }
    }
    return s;
  }

  /** The same with the call in the product (StoredCallResults holds it in a temporary). */
  @Differentiable
  static double called(double u) {
    double s = u;
    for (int k = 0; k < 3; k++) {
      for (int j = 0; j < 3; j++) {
        s *= Math.cos(0.5 * k);
      }
    }
    return s;
  }

  /** Not differentiable itself: u times the product of cos(0.5 k)^3 over k = 0, 2, 4. */
  static double helper(double u) {
    double s = u;
    for (int k = 0; k < 6; k += 2) {
      L1:
      for (int j = 0; j < 3; j++) {
        s *= Math.cos(0.5 * k);
      }
    }
    return s;
  }

  /** The fuzz finding's shape: the loops in a helper, called from a second-order method. */
  @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
  static double viaHelper(double u) {
    return helper(u) * u;
  }
}
