package dev.adjoint.arrays;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;
import dev.adjoint.Losses;

/** A layer returning double[], and a loss built from layers. */
final class LayerFixtures {
  private LayerFixtures() {}

  /** relu(W x + b). */
  @Differentiable
  static double[] dense(double[][] w, double[] b, double[] x) {
    double[] out = new double[b.length];
    for (int j = 0; j < b.length; j++) {
      double z = b[j];
      for (int i = 0; i < x.length; i++) {
        z += w[j][i] * x[i];
      }
      out[j] = Activations.relu(z);
    }
    return out;
  }

  @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
  static double twoLayerLoss(double[] x, int label, double[][] w1, double[] b1, double[][] w2,
      double[] b2) {
    double[] h = dense(w1, b1, x);
    double[] logits = dense(w2, b2, h);
    return Losses.softmaxCrossEntropy(logits, label);
  }

  /** A vector function of a scalar, built in a local array and returned. */
  @Differentiable
  static double[] powers(double a, int n) {
    double[] p = new double[n];
    double v = 1;
    for (int k = 0; k < n; k++) {
      v = v * a;
      p[k] = v;
    }
    return p;
  }
}
