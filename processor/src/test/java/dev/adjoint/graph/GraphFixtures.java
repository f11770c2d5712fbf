package dev.adjoint.graph;

import dev.adjoint.Differentiable;

final class GraphFixtures {
  private GraphFixtures() {}

  /** The seed's linear unit, in its four steps. */
  @Differentiable(wrt = {"w", "b"}, graph = true)
  static double cost(double w, double x, double b, double y) {
    double c = w * x;
    double a = c + b;
    double d = a - y;
    return 0.5 * d * d;
  }

  /** A loop: one node per executed assignment. */
  @Differentiable(graph = true)
  static double powerByLoop(double a, int n) {
    double p = 1;
    for (int i = 0; i < n; i++) {
      p = p * a;
    }
    return p;
  }
}
