package dev.adjoint.custom;

import dev.adjoint.Differentiable;
import dev.adjoint.Gradients;
import dev.adjoint.NonDifferentiable;
import dev.adjoint.Partial;
import org.hipparchus.special.Gamma;

/** Derivatives users declare, stopped gradients and non-differentiable parameters. */
final class CustomFixtures {
  private CustomFixtures() {}

  /** A library function without source here: its derivative comes from {@link GammaRules}. */
  @Differentiable
  static double logGammaTimesX(double x) {
    return Gamma.logGamma(x) * x;
  }

  /**
   * log(e^a + e^b), stable for large arguments. The generated derivative of this body would be
   * right too; the declared one is the closed form, and callers use it instead.
   */
  @Differentiable
  static double logSumExp(double a, double b) {
    double m = Math.max(a, b);
    return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
  }

  @Partial(of = "logSumExp", wrt = "a")
  static double logSumExpDa(double a, double b) {
    return 1 / (1 + Math.exp(b - a));
  }

  @Partial(of = "logSumExp", wrt = "b")
  static double logSumExpDb(double a, double b) {
    return 1 / (1 + Math.exp(a - b));
  }

  @Differentiable
  static double softmaxWeightLoss(double a, double b) {
    return 2 * logSumExp(a, b) - a;
  }

  /** The identity, with a straight-through-style declared derivative that clips. */
  @Differentiable
  static double clip(double x) {
    return x;
  }

  @Partial(of = "clip", wrt = "x")
  static double clipDerivative(double x) {
    return Math.abs(x) < 1 ? 1 : 0;
  }

  @Differentiable
  static double usesClip(double x) {
    return 3 * clip(x);
  }

  /** d/da of stopGradient(a) * a is a, not 2a. */
  @Differentiable
  static double stopped(double a) {
    return Gradients.stopGradient(a) * a;
  }

  /** The temperature t is not differentiated: no t() accessor. */
  @Differentiable
  static double scaled(@NonDifferentiable double t, double w) {
    return w * w / t;
  }
}
