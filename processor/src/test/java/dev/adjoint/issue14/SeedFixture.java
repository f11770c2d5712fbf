package dev.adjoint.issue14;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed document's two-layer ReLU network (backpropagation-and-computation-graphs.md, "A
 * Larger Neural Network Example"): z1 = w1·x + b1, a1 = g(z1), z2 = w2·a1 + b2, a2 = g(z2),
 * J = ½(a2 − y)², g = ReLU, at x = 1, y = 5, w1 = 2, b1 = 0, w2 = 3, b2 = 1 (J = 2).
 */
final class SeedFixture {
  private SeedFixture() {}

  static final String CLS = "iss.Seed";

  /** The seed's point, in parameter order (x, y, w1, b1, w2, b2). */
  static final Object[] POINT = {1.0, 5.0, 2.0, 0.0, 3.0, 1.0};

  static final String TEMPLATE = """
      package iss;

      import dev.adjoint.Activations;
      import dev.adjoint.Differentiable;
      import dev.adjoint.Losses;

      final class Seed {
        private Seed() {}

        @Differentiable(MODES)
        static double twoLayer(double x, double y, double w1, double b1, double w2, double b2) {
          double z1 = w1 * x + b1;
          double a1 = Activations.relu(z1);
          double z2 = w2 * a1 + b2;
          double a2 = Activations.relu(z2);
          return Losses.squaredError(a2, y);
        }

        @Differentiable(wrt = {"w1", "b1", "w2", "b2"}, MODES)
        static double twoLayerWrt(double x, double y, double w1, double b1, double w2, double b2) {
          double z1 = w1 * x + b1;
          double a1 = Activations.relu(z1);
          double z2 = w2 * a1 + b2;
          double a2 = Activations.relu(z2);
          return Losses.squaredError(a2, y);
        }
      }
      """;

  static Map<String, String> sources(String... modes) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(CLS, Modes14.render(TEMPLATE, modes));
    return s;
  }

  /**
   * The Hessian of J over (x, y, w1, b1, w2, b2) at the seed's point, by hand.
   *
   * <p>At the point z1 = 2 > 0 and z2 = 7 > 0, so near it both ReLUs are the identity (g' = 1,
   * g'' = 0) and J = ½ r² with r = a2 − y = w2 (w1 x + b1) + b2 − y; r = 7 − 5 = 2.
   *
   * <p>For J = ½ r²: ∇J = r ∇r and ∇²J = ∇r ∇rᵀ + r ∇²r.
   *
   * <p>∇r = (∂r/∂x, ∂r/∂y, ∂r/∂w1, ∂r/∂b1, ∂r/∂w2, ∂r/∂b2)
   * = (w2 w1, −1, w2 x, w2, w1 x + b1, 1) = (6, −1, 3, 3, 2, 1);
   * so ∇J = 2 ∇r = (12, −2, 6, 6, 4, 2) (the seed's w1 6, b1 6, w2 4, b2 2).
   *
   * <p>r = w2 w1 x + w2 b1 + b2 − y is bilinear; its only non-zero second partials are
   * ∂²r/∂x∂w1 = w2 = 3, ∂²r/∂x∂w2 = w1 = 2, ∂²r/∂w1∂w2 = x = 1, ∂²r/∂b1∂w2 = 1.
   *
   * <p>Hence H = ∇r ∇rᵀ + 2 ∇²r, entry by entry: H[i][j] = g_i g_j with g = (6, −1, 3, 3, 2, 1),
   * plus 2·3 = 6 at (x, w1), 2·2 = 4 at (x, w2), 2·1 = 2 at (w1, w2) and at (b1, w2).
   */
  static double[][] twoLayerHessian() {
    double[] g = {6, -1, 3, 3, 2, 1};
    double[][] h = new double[6][6];
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        h[i][j] = g[i] * g[j];
      }
    }
    int x = 0;
    int w1 = 2;
    int b1 = 3;
    int w2 = 4;
    addSym(h, x, w1, 2 * 3);
    addSym(h, x, w2, 2 * 2);
    addSym(h, w1, w2, 2 * 1);
    addSym(h, b1, w2, 2 * 1);
    return h;
  }

  /** The same Hessian restricted to (w1, b1, w2, b2): rows and columns 2..5 of the above. */
  static double[][] twoLayerWrtHessian() {
    double[][] full = twoLayerHessian();
    double[][] h = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        h[i][j] = full[i + 2][j + 2];
      }
    }
    return h;
  }

  private static void addSym(double[][] h, int i, int j, double v) {
    h[i][j] += v;
    h[j][i] += v;
  }
}
