package dev.adjoint.bench;

import dev.adjoint.Activations;
import dev.adjoint.Losses;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Issue 15 experiment (MLP15C): copies of the generated {@code WorkloadsGrad.mlpAdjoint} as it
 * was before RowHoists, each changing one thing, timed against {@link HandGradients#mlp} in one
 * JVM with rotated rounds (thread CPU time); "entryNow" is the generated entry point of this
 * build. Run: {@code java -cp bench/target/benchmarks.jar dev.adjoint.bench.MlpVariants
 * [rounds]}. Every variant's gradient is checked bit for bit against "generated".
 *
 * <p>Variants: up = the reverse inner loops count up (the brief's candidate 1); rows = the
 * reverse inner loops read their rows from locals (candidate 2, reverse); softmax = one fused
 * softmax value and pullback sharing the exponentials, no allocation (candidate 3); fwdFor =
 * the forward loops as {@code for} loops with loop-local counters; fwdRows = the forward's
 * {@code while} loops read their rows ({@code xs[n]}, {@code w1[j]}, {@code w2[k]}) from locals
 * set before the loop (what RowHoists now emits); fwdHand = the forward written as the hand
 * does; allFwd = up + rows + softmax + fwdHand.
 *
 * <p>Finding (load average 4 to 8 on 2 shared cores): generated, up, rows, softmax and fwdFor all
 * run at 1.09 to 1.12 of hand; fwdRows, fwdHand and entryNow at 0.98 to 1.03; allFwd at 0.99 to
 * 1.02. Only the forward reduction loops' row loads matter (C2 reloads {@code w1[j]} and
 * {@code xs[n]} in {@code z = z + w1[j][i] * xs[n][i]}); the loop direction of the reverse
 * sweep does not, and sharing the softmax exponentials is worth about 1 %. Some runs show one
 * variant at 1.32 to 1.37 whatever its code (an identical copy of "generated" did so too): a JIT
 * compilation artefact, not a property of the variant; compare medians across two runs.
 */
public final class MlpVariants {
  private MlpVariants() {}

  interface Variant {
    double run();
  }

  static final Inputs.Mlp M = new Inputs.Mlp();
  static final double[][] GW1 = new double[Inputs.MLP_HIDDEN][Inputs.MLP_INPUTS];
  static final double[] GB1 = new double[Inputs.MLP_HIDDEN];
  static final double[][] GW2 = new double[Inputs.MLP_OUTPUTS][Inputs.MLP_HIDDEN];
  static final double[] GB2 = new double[Inputs.MLP_OUTPUTS];
  static final HandGradients.MlpWorkspace WS =
      new HandGradients.MlpWorkspace(Inputs.MLP_HIDDEN, Inputs.MLP_OUTPUTS);

  static void zero() {
    for (double[] row : GW1) {
      Arrays.fill(row, 0.0);
    }
    Arrays.fill(GB1, 0.0);
    for (double[] row : GW2) {
      Arrays.fill(row, 0.0);
    }
    Arrays.fill(GB2, 0.0);
  }

  /** Value and pullback of softmaxCrossEntropy sharing the exponentials (bit-identical). */
  static double softmaxFused(double[] logits, int label, double seed, double[] logitsAdj,
      double[] e) {
    int argmax = 0;
    for (int i = 1; i < logits.length; i++) {
      if (logits[i] > logits[argmax]) {
        argmax = i;
      }
    }
    double max = logits[argmax];
    double rest = 0.0;
    double total = 0.0;
    double others = 0.0;
    for (int i = 0; i < logits.length; i++) {
      double v = Math.exp(logits[i] - max);
      e[i] = v;
      if (i != argmax) {
        rest += v;
      }
    }
    for (int i = 0; i < logits.length; i++) {
      total += e[i];
      if (i != label) {
        others += e[i];
      }
    }
    for (int i = 0; i < logits.length; i++) {
      double g = i == label ? -others / total : e[i] / total;
      logitsAdj[i] += seed * g;
    }
    return (max - logits[label]) + Math.log1p(rest);
  }

  static double generated(double[][] xs, int[] labels, double[][] w1, double[] b1,
      double[][] w2, double[] b2, double seed, double[][] w1Adj, double[] b1Adj,
      double[][] w2Adj, double[] b2Adj) {
    int j2 = 0;
    double z2 = 0.0;
    int k = 0;
    int i = 0;
    double z = 0.0;
    int j = 0;
    int n = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    double[] hAdj = null;
    double[] logitsAdj = null;
    int hidden = b1.length;
    double[] h = new double[hidden];
    hAdj = new double[h.length];
    double[] logits = new double[b2.length];
    logitsAdj = new double[logits.length];
    double[] scratch = new double[logits.length];
    double loss = 0;
    n = 0;
    double valueAdj = seed;
    double zAdj = 0.0;
    double z2Adj = 0.0;
    int t = xs.length;
    double lossAdj = valueAdj / t;
    while (n < xs.length) {
      j = 0;
      while (j < hidden) {
        z = b1[j];
        i = 0;
        while (i < xs[n].length) {
          z = z + w1[j][i] * xs[n][i];
          i = i + 1;
        }
        h[j] = Activations.relu(z);
        j = j + 1;
      }
      k = 0;
      while (k < b2.length) {
        z2 = b2[k];
        j2 = 0;
        while (j2 < hidden) {
          z2 = z2 + w2[k][j2] * h[j2];
          j2 = j2 + 1;
        }
        logits[k] = z2;
        k = k + 1;
      }
      loss = loss + Losses.softmaxCrossEntropy(logits, labels[n]);
      Losses.softmaxCrossEntropyPullback(logits, labels[n], lossAdj, logitsAdj);
      trips4 = b2.length;
      for (int iteration2 = trips4; iteration2 > 0; iteration2--) {
        k = iteration2 - 1;
        double elementAdj2 = logitsAdj[k];
        logitsAdj[k] = 0.0;
        z2Adj += elementAdj2;
        trips5 = hidden > 0 ? hidden : 0;
        if (z2Adj != 0.0) {
          for (int iteration3 = trips5; iteration3 > 0; iteration3--) {
            j2 = iteration3 - 1;
            w2Adj[k][j2] += z2Adj * h[j2];
            hAdj[j2] += z2Adj * w2[k][j2];
          }
        }
        b2Adj[k] += z2Adj;
        z2Adj = 0.0;
      }
      trips2 = hidden > 0 ? hidden : 0;
      for (int iteration4 = trips2; iteration4 > 0; iteration4--) {
        j = iteration4 - 1;
        double elementAdj = hAdj[j];
        hAdj[j] = 0.0;
        zAdj += h[j] > 0.0 ? elementAdj : 0.0;
        trips3 = xs[n].length;
        if (zAdj != 0.0) {
          for (int iteration5 = trips3; iteration5 > 0; iteration5--) {
            i = iteration5 - 1;
            w1Adj[j][i] += zAdj * xs[n][i];
          }
        }
        b1Adj[j] += zAdj;
        zAdj = 0.0;
      }
      n = n + 1;
    }
    double value = loss / xs.length;
    return value;
  }

  static double up(double[][] xs, int[] labels, double[][] w1, double[] b1,
      double[][] w2, double[] b2, double seed, double[][] w1Adj, double[] b1Adj,
      double[][] w2Adj, double[] b2Adj) {
    int j2 = 0;
    double z2 = 0.0;
    int k = 0;
    int i = 0;
    double z = 0.0;
    int j = 0;
    int n = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    double[] hAdj = null;
    double[] logitsAdj = null;
    int hidden = b1.length;
    double[] h = new double[hidden];
    hAdj = new double[h.length];
    double[] logits = new double[b2.length];
    logitsAdj = new double[logits.length];
    double[] scratch = new double[logits.length];
    double loss = 0;
    n = 0;
    double valueAdj = seed;
    double zAdj = 0.0;
    double z2Adj = 0.0;
    int t = xs.length;
    double lossAdj = valueAdj / t;
    while (n < xs.length) {
      j = 0;
      while (j < hidden) {
        z = b1[j];
        i = 0;
        while (i < xs[n].length) {
          z = z + w1[j][i] * xs[n][i];
          i = i + 1;
        }
        h[j] = Activations.relu(z);
        j = j + 1;
      }
      k = 0;
      while (k < b2.length) {
        z2 = b2[k];
        j2 = 0;
        while (j2 < hidden) {
          z2 = z2 + w2[k][j2] * h[j2];
          j2 = j2 + 1;
        }
        logits[k] = z2;
        k = k + 1;
      }
      loss = loss + Losses.softmaxCrossEntropy(logits, labels[n]);
      Losses.softmaxCrossEntropyPullback(logits, labels[n], lossAdj, logitsAdj);
      trips4 = b2.length;
      for (int iteration2 = trips4; iteration2 > 0; iteration2--) {
        k = iteration2 - 1;
        double elementAdj2 = logitsAdj[k];
        logitsAdj[k] = 0.0;
        z2Adj += elementAdj2;
        trips5 = hidden > 0 ? hidden : 0;
        if (z2Adj != 0.0) {
          for (j2 = 0; j2 < trips5; j2++) {
            w2Adj[k][j2] += z2Adj * h[j2];
            hAdj[j2] += z2Adj * w2[k][j2];
          }
        }
        b2Adj[k] += z2Adj;
        z2Adj = 0.0;
      }
      trips2 = hidden > 0 ? hidden : 0;
      for (int iteration4 = trips2; iteration4 > 0; iteration4--) {
        j = iteration4 - 1;
        double elementAdj = hAdj[j];
        hAdj[j] = 0.0;
        zAdj += h[j] > 0.0 ? elementAdj : 0.0;
        trips3 = xs[n].length;
        if (zAdj != 0.0) {
          for (i = 0; i < trips3; i++) {
            w1Adj[j][i] += zAdj * xs[n][i];
          }
        }
        b1Adj[j] += zAdj;
        zAdj = 0.0;
      }
      n = n + 1;
    }
    double value = loss / xs.length;
    return value;
  }

  static double rows(double[][] xs, int[] labels, double[][] w1, double[] b1,
      double[][] w2, double[] b2, double seed, double[][] w1Adj, double[] b1Adj,
      double[][] w2Adj, double[] b2Adj) {
    int j2 = 0;
    double z2 = 0.0;
    int k = 0;
    int i = 0;
    double z = 0.0;
    int j = 0;
    int n = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    double[] hAdj = null;
    double[] logitsAdj = null;
    int hidden = b1.length;
    double[] h = new double[hidden];
    hAdj = new double[h.length];
    double[] logits = new double[b2.length];
    logitsAdj = new double[logits.length];
    double[] scratch = new double[logits.length];
    double loss = 0;
    n = 0;
    double valueAdj = seed;
    double zAdj = 0.0;
    double z2Adj = 0.0;
    int t = xs.length;
    double lossAdj = valueAdj / t;
    while (n < xs.length) {
      j = 0;
      while (j < hidden) {
        z = b1[j];
        i = 0;
        while (i < xs[n].length) {
          z = z + w1[j][i] * xs[n][i];
          i = i + 1;
        }
        h[j] = Activations.relu(z);
        j = j + 1;
      }
      k = 0;
      while (k < b2.length) {
        z2 = b2[k];
        j2 = 0;
        while (j2 < hidden) {
          z2 = z2 + w2[k][j2] * h[j2];
          j2 = j2 + 1;
        }
        logits[k] = z2;
        k = k + 1;
      }
      loss = loss + Losses.softmaxCrossEntropy(logits, labels[n]);
      Losses.softmaxCrossEntropyPullback(logits, labels[n], lossAdj, logitsAdj);
      trips4 = b2.length;
      for (int iteration2 = trips4; iteration2 > 0; iteration2--) {
        k = iteration2 - 1;
        double elementAdj2 = logitsAdj[k];
        logitsAdj[k] = 0.0;
        z2Adj += elementAdj2;
        trips5 = hidden > 0 ? hidden : 0;
        if (z2Adj != 0.0) {
          double[] w2AdjRow = w2Adj[k];
          double[] w2Row = w2[k];
          for (int iteration3 = trips5; iteration3 > 0; iteration3--) {
            j2 = iteration3 - 1;
            w2AdjRow[j2] += z2Adj * h[j2];
            hAdj[j2] += z2Adj * w2Row[j2];
          }
        }
        b2Adj[k] += z2Adj;
        z2Adj = 0.0;
      }
      trips2 = hidden > 0 ? hidden : 0;
      for (int iteration4 = trips2; iteration4 > 0; iteration4--) {
        j = iteration4 - 1;
        double elementAdj = hAdj[j];
        hAdj[j] = 0.0;
        zAdj += h[j] > 0.0 ? elementAdj : 0.0;
        trips3 = xs[n].length;
        if (zAdj != 0.0) {
          double[] w1AdjRow = w1Adj[j];
          double[] xsRow = xs[n];
          for (int iteration5 = trips3; iteration5 > 0; iteration5--) {
            i = iteration5 - 1;
            w1AdjRow[i] += zAdj * xsRow[i];
          }
        }
        b1Adj[j] += zAdj;
        zAdj = 0.0;
      }
      n = n + 1;
    }
    double value = loss / xs.length;
    return value;
  }

  static double softmax(double[][] xs, int[] labels, double[][] w1, double[] b1,
      double[][] w2, double[] b2, double seed, double[][] w1Adj, double[] b1Adj,
      double[][] w2Adj, double[] b2Adj) {
    int j2 = 0;
    double z2 = 0.0;
    int k = 0;
    int i = 0;
    double z = 0.0;
    int j = 0;
    int n = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    double[] hAdj = null;
    double[] logitsAdj = null;
    int hidden = b1.length;
    double[] h = new double[hidden];
    hAdj = new double[h.length];
    double[] logits = new double[b2.length];
    logitsAdj = new double[logits.length];
    double[] scratch = new double[logits.length];
    double loss = 0;
    n = 0;
    double valueAdj = seed;
    double zAdj = 0.0;
    double z2Adj = 0.0;
    int t = xs.length;
    double lossAdj = valueAdj / t;
    while (n < xs.length) {
      j = 0;
      while (j < hidden) {
        z = b1[j];
        i = 0;
        while (i < xs[n].length) {
          z = z + w1[j][i] * xs[n][i];
          i = i + 1;
        }
        h[j] = Activations.relu(z);
        j = j + 1;
      }
      k = 0;
      while (k < b2.length) {
        z2 = b2[k];
        j2 = 0;
        while (j2 < hidden) {
          z2 = z2 + w2[k][j2] * h[j2];
          j2 = j2 + 1;
        }
        logits[k] = z2;
        k = k + 1;
      }
      loss = loss + softmaxFused(logits, labels[n], lossAdj, logitsAdj, scratch);
      trips4 = b2.length;
      for (int iteration2 = trips4; iteration2 > 0; iteration2--) {
        k = iteration2 - 1;
        double elementAdj2 = logitsAdj[k];
        logitsAdj[k] = 0.0;
        z2Adj += elementAdj2;
        trips5 = hidden > 0 ? hidden : 0;
        if (z2Adj != 0.0) {
          for (int iteration3 = trips5; iteration3 > 0; iteration3--) {
            j2 = iteration3 - 1;
            w2Adj[k][j2] += z2Adj * h[j2];
            hAdj[j2] += z2Adj * w2[k][j2];
          }
        }
        b2Adj[k] += z2Adj;
        z2Adj = 0.0;
      }
      trips2 = hidden > 0 ? hidden : 0;
      for (int iteration4 = trips2; iteration4 > 0; iteration4--) {
        j = iteration4 - 1;
        double elementAdj = hAdj[j];
        hAdj[j] = 0.0;
        zAdj += h[j] > 0.0 ? elementAdj : 0.0;
        trips3 = xs[n].length;
        if (zAdj != 0.0) {
          for (int iteration5 = trips3; iteration5 > 0; iteration5--) {
            i = iteration5 - 1;
            w1Adj[j][i] += zAdj * xs[n][i];
          }
        }
        b1Adj[j] += zAdj;
        zAdj = 0.0;
      }
      n = n + 1;
    }
    double value = loss / xs.length;
    return value;
  }

  static double fwdFor(double[][] xs, int[] labels, double[][] w1, double[] b1,
      double[][] w2, double[] b2, double seed, double[][] w1Adj, double[] b1Adj,
      double[][] w2Adj, double[] b2Adj) {
    int j2 = 0;
    double z2 = 0.0;
    int k = 0;
    int i = 0;
    double z = 0.0;
    int j = 0;
    int n = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    double[] hAdj = null;
    double[] logitsAdj = null;
    int hidden = b1.length;
    double[] h = new double[hidden];
    hAdj = new double[h.length];
    double[] logits = new double[b2.length];
    logitsAdj = new double[logits.length];
    double[] scratch = new double[logits.length];
    double loss = 0;
    n = 0;
    double valueAdj = seed;
    double zAdj = 0.0;
    double z2Adj = 0.0;
    int t = xs.length;
    double lossAdj = valueAdj / t;
    while (n < xs.length) {
      for (int jj = 0; jj < hidden; jj++) {
        double zz = b1[jj];
        for (int ii = 0; ii < xs[n].length; ii++) {
          zz = zz + w1[jj][ii] * xs[n][ii];
        }
        h[jj] = Activations.relu(zz);
      }
      for (int kk = 0; kk < b2.length; kk++) {
        double zz = b2[kk];
        for (int jj = 0; jj < hidden; jj++) {
          zz = zz + w2[kk][jj] * h[jj];
        }
        logits[kk] = zz;
      }
      loss = loss + Losses.softmaxCrossEntropy(logits, labels[n]);
      Losses.softmaxCrossEntropyPullback(logits, labels[n], lossAdj, logitsAdj);
      trips4 = b2.length;
      for (int iteration2 = trips4; iteration2 > 0; iteration2--) {
        k = iteration2 - 1;
        double elementAdj2 = logitsAdj[k];
        logitsAdj[k] = 0.0;
        z2Adj += elementAdj2;
        trips5 = hidden > 0 ? hidden : 0;
        if (z2Adj != 0.0) {
          for (int iteration3 = trips5; iteration3 > 0; iteration3--) {
            j2 = iteration3 - 1;
            w2Adj[k][j2] += z2Adj * h[j2];
            hAdj[j2] += z2Adj * w2[k][j2];
          }
        }
        b2Adj[k] += z2Adj;
        z2Adj = 0.0;
      }
      trips2 = hidden > 0 ? hidden : 0;
      for (int iteration4 = trips2; iteration4 > 0; iteration4--) {
        j = iteration4 - 1;
        double elementAdj = hAdj[j];
        hAdj[j] = 0.0;
        zAdj += h[j] > 0.0 ? elementAdj : 0.0;
        trips3 = xs[n].length;
        if (zAdj != 0.0) {
          for (int iteration5 = trips3; iteration5 > 0; iteration5--) {
            i = iteration5 - 1;
            w1Adj[j][i] += zAdj * xs[n][i];
          }
        }
        b1Adj[j] += zAdj;
        zAdj = 0.0;
      }
      n = n + 1;
    }
    double value = loss / xs.length;
    return value;
  }

  static double fwdRows(double[][] xs, int[] labels, double[][] w1, double[] b1,
      double[][] w2, double[] b2, double seed, double[][] w1Adj, double[] b1Adj,
      double[][] w2Adj, double[] b2Adj) {
    int j2 = 0;
    double z2 = 0.0;
    int k = 0;
    int i = 0;
    double z = 0.0;
    int j = 0;
    int n = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    double[] hAdj = null;
    double[] logitsAdj = null;
    int hidden = b1.length;
    double[] h = new double[hidden];
    hAdj = new double[h.length];
    double[] logits = new double[b2.length];
    logitsAdj = new double[logits.length];
    double[] scratch = new double[logits.length];
    double loss = 0;
    n = 0;
    double valueAdj = seed;
    double zAdj = 0.0;
    double z2Adj = 0.0;
    int t = xs.length;
    double lossAdj = valueAdj / t;
    while (n < xs.length) {
      j = 0;
      double[] x = xs[n];
      while (j < hidden) {
        double[] row = w1[j];
        z = b1[j];
        i = 0;
        while (i < x.length) {
          z = z + row[i] * x[i];
          i = i + 1;
        }
        h[j] = Activations.relu(z);
        j = j + 1;
      }
      k = 0;
      while (k < b2.length) {
        double[] row = w2[k];
        z2 = b2[k];
        j2 = 0;
        while (j2 < hidden) {
          z2 = z2 + row[j2] * h[j2];
          j2 = j2 + 1;
        }
        logits[k] = z2;
        k = k + 1;
      }
      loss = loss + Losses.softmaxCrossEntropy(logits, labels[n]);
      Losses.softmaxCrossEntropyPullback(logits, labels[n], lossAdj, logitsAdj);
      trips4 = b2.length;
      for (int iteration2 = trips4; iteration2 > 0; iteration2--) {
        k = iteration2 - 1;
        double elementAdj2 = logitsAdj[k];
        logitsAdj[k] = 0.0;
        z2Adj += elementAdj2;
        trips5 = hidden > 0 ? hidden : 0;
        if (z2Adj != 0.0) {
          for (int iteration3 = trips5; iteration3 > 0; iteration3--) {
            j2 = iteration3 - 1;
            w2Adj[k][j2] += z2Adj * h[j2];
            hAdj[j2] += z2Adj * w2[k][j2];
          }
        }
        b2Adj[k] += z2Adj;
        z2Adj = 0.0;
      }
      trips2 = hidden > 0 ? hidden : 0;
      for (int iteration4 = trips2; iteration4 > 0; iteration4--) {
        j = iteration4 - 1;
        double elementAdj = hAdj[j];
        hAdj[j] = 0.0;
        zAdj += h[j] > 0.0 ? elementAdj : 0.0;
        trips3 = xs[n].length;
        if (zAdj != 0.0) {
          for (int iteration5 = trips3; iteration5 > 0; iteration5--) {
            i = iteration5 - 1;
            w1Adj[j][i] += zAdj * xs[n][i];
          }
        }
        b1Adj[j] += zAdj;
        zAdj = 0.0;
      }
      n = n + 1;
    }
    double value = loss / xs.length;
    return value;
  }

  static double fwdHand(double[][] xs, int[] labels, double[][] w1, double[] b1,
      double[][] w2, double[] b2, double seed, double[][] w1Adj, double[] b1Adj,
      double[][] w2Adj, double[] b2Adj) {
    int j2 = 0;
    double z2 = 0.0;
    int k = 0;
    int i = 0;
    double z = 0.0;
    int j = 0;
    int n = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    double[] hAdj = null;
    double[] logitsAdj = null;
    int hidden = b1.length;
    double[] h = new double[hidden];
    hAdj = new double[h.length];
    double[] logits = new double[b2.length];
    logitsAdj = new double[logits.length];
    double[] scratch = new double[logits.length];
    double loss = 0;
    n = 0;
    double valueAdj = seed;
    double zAdj = 0.0;
    double z2Adj = 0.0;
    int t = xs.length;
    double lossAdj = valueAdj / t;
    while (n < xs.length) {
      double[] x = xs[n];
      for (int jj = 0; jj < hidden; jj++) {
        double[] row = w1[jj];
        double zz = b1[jj];
        for (int ii = 0; ii < x.length; ii++) {
          zz += row[ii] * x[ii];
        }
        h[jj] = zz > 0 ? zz : 0;
      }
      for (int kk = 0; kk < b2.length; kk++) {
        double[] row = w2[kk];
        double zz = b2[kk];
        for (int jj = 0; jj < hidden; jj++) {
          zz += row[jj] * h[jj];
        }
        logits[kk] = zz;
      }
      loss = loss + Losses.softmaxCrossEntropy(logits, labels[n]);
      Losses.softmaxCrossEntropyPullback(logits, labels[n], lossAdj, logitsAdj);
      trips4 = b2.length;
      for (int iteration2 = trips4; iteration2 > 0; iteration2--) {
        k = iteration2 - 1;
        double elementAdj2 = logitsAdj[k];
        logitsAdj[k] = 0.0;
        z2Adj += elementAdj2;
        trips5 = hidden > 0 ? hidden : 0;
        if (z2Adj != 0.0) {
          for (int iteration3 = trips5; iteration3 > 0; iteration3--) {
            j2 = iteration3 - 1;
            w2Adj[k][j2] += z2Adj * h[j2];
            hAdj[j2] += z2Adj * w2[k][j2];
          }
        }
        b2Adj[k] += z2Adj;
        z2Adj = 0.0;
      }
      trips2 = hidden > 0 ? hidden : 0;
      for (int iteration4 = trips2; iteration4 > 0; iteration4--) {
        j = iteration4 - 1;
        double elementAdj = hAdj[j];
        hAdj[j] = 0.0;
        zAdj += h[j] > 0.0 ? elementAdj : 0.0;
        trips3 = xs[n].length;
        if (zAdj != 0.0) {
          for (int iteration5 = trips3; iteration5 > 0; iteration5--) {
            i = iteration5 - 1;
            w1Adj[j][i] += zAdj * xs[n][i];
          }
        }
        b1Adj[j] += zAdj;
        zAdj = 0.0;
      }
      n = n + 1;
    }
    double value = loss / xs.length;
    return value;
  }

  static double allFwd(double[][] xs, int[] labels, double[][] w1, double[] b1,
      double[][] w2, double[] b2, double seed, double[][] w1Adj, double[] b1Adj,
      double[][] w2Adj, double[] b2Adj) {
    int j2 = 0;
    double z2 = 0.0;
    int k = 0;
    int i = 0;
    double z = 0.0;
    int j = 0;
    int n = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    double[] hAdj = null;
    double[] logitsAdj = null;
    int hidden = b1.length;
    double[] h = new double[hidden];
    hAdj = new double[h.length];
    double[] logits = new double[b2.length];
    logitsAdj = new double[logits.length];
    double[] scratch = new double[logits.length];
    double loss = 0;
    n = 0;
    double valueAdj = seed;
    double zAdj = 0.0;
    double z2Adj = 0.0;
    int t = xs.length;
    double lossAdj = valueAdj / t;
    while (n < xs.length) {
      double[] x = xs[n];
      for (int jj = 0; jj < hidden; jj++) {
        double[] row = w1[jj];
        double zz = b1[jj];
        for (int ii = 0; ii < x.length; ii++) {
          zz += row[ii] * x[ii];
        }
        h[jj] = zz > 0 ? zz : 0;
      }
      for (int kk = 0; kk < b2.length; kk++) {
        double[] row = w2[kk];
        double zz = b2[kk];
        for (int jj = 0; jj < hidden; jj++) {
          zz += row[jj] * h[jj];
        }
        logits[kk] = zz;
      }
      loss = loss + softmaxFused(logits, labels[n], lossAdj, logitsAdj, scratch);
      trips4 = b2.length;
      for (int iteration2 = trips4; iteration2 > 0; iteration2--) {
        k = iteration2 - 1;
        double elementAdj2 = logitsAdj[k];
        logitsAdj[k] = 0.0;
        z2Adj += elementAdj2;
        trips5 = hidden > 0 ? hidden : 0;
        if (z2Adj != 0.0) {
          double[] w2AdjRow = w2Adj[k];
          double[] w2Row = w2[k];
          for (j2 = 0; j2 < trips5; j2++) {
            w2AdjRow[j2] += z2Adj * h[j2];
            hAdj[j2] += z2Adj * w2Row[j2];
          }
        }
        b2Adj[k] += z2Adj;
        z2Adj = 0.0;
      }
      trips2 = hidden > 0 ? hidden : 0;
      for (int iteration4 = trips2; iteration4 > 0; iteration4--) {
        j = iteration4 - 1;
        double elementAdj = hAdj[j];
        hAdj[j] = 0.0;
        zAdj += h[j] > 0.0 ? elementAdj : 0.0;
        trips3 = xs[n].length;
        if (zAdj != 0.0) {
          double[] w1AdjRow = w1Adj[j];
          double[] xsRow = xs[n];
          for (i = 0; i < trips3; i++) {
            w1AdjRow[i] += zAdj * xsRow[i];
          }
        }
        b1Adj[j] += zAdj;
        zAdj = 0.0;
      }
      n = n + 1;
    }
    double value = loss / xs.length;
    return value;
  }

  static final double[] NO_ADJ = new double[0];
  static final dev.adjoint.Tape TAPE = new dev.adjoint.Tape();

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    String[] names = {"hand", "generated", "up", "rows", "softmax", "fwdFor", "fwdRows", "fwdHand", "allFwd", "entryNow"};
    Variant[] vs = {
        () -> { zero(); return HandGradients.mlp(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2, GW1, GB1, GW2, GB2, WS); },
        () -> { zero(); return generated(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2, 1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return up(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2, 1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return rows(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2, 1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return softmax(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2, 1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return fwdFor(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2, 1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return fwdRows(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2, 1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return fwdHand(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2, 1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return allFwd(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2, 1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return WorkloadsGrad.mlpAdjoint(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2, 1.0, NO_ADJ, GW1, GB1, GW2, GB2, TAPE); }};
    double[] ref = null;
    for (int k = 0; k < vs.length; k++) {
      double v = vs[k].run();
      double[] g = flat();
      String same = ref == null ? "" : (Arrays.equals(ref, g) ? " bits=generated" : " bits DIFFER");
      if (k == 1) {
        ref = g;
      }
      System.out.printf("%-10s value %.17g%s%n", names[k], v, same);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] ns = new double[vs.length][rounds];
    double sink = 0;
    for (int r = -5; r < rounds; r++) {
      for (int j = 0; j < vs.length; j++) {
        int k = (j + Math.max(r, 0)) % vs.length;
        int reps = 0;
        long start = mx.getCurrentThreadCpuTime();
        long end;
        do {
          sink += vs[k].run();
          reps++;
          end = mx.getCurrentThreadCpuTime();
        } while (end - start < 30_000_000L);
        if (r >= 0) {
          ns[k][r] = (double) (end - start) / reps;
        }
      }
    }
    double handMed = median(ns[0]);
    for (int k = 0; k < vs.length; k++) {
      double m = median(ns[k]);
      System.out.printf("%-10s %,12.0f ns/op  x%.3f of hand%n", names[k], m, m / handMed);
    }
    System.out.println("sink " + sink);
  }

  static double[] flat() {
    double[] out = new double[GW1.length * GW1[0].length + GB1.length + GW2.length * GW2[0].length
        + GB2.length];
    int p = 0;
    for (double[] row : GW1) {
      for (double v : row) {
        out[p++] = v;
      }
    }
    for (double v : GB1) {
      out[p++] = v;
    }
    for (double[] row : GW2) {
      for (double v : row) {
        out[p++] = v;
      }
    }
    for (double v : GB2) {
      out[p++] = v;
    }
    return out;
  }

  static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
