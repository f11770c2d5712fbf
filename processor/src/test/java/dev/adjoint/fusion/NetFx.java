package dev.adjoint.fusion;

import dev.adjoint.Differentiable;

/**
 * The demo's structure: a record of parameters whose batch loss sums its per-example loss, which
 * the fused loop computes with one call of the per-example adjoint.
 */
record NetFx(double[] w, double b) {
  @Differentiable(wrt = "self")
  double batchLoss(double[][] xs, double[] ys) {
    double sum = 0.0;
    for (int k = 0; k < xs.length; k++) {
      sum += exampleLoss(xs[k], ys[k]);
    }
    return sum / xs.length;
  }

  @Differentiable(wrt = "self")
  double exampleLoss(double[] x, double y) {
    double z = b;
    for (int i = 0; i < x.length; i++) {
      z += w[i] * x[i];
    }
    double r = Math.tanh(z) - y;
    return r * r;
  }
}
