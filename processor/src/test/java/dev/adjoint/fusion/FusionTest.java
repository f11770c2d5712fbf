package dev.adjoint.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Gradients of loops that only sum independent terms, which the adjoint runs in one fused
 * sweep (see {@code FusedLoopSourceTest} for the shape of the generated code), and of near
 * misses, which keep two sweeps: finite differences (5-point), exact values where known, and
 * the value bit for bit.
 */
class FusionTest {
  private static final double TOL = 1e-6;

  private static void fd(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
    GradientCheck.compare(f, x, gradient).assertWithin(TOL);
  }

  @Test
  void plainSumIsRosenbrocksGradient() {
    double[] x = {-1.2, 1.0, 0.5, -0.3, 2.0, 3.9};
    var g = FusionFxGrad.plainSum(x);
    assertEquals(FusionFx.plainSum(x), g.value(), 0.0);
    double[] hand = new double[x.length];
    for (int i = 0; i < x.length / 2; i++) {
      double t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]);
      double t2 = 1 - x[2 * i];
      hand[2 * i] = -40 * x[2 * i] * t1 - 2 * t2;
      hand[2 * i + 1] = 20 * t1;
    }
    for (int i = 0; i < x.length; i++) {
      assertEquals(hand[i], g.x()[i], 1e-12 * Math.max(1, Math.abs(hand[i])), "x[" + i + "]");
    }
    fd(FusionFx::plainSum, x, g.x());
  }

  @Test
  void emptyAndOddLengthSums() {
    assertEquals(0, FusionFxGrad.plainSum(new double[0]).x().length);
    double[] x = {0.7, -0.2, 1.1};
    var g = FusionFxGrad.plainSum(x);
    assertEquals(0.0, g.x()[2], 0.0);
    fd(FusionFx::plainSum, x, g.x());
  }

  @Test
  void meanOfCallsIsTheLeastSquaresGradient() {
    double[] c = {0.3, -1.1, 0.45};
    double[] ts = {-1, -0.25, 0.5, 1.5};
    double[] ys = {0.2, 1.0, -0.4, 2.2};
    var g = FusionFxGrad.meanOfCalls(c, ts, ys);
    assertEquals(FusionFx.meanOfCalls(c, ts, ys), g.value(), 0.0);
    double[] hand = new double[c.length];
    for (int i = 0; i < ts.length; i++) {
      double p = 0;
      for (int j = 0; j < c.length; j++) {
        p += c[j] * Math.pow(ts[i], j);
      }
      for (int j = 0; j < c.length; j++) {
        hand[j] += -2 * (ys[i] - p) * Math.pow(ts[i], j) / ts.length;
      }
    }
    for (int j = 0; j < c.length; j++) {
      assertEquals(hand[j], g.c()[j], 1e-12, "c[" + j + "]");
    }
    fd(v -> FusionFx.meanOfCalls(v, ts, ys), c, g.c());
  }

  @Test
  void affineUseAfterTheLoop() {
    double[] x = {0.4, -0.9, 1.3, 0.2, -0.5};
    double a = 0.8;
    var g = FusionFxGrad.affineAfter(x, a);
    assertEquals(FusionFx.affineAfter(x, a), g.value(), 0.0);
    fd(v -> FusionFx.affineAfter(v, a), x, g.x());
    fd(v -> FusionFx.affineAfter(x, v[0]), new double[] {a}, new double[] {g.a()});
  }

  @Test
  void nestedLoopsInsideTheFusedBody() {
    double[][] xs = {{0.5, -1, 0.25}, {1.5, 0.2, -0.7}, {-0.3, 0.8, 0.1}};
    double[] w = {0.3, -0.6, 1.2};
    var g = FusionFxGrad.nested(xs, w);
    assertEquals(FusionFx.nested(xs, w), g.value(), 0.0);
    fd(v -> FusionFx.nested(xs, v), w, g.w());
  }

  @Test
  void branchingTermsAndAnInactiveCarriedCounter() {
    double[] x = {0.4, -0.9, 1.3, -2.2, 0.7};
    var g = FusionFxGrad.branchy(x);
    assertEquals(FusionFx.branchy(x), g.value(), 0.0);
    fd(FusionFx::branchy, x, g.x());
  }

  @Test
  void nearMissesKeepTwoSweepsAndStayRight() {
    double[] x = {0.4, 1.9, 2.5, 0.7};
    var early = FusionFxGrad.earlyExit(x);
    assertEquals(FusionFx.earlyExit(x), early.value(), 0.0);
    fd(FusionFx::earlyExit, x, early.x());
    var carried = FusionFxGrad.secondCarried(x);
    assertEquals(FusionFx.secondCarried(x), carried.value(), 0.0);
    fd(FusionFx::secondCarried, x, carried.x());
    var log = FusionFxGrad.logAfter(x);
    assertEquals(FusionFx.logAfter(x), log.value(), 0.0);
    fd(FusionFx::logAfter, x, log.x());
    var read = FusionFxGrad.sumRead(x);
    assertEquals(FusionFx.sumRead(x), read.value(), 0.0);
    fd(FusionFx::sumRead, x, read.x());
  }
}
