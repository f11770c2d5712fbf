package dev.adjoint.bench;

import dev.adjoint.Activations;
import dev.adjoint.Losses;

/**
 * {@link MlpVariants}' copies of {@code WorkloadsGrad.mlpAdjoint}: the generated method before
 * RowHoists, and variants of its forward loops.
 */
final class MlpVariantsForward {
  private MlpVariantsForward() {}

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
}
