package dev.adjoint.custom;

import dev.adjoint.Partial;
import org.hipparchus.special.Gamma;

/** Derivatives of a library's special functions, declared outside the library. */
final class GammaRules {
  private GammaRules() {}

  @Partial(in = Gamma.class, of = "logGamma", wrt = "x")
  static double logGammaDerivative(double x) {
    return Gamma.digamma(x);
  }
}
