package dev.adjoint.fusion;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;
import dev.adjoint.Losses;

/**
 * Sums of independent terms that write scratch arrays, rewritten by each iteration before they
 * are read (fused), and near misses (not fused), for {@link ScratchTest}; which loops fuse is
 * pinned by {@code ScratchFusionSourceTest}.
 */
final class ScratchFx {
  private ScratchFx() {}

  /** A scratch vector rewritten per point, read after: {@code Σ_p log(1 + ‖x_p - μ‖²)}. */
  @Differentiable(wrt = "mu")
  static double scratchVector(double[][] x, double[] mu) {
    int d = mu.length;
    double[] xc = new double[d];
    double s = 0;
    for (int p = 0; p < x.length; p++) {
      for (int j = 0; j < d; j++) {
        xc[j] = x[p][j] - mu[j];
      }
      double q = 0;
      for (int j = 0; j < d; j++) {
        q += xc[j] * xc[j];
      }
      s += Math.log(1 + q);
    }
    return s;
  }

  /** Two scratch rows, the second computed from the first, over {@code .length} bounds. */
  @Differentiable(wrt = "w")
  static double scratchRows(double[][] x, double[] w) {
    double[] a = new double[w.length];
    double[] b = new double[w.length];
    double s = 0;
    for (int p = 0; p < x.length; p++) {
      for (int j = 0; j < a.length; j++) {
        a[j] = Math.sin(w[j] * x[p][j]);
        s += 0.5 * a[j];
      }
      for (int j = 0; j < b.length; j++) {
        b[j] = a[j] * a[(j + 1) % a.length] + w[j];
      }
      for (int j = 0; j < b.length; j++) {
        if (b[j] > 0) {
          s += b[j] * b[j];
        } else {
          s -= b[j];
        }
      }
    }
    return s;
  }

  /** An array allocated in each iteration (hoisted and zeroed by the normaliser). */
  @Differentiable(wrt = "w")
  static double allocatedInside(double[][] x, double[] w) {
    double s = 0;
    for (int p = 0; p < x.length; p++) {
      double[] t = new double[w.length];
      for (int j = 0; j < w.length; j++) {
        t[j] = w[j] * x[p][j];
      }
      double dot = 0;
      for (int j = 0; j < t.length; j++) {
        dot += t[j] * w[j];
      }
      s += dot * dot;
    }
    return s;
  }

  /** Near miss: {@code xc[0]} is read before it is rewritten (the last point's value flows). */
  @Differentiable(wrt = "mu")
  static double readBeforeRewrite(double[][] x, double[] mu) {
    int d = mu.length;
    double[] xc = new double[d];
    double s = 0;
    for (int p = 0; p < x.length; p++) {
      double carried = xc[0];
      for (int j = 0; j < d; j++) {
        xc[j] = x[p][j] - mu[j];
      }
      s += carried * xc[0] + xc[d - 1] * xc[d - 1];
    }
    return s;
  }

  /** Near miss: the scratch array is read after the loop. */
  @Differentiable(wrt = "mu")
  static double readAfterTheLoop(double[][] x, double[] mu) {
    int d = mu.length;
    double[] xc = new double[d];
    double s = 0;
    for (int p = 0; p < x.length; p++) {
      for (int j = 0; j < d; j++) {
        xc[j] = x[p][j] - mu[j];
      }
      s += xc[0] * xc[d - 1];
    }
    return s + xc[0];
  }

  /** Near miss: a value carried from one iteration to the next through an element. */
  @Differentiable(wrt = "w")
  static double carriedThroughAnElement(double[] xs, double[] w) {
    double[] state = new double[1];
    double s = 0;
    for (int p = 0; p < xs.length; p++) {
      state[0] = Math.tanh(w[0] * state[0] + w[1] * xs[p]);
      s += state[0];
    }
    return s;
  }

