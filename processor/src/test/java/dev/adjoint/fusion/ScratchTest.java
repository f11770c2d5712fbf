package dev.adjoint.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Gradients of sums of independent terms whose iterations write scratch arrays (fused: see
 * {@code ScratchFusionSourceTest}) and of near misses through which values do flow between
 * iterations or out of the loop (not fused): finite differences (5-point), exact values where
 * known, the value bit for bit, and the same gradient on a second call (the scratch adjoints
 * are left zero).
 */
class ScratchTest {
  private static final double TOL = 1e-6;
  private static final double[][] X = {{0.5, -1, 0.25}, {1.5, 0.2, -0.7}, {-0.3, 0.8, 0.1},
      {0.9, -0.4, 1.2}};

  private static void fd(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
    GradientCheck.compare(f, x, gradient).assertWithin(TOL);
  }

  @Test
  void aScratchVectorRewrittenPerPoint() {
    double[] mu = {0.3, -0.6, 1.2};
    var g = ScratchFxGrad.scratchVector(X, mu);
    assertEquals(ScratchFx.scratchVector(X, mu), g.value(), 0.0);
    double[] exact = new double[mu.length];
    for (double[] p : X) {
      double q = 0;
      for (int j = 0; j < mu.length; j++) {
        q += (p[j] - mu[j]) * (p[j] - mu[j]);
      }
      for (int j = 0; j < mu.length; j++) {
        exact[j] += -2 * (p[j] - mu[j]) / (1 + q);
      }
    }
    for (int j = 0; j < mu.length; j++) {
      assertEquals(exact[j], g.mu()[j], 1e-12, "mu[" + j + "]");
    }
    fd(v -> ScratchFx.scratchVector(X, v), mu, g.mu());
    assertEquals(g.mu()[1], ScratchFxGrad.scratchVector(X, mu).mu()[1], 0.0);
  }

  @Test
  void scratchRowsComputedFromEachOther() {
    double[] w = {0.3, -0.6, 1.2};
    var g = ScratchFxGrad.scratchRows(X, w);
    assertEquals(ScratchFx.scratchRows(X, w), g.value(), 0.0);
    fd(v -> ScratchFx.scratchRows(X, v), w, g.w());
  }

  @Test
  void anArrayAllocatedInEachIteration() {
    double[] w = {0.3, -0.6, 1.2};
    var g = ScratchFxGrad.allocatedInside(X, w);
    assertEquals(ScratchFx.allocatedInside(X, w), g.value(), 0.0);
    double[] exact = new double[w.length];
    for (double[] p : X) {
      double dot = 0;
      for (int j = 0; j < w.length; j++) {
        dot += w[j] * w[j] * p[j];
      }
      for (int j = 0; j < w.length; j++) {
        exact[j] += 2 * dot * 2 * w[j] * p[j];
      }
    }
    for (int j = 0; j < w.length; j++) {
      assertEquals(exact[j], g.w()[j], 1e-12, "w[" + j + "]");
    }
    fd(v -> ScratchFx.allocatedInside(X, v), w, g.w());
  }

  @Test
  void nearMissesKeepTwoSweepsAndStayRight() {
    double[] mu = {0.3, -0.6, 1.2};
    var before = ScratchFxGrad.readBeforeRewrite(X, mu);
    assertEquals(ScratchFx.readBeforeRewrite(X, mu), before.value(), 0.0);
    fd(v -> ScratchFx.readBeforeRewrite(X, v), mu, before.mu());
    var after = ScratchFxGrad.readAfterTheLoop(X, mu);
    assertEquals(ScratchFx.readAfterTheLoop(X, mu), after.value(), 0.0);
    fd(v -> ScratchFx.readAfterTheLoop(X, v), mu, after.mu());
    var partly = ScratchFxGrad.partlyRewritten(X, mu);
    assertEquals(ScratchFx.partlyRewritten(X, mu), partly.value(), 0.0);
    fd(v -> ScratchFx.partlyRewritten(X, v), mu, partly.mu());
    double[] xs = {0.4, -1.1, 0.7, 2.0};
    double[] w = {0.8, -0.5};
    var carried = ScratchFxGrad.carriedThroughAnElement(xs, w);
    assertEquals(ScratchFx.carriedThroughAnElement(xs, w), carried.value(), 0.0);
    fd(v -> ScratchFx.carriedThroughAnElement(xs, v), w, carried.w());
  }

