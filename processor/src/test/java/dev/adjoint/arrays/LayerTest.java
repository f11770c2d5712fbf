package dev.adjoint.arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import org.junit.jupiter.api.Test;

/** Layers returning double[]: vector–Jacobian products, and layers composed into a loss. */
class LayerTest {
  private static final double[][] W = {{0.5, -1.0, 0.25}, {1.5, 0.3, -0.2}};
  private static final double[] B = {0.1, -0.4};
  private static final double[] X = {1.0, 0.5, -2.0};

  @Test
  void vectorJacobianProductMatchesDirectionalFiniteDifferences() {
    double[] seed = {0.7, -1.3};
    var g = LayerFixturesGrad.dense(W, B, X, seed);
    assertArrayEquals(LayerFixtures.dense(W, B, X), g.value(), 0.0);
    GradientCheck.compare(x -> dot(seed, LayerFixtures.dense(W, B, x)), X, g.x())
        .assertWithin(1e-8);
    GradientCheck.compare(b -> dot(seed, LayerFixtures.dense(W, b, X)), B, g.b())
        .assertWithin(1e-8);
  }

  @Test
  void powersVectorJacobianProductIsExact() {
    double[] seed = {1, 1, 1};
    var g = LayerFixturesGrad.powers(2.0, 3, seed);
    assertArrayEquals(new double[] {2, 4, 8}, g.value(), 0.0);
    assertEquals(1 + 2 * 2 + 3 * 4, g.a(), 0.0); // d/da (a + a^2 + a^3) at 2
  }

  @Test
  void layersComposeInsideALoss() {
    double[][] w2 = {{0.3, -0.6}, {-0.1, 0.9}, {0.4, 0.2}};
    double[] b2 = {0.0, 0.1, -0.1};
    var g = LayerFixturesGrad.twoLayerLoss(X, 1, W, B, w2, b2);
    assertEquals(LayerFixtures.twoLayerLoss(X, 1, W, B, w2, b2), g.value(), 0.0);
    GradientCheck.compare(b -> LayerFixtures.twoLayerLoss(X, 1, W, b, w2, b2), B, g.b1())
        .assertWithin(1e-8);
    GradientCheck.compare(b -> LayerFixtures.twoLayerLoss(X, 1, W, B, w2, b), b2, g.b2())
        .assertWithin(1e-8);
    for (int row = 0; row < w2.length; row++) {
      int r = row;
      GradientCheck.compare(v -> {
        double[][] m = w2.clone();
        m[r] = v;
        return LayerFixtures.twoLayerLoss(X, 1, W, B, m, b2);
      }, w2[row], g.w2()[row]).assertWithin(1e-8);
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
