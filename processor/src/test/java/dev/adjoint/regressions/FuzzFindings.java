package dev.adjoint.regressions;

import dev.adjoint.Differentiable;

/** Minimal programs the differential fuzzer found, each once generating code that did not compile. */
final class FuzzFindings {
  private FuzzFindings() {}

  /** A break inside an arrow case: the switch was lowered to a block labelled 'switch'. */
  @Differentiable
  static double switchLabelKeywordBreak(double p, int k) {
    double s = p;
    switch (k) {
      case 0 -> {
        if (p > 0) {
          break;
        }
        s = s * p;
      }
      default -> s = s + p;
    }
    return s * p;
  }

  /** A classic switch expression with yield: the same keyword label. */
  @Differentiable
  static double switchLabelKeywordYield(double p, int k) {
    double s = switch (k) {
      case 0:
        yield p;
      default:
        yield p * p;
    };
    return s;
  }

  /** An int stored into an overwritten double element: its saved value was typed int. */
  @Differentiable
  static double arrayStoreOfInt(double a, int n) {
    double[] t = new double[2];
    double s = 0;
    for (int i = 0; i < 2; i++) {
      t[i] = a * i;
      s += t[i] * t[i];
      t[i] = n;
      s += t[i] * a;
    }
    return s;
  }
}