  @Test
  void gmmLikeLogLikelihood() {
    double[] alphas = {0.2, -0.4, 0.9};
    double[][] means = {{0.1, -0.3, 0.5}, {1.0, 0.2, -0.6}, {-0.7, 0.4, 0.3}};
    double[][] logDiag = {{0.05, -0.2, 0.1}, {0.3, 0.0, -0.15}, {-0.1, 0.2, 0.25}};
    var g = ScratchFxGrad.gmmLike(alphas, means, logDiag, X);
    assertEquals(ScratchFx.gmmLike(alphas, means, logDiag, X), g.value(), 0.0);
    fd(v -> ScratchFx.gmmLike(v, means, logDiag, X), alphas, g.alphas());
    fd(v -> ScratchFx.gmmLike(alphas, unflatten(v, 3), logDiag, X), flatten(means),
        flatten(g.means()));
    fd(v -> ScratchFx.gmmLike(alphas, means, unflatten(v, 3), X), flatten(logDiag),
        flatten(g.logDiag()));
    // the softmax weights of the components sum to one per point: Σ_k ∂/∂α_k = n - n = 0
    double sum = 0;
    for (double a : g.alphas()) {
      sum += a;
    }
    assertEquals(0.0, sum, 1e-12);
  }

  @Test
  void aFusedScratchLoopBetweenTwoSumLoops() {
    double[] mu = {0.3, -0.6, 1.2};
    double[] logDiag = {0.1, -0.2, 0.3};
    var g = ScratchFxGrad.withPrior(X, mu, logDiag);
    assertEquals(ScratchFx.withPrior(X, mu, logDiag), g.value(), 0.0);
    double[] exactMu = new double[3];
    double[] exactLog = new double[3];
    for (int i = 0; i < 3; i++) {
      double e2 = Math.exp(2 * logDiag[i]);
      exactLog[i] = X.length - 0.5 * (2 * e2 - 1);
      for (double[] p : X) {
        exactMu[i] += e2 * (p[i] - mu[i]);
        exactLog[i] -= e2 * (p[i] - mu[i]) * (p[i] - mu[i]);
      }
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(exactMu[i], g.mu()[i], 1e-12, "mu[" + i + "]");
      assertEquals(exactLog[i], g.logDiag()[i], 1e-12, "logDiag[" + i + "]");
    }
    fd(v -> ScratchFx.withPrior(X, v, logDiag), mu, g.mu());
    fd(v -> ScratchFx.withPrior(X, mu, v), logDiag, g.logDiag());
  }

  @Test
  void mlpLikeLoss() {
    double[][] xs = {{0.5, -1, 0.25, 0.1}, {1.5, 0.2, -0.7, 0.3}, {-0.3, 0.8, 0.1, -0.9}};
    int[] labels = {1, 0, 2};
    double[][] w1 = {{0.2, -0.1, 0.4, 0.3}, {-0.5, 0.3, 0.1, 0.2}, {0.6, 0.2, -0.3, 0.1},
        {0.1, 0.7, 0.2, -0.4}, {-0.2, -0.3, 0.5, 0.6}};
    double[] b1 = {0.05, -0.1, 0.2, 0.0, 0.1};
    double[][] w2 = {{0.3, -0.2, 0.1, 0.4, -0.5}, {-0.1, 0.5, 0.2, -0.3, 0.2},
        {0.2, 0.1, -0.4, 0.3, 0.1}};
    double[] b2 = {0.1, -0.2, 0.05};
    var g = ScratchFxGrad.mlpLike(xs, labels, w1, b1, w2, b2);
    assertEquals(ScratchFx.mlpLike(xs, labels, w1, b1, w2, b2), g.value(), 0.0);
    fd(v -> ScratchFx.mlpLike(xs, labels, unflatten(v, 4), b1, w2, b2), flatten(w1),
        flatten(g.w1()));
    fd(v -> ScratchFx.mlpLike(xs, labels, w1, v, w2, b2), b1, g.b1());
    fd(v -> ScratchFx.mlpLike(xs, labels, w1, b1, unflatten(v, 5), b2), flatten(w2),
        flatten(g.w2()));
    fd(v -> ScratchFx.mlpLike(xs, labels, w1, b1, w2, v), b2, g.b2());
  }

  private static double[] flatten(double[][] m) {
    int cols = m[0].length;
    double[] out = new double[m.length * cols];
    for (int i = 0; i < m.length; i++) {
      System.arraycopy(m[i], 0, out, i * cols, cols);
    }
    return out;
  }

  private static double[][] unflatten(double[] v, int cols) {
    double[][] out = new double[v.length / cols][cols];
    for (int i = 0; i < out.length; i++) {
      System.arraycopy(v, i * cols, out[i], 0, cols);
    }
    return out;
  }
}
