package dev.adjoint.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.GradientCheck;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Gradients of fused sums over ReLU units whose reverse loops are skipped when the unit did not
 * fire, the counter those loops set read again after them ({@link GuardFx}): the hand-written
 * gradient to 1e-12, finite differences (5-point), the value bit for bit, and the same gradient
 * on a second call. The inputs leave units inactive on some examples and active on others.
 */
class GuardTest {
  private static final double TOL = 1e-6;
  private static final double[][] XS = {{0.5, -1, 0.25}, {1.5, 0.2, -0.7}, {-0.3, 0.8, 0.1},
      {0.9, -0.4, 1.2}};
  private static final double[][] W = {{0.4, -0.3, 0.5}, {-0.5, 0.3, 0.2}, {0.7, 0.45, -0.5}};
  private static final double[] V = {0.7, -0.4, 0.3};

  private static void fd(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
    GradientCheck.compare(f, x, gradient).assertWithin(TOL);
  }

  private static double z(int n, int j, double[][] w) {
    double z = 0;
    for (int i = 0; i < XS[n].length; i++) {
      z += w[j][i] * XS[n][i];
    }
    return z;
  }

  @Test
  void theInputsLeaveSomeUnitsInactiveAndOthersActive() {
    int inactive = 0;
    int active = 0;
    for (int n = 0; n < XS.length; n++) {
      for (int j = 0; j < W.length; j++) {
        double z = z(n, j, W);
        assertTrue(Math.abs(z) > 0.05, "away from the kink: " + z);
        if (z > 0) {
          active++;
        } else {
          inactive++;
        }
      }
    }
    assertTrue(inactive >= 3 && active >= 3, inactive + " inactive, " + active + " active");
  }

  @Test
  void theCounterReadInTheIterationAfterASkippedLoop() {
    var g = GuardFxGrad.counterReadInTheIteration(XS, W, V);
    assertEquals(GuardFx.counterReadInTheIteration(XS, W, V), g.value(), 0.0);
    double[][] w = new double[W.length][W[0].length];
    double[] v = new double[V.length];
    for (int n = 0; n < XS.length; n++) {
      double scale = XS[n][XS[n].length - 1];
      double out = 0;
      for (int j = 0; j < W.length; j++) {
        out += V[j] * Math.max(0, z(n, j, W)) * scale;
      }
      double dOut = (1 - Math.tanh(out) * Math.tanh(out)) / XS.length;
      for (int j = 0; j < W.length; j++) {
        double z = z(n, j, W);
        v[j] += dOut * Math.max(0, z) * scale;
        for (int i = 0; i < XS[n].length; i++) {
          w[j][i] += z > 0 ? dOut * V[j] * scale * XS[n][i] : 0;
        }
      }
    }
    assertClose(v, g.v());
    for (int j = 0; j < W.length; j++) {
      assertClose(w[j], g.w()[j]);
    }
    fd(x -> GuardFx.counterReadInTheIteration(XS, unflatten(x), V), flatten(W),
        flatten(g.w()));
    fd(x -> GuardFx.counterReadInTheIteration(XS, W, x), V, g.v());
    var again = GuardFxGrad.counterReadInTheIteration(XS, W, V);
    assertArrayEquals(flatten(g.w()), flatten(again.w()), 0.0);
  }

  @Test
  void theCounterReadAfterTheSum() {
    var g = GuardFxGrad.counterReadAfterTheSum(XS, W, V);
    assertEquals(GuardFx.counterReadAfterTheSum(XS, W, V), g.value(), 0.0);
    double[][] w = new double[W.length][W[0].length];
    double[] v = new double[V.length];
    double divisor = XS.length * XS[XS.length - 1].length;
    for (int n = 0; n < XS.length; n++) {
      double out = 0;
      for (int j = 0; j < W.length; j++) {
        out += V[j] * Math.max(0, z(n, j, W));
      }
      double dOut = 2 * out / divisor;
      for (int j = 0; j < W.length; j++) {
        double z = z(n, j, W);
        v[j] += dOut * Math.max(0, z);
        for (int i = 0; i < XS[n].length; i++) {
          w[j][i] += z > 0 ? dOut * V[j] * XS[n][i] : 0;
        }
      }
    }
    assertClose(v, g.v());
    for (int j = 0; j < W.length; j++) {
      assertClose(w[j], g.w()[j]);
    }
    fd(x -> GuardFx.counterReadAfterTheSum(XS, unflatten(x), V), flatten(W), flatten(g.w()));
    fd(x -> GuardFx.counterReadAfterTheSum(XS, W, x), V, g.v());
    var again = GuardFxGrad.counterReadAfterTheSum(XS, W, V);
    assertArrayEquals(flatten(g.w()), flatten(again.w()), 0.0);
  }

  private static void assertClose(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-12, "[" + i + "]");
    }
  }

  private static double[] flatten(double[][] m) {
    double[] out = new double[m.length * m[0].length];
    for (int i = 0; i < m.length; i++) {
      System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
    }
    return out;
  }

  private static double[][] unflatten(double[] x) {
    int cols = W[0].length;
    double[][] out = new double[x.length / cols][cols];
    for (int i = 0; i < out.length; i++) {
      System.arraycopy(x, i * cols, out[i], 0, cols);
    }
    return out;
  }
}
