package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directionalVector;
import static dev.adjoint.forward.ForwardCheck.exact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mHvp through writing helpers on swapped arrays (SwappedWritingFx) against exact values. */
class SwappedWritingTest {
  private static double[] gradient(double[] p, int n) {
    var g = SwappedWritingFxGrad.f(p[0], n, p[1], p[2]);
    return new double[] {g.p2(), g.p1(), g.p0()};
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void hvpMatchesExactValuesAndDifferencesOfTheGradient(int n) {
    double p2 = 1.3037204828475888;
    double p1 = 1.0744482988338921;
    double p0 = 0.02824502750841118;
    double[] v = {-0.12113312391715514, 0.7854646210363514, -0.03477970171387024};
    var h = SwappedWritingFxGrad.fHvp(p2, n, p1, p0, v[0], v[1], v[2]);
    double np = n * p1;
    double g1 = 2 * n * p1 * Math.sin(np) + n * p1 * p1 * n * Math.cos(np);
    exact(new double[] {p0, g1, p2}, new double[] {h.p2(), h.p1(), h.p0()}, "the gradient");
    double h11 = 2 * n * Math.sin(np) + 4 * n * n * p1 * Math.cos(np)
        - n * n * n * p1 * p1 * Math.sin(np);
    double[] hv = {v[2], h11 * v[1], v[0]};
    close(hv, new double[] {h.p2Hvp(), h.p1Hvp(), h.p0Hvp()}, "H v exact");
    close(directionalVector(p -> gradient(p, n), new double[] {p2, p1, p0}, v, 1e-4),
        new double[] {h.p2Hvp(), h.p1Hvp(), h.p0Hvp()}, "H v by differences");
  }
}