  /** Near miss: a row of the scratch array is only partly rewritten before the read. */
  @Differentiable(wrt = "mu")
  static double partlyRewritten(double[][] x, double[] mu) {
    int d = mu.length;
    double[] xc = new double[d];
    double s = 0;
    for (int p = 0; p < x.length; p++) {
      for (int j = 1; j < d; j++) {
        xc[j] = x[p][j] - mu[j];
      }
      for (int j = 0; j < d; j++) {
        s += xc[j] * xc[j];
      }
      xc[0] = mu[0] * x[p][0];
    }
    return s;
  }

  /** A GMM log-likelihood in ADBench's shape (diagonal L, one scratch per component). */
  @Differentiable(wrt = {"alphas", "means", "logDiag"})
  static double gmmLike(double[] alphas, double[][] means, double[][] logDiag, double[][] x) {
    int k = alphas.length;
    int d = means[0].length;
    double[] xc = new double[d];
    double[] lxc = new double[d];
    double[] mainTerm = new double[k];
    double slse = 0;
    for (int p = 0; p < x.length; p++) {
      for (int c = 0; c < k; c++) {
        double[] mu = means[c];
        double[] q = logDiag[c];
        for (int i = 0; i < d; i++) {
          xc[i] = x[p][i] - mu[i];
        }
        for (int i = 0; i < d; i++) {
          lxc[i] = Math.exp(q[i]) * xc[i];
        }
        for (int i = 0; i + 1 < d; i++) {
          lxc[i + 1] += 0.5 * q[i] * xc[i];
        }
        double sq = 0;
        double sumQ = 0;
        for (int i = 0; i < d; i++) {
          sq += lxc[i] * lxc[i];
          sumQ += q[i];
        }
        mainTerm[c] = alphas[c] + sumQ - 0.5 * sq;
      }
      slse += logSumExp(mainTerm);
    }
    return slse - x.length * logSumExp(alphas);
  }

  /**
   * GMM's layout: a short sum loop before, the scratch loop over points, then a prior summed by
   * another loop (the loop over points fuses; the prior's trip count is computed, not counted).
   */
  @Differentiable(wrt = {"mu", "logDiag"})
  static double withPrior(double[][] x, double[] mu, double[] logDiag) {
    int d = mu.length;
    double[] diag = new double[d];
    double sumLog = 0;
    for (int i = 0; i < d; i++) {
      diag[i] = Math.exp(logDiag[i]);
      sumLog += logDiag[i];
    }
    double[] xc = new double[d];
    double s = 0;
    for (int p = 0; p < x.length; p++) {
      for (int i = 0; i < d; i++) {
        xc[i] = diag[i] * (x[p][i] - mu[i]);
      }
      double q = 0;
      for (int i = 0; i < d; i++) {
        q += xc[i] * xc[i];
      }
      s += sumLog - 0.5 * q;
    }
    double prior = 0;
    for (int i = 0; i < d; i++) {
      prior += diag[i] * diag[i] - logDiag[i];
    }
    return s - 0.5 * prior;
  }

  /** {@code log Σ exp(v[i])}, shifted by the maximum. */
  @Differentiable
  static double logSumExp(double[] v) {
    double mx = v[0];
    for (int i = 1; i < v.length; i++) {
      if (v[i] > mx) {
        mx = v[i];
      }
    }
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += Math.exp(v[i] - mx);
    }
    return Math.log(s) + mx;
  }

  /** The benchmark's MLP: hidden ReLU layer, softmax cross-entropy, mean over examples. */
  @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
  static double mlpLike(double[][] xs, int[] labels, double[][] w1, double[] b1,
      double[][] w2, double[] b2) {
    int hidden = b1.length;
    double[] h = new double[hidden];
    double[] logits = new double[b2.length];
    double loss = 0;
    for (int n = 0; n < xs.length; n++) {
      for (int j = 0; j < hidden; j++) {
        double z = b1[j];
        for (int i = 0; i < xs[n].length; i++) {
          z += w1[j][i] * xs[n][i];
        }
        h[j] = Activations.relu(z);
      }
      for (int k = 0; k < b2.length; k++) {
        double z = b2[k];
        for (int j = 0; j < hidden; j++) {
          z += w2[k][j] * h[j];
        }
        logits[k] = z;
      }
      loss += Losses.softmaxCrossEntropy(logits, labels[n]);
    }
    return loss / xs.length;
  }
}
