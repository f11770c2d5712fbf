package dev.adjoint.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * Gradients (finite differences and exact values), tangents and Hessian-vector products of
 * {@link OuterCounterFx}: inner loops whose recomputed temporaries read the outer counter.
 */
class OuterCounterTest {
  private static final double[] POINTS = {0.72469463631547, -1.3, 0.2};

  @Test
  void aTemporaryTheUserDeclaresSeesEachOuterIterationsCounter() {
    for (double u : POINTS) {
      var g = OuterCounterFxGrad.declared(u);
      double product = 1;
      for (int k = 0; k < 6; k += 2) {
        product *= Math.pow(Math.cos(0.5 * k), 3);
      }
      assertEquals(product, g.u(), 1e-15 * Math.abs(product));
      assertEquals(OuterCounterFx.declared(u), g.value(), 0.0);
      GradientCheck.compare(x -> OuterCounterFx.declared(x[0]), new double[] {u}, new double[] {g.u()})
          .assertWithin(1e-7);
    }
  }

  @Test
  void aCallInAProductSeesEachOuterIterationsCounter() {
    for (double u : POINTS) {
      var g = OuterCounterFxGrad.called(u);
      double product = 1;
      for (int k = 0; k < 3; k++) {
        product *= Math.pow(Math.cos(0.5 * k), 3);
      }
      assertEquals(product, g.u(), 1e-15 * Math.abs(product));
      GradientCheck.compare(x -> OuterCounterFx.called(x[0]), new double[] {u}, new double[] {g.u()})
          .assertWithin(1e-7);
    }
  }

  @Test
  void theFuzzFindingsShapeThroughAHelperInEveryMode() {
    for (double u : POINTS) {
      var g = OuterCounterFxGrad.viaHelper(u);
      // f = u^2 P with P = prod_k cos(0.5 k)^3: f' = 2 u P, f'' = 2 P
      double p = 1;
      for (int k = 0; k < 6; k += 2) {
        p *= Math.pow(Math.cos(0.5 * k), 3);
      }
      double exact = 2 * u * p;
      assertEquals(exact, g.u(), 1e-14 * (1 + Math.abs(exact)));
      GradientCheck.compare(x -> OuterCounterFx.viaHelper(x[0]), new double[] {u}, new double[] {g.u()})
          .assertWithin(1e-7);
      assertEquals(g.u(), OuterCounterFxGrad.viaHelperTangent(u, 1.0).tangent(),
          1e-12 * (1 + Math.abs(exact)));
      // H v against central differences of the gradient
      double h = 1e-5;
      double second = (OuterCounterFxGrad.viaHelper(u + h).u()
          - OuterCounterFxGrad.viaHelper(u - h).u()) / (2 * h);
      double hvp = OuterCounterFxGrad.viaHelperHvp(u, 1.0).uHvp();
      assertEquals(second, hvp, 1e-6 * (1 + Math.abs(second)));
      assertEquals(2 * p, hvp, 1e-14);
      assertEquals(g.u(), OuterCounterFxGrad.viaHelperHvp(u, 1.0).u(), 1e-14 * (1 + Math.abs(exact)));
    }
  }
}
