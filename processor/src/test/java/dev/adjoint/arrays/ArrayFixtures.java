package dev.adjoint.arrays;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;
import dev.adjoint.Losses;

/** Vectors, matrices and layers written as plain Java over arrays. */
final class ArrayFixtures {
  private ArrayFixtures() {}

  @Differentiable
  static double dot(double[] x, double[] w) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * w[i];
    }
    return s;
  }

  @Differentiable
  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** x^T W y. */
  @Differentiable
  static double bilinear(double[] x, double[][] w, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < y.length; j++) {
        s += x[i] * w[i][j] * y[j];
      }
    }
    return s;
  }

  /** h[t+1] = tanh(W h[t] + x[t]), loss = sum of squares of every state. */
  @Differentiable
  static double rnn(double[][] w, double[] x, double[] h0) {
    int n = h0.length;
    double[][] h = new double[x.length + 1][n];
    for (int j = 0; j < n; j++) {
      h[0][j] = h0[j];
    }
    for (int t = 0; t < x.length; t++) {
      for (int j = 0; j < n; j++) {
        double s = x[t];
        for (int k = 0; k < n; k++) {
          s += w[j][k] * h[t][k];
        }
        h[t + 1][j] = Math.tanh(s);
      }
    }
    double out = 0;
    for (double[] row : h) {
      for (double v : row) {
        out += v * v;
      }
    }
    return out;
  }

  /** Mean binary cross-entropy of a logistic regression over a batch. */
  @Differentiable(wrt = {"w", "b"})
  static double logisticRegression(double[][] xs, double[] labels, double[] w, double b) {
    double loss = 0;
    for (int n = 0; n < xs.length; n++) {
      double z = b;
      for (int i = 0; i < w.length; i++) {
        z += w[i] * xs[n][i];
      }
      loss += Losses.binaryCrossEntropy(Activations.sigmoid(z), labels[n]);
    }
    return loss / xs.length;
  }

  /** Softmax cross-entropy written by hand, max-shifted like the runtime's. */
  @Differentiable
  static double softmaxCrossEntropyByHand(double[] logits, int label) {
    double max = logits[0];
    for (double v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : logits) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum) - logits[label];
  }

  @Differentiable(wrt = "logits")
  static double softmaxCrossEntropyHelper(double[] logits, int label) {
    return Losses.softmaxCrossEntropy(logits, label);
  }

  @Differentiable
  static double meanSquaredError(double[] predictions, double[] targets) {
    return Losses.mse(predictions, targets);
  }

  /** A two-layer MLP over a mini-batch: ReLU hidden layer, softmax cross-entropy. */
  @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
  static double mlp(double[][] xs, int[] labels, double[][] w1, double[] b1, double[][] w2,
      double[] b2) {
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

  /** Moré–Garbow–Hillstrom: extended Rosenbrock. */
  @Differentiable
  static double extendedRosenbrock(double[] x) {
    double f = 0;
    for (int i = 0; i < x.length; i += 2) {
      double t1 = 10 * (x[i + 1] - x[i] * x[i]);
      double t2 = 1 - x[i];
      f += t1 * t1 + t2 * t2;
    }
    return f;
  }

  /** Moré–Garbow–Hillstrom: Wood. */
  @Differentiable
  static double wood(double[] x) {
    double a = x[1] - x[0] * x[0];
    double b = x[3] - x[2] * x[2];
    return 100 * a * a + (1 - x[0]) * (1 - x[0]) + 90 * b * b + (1 - x[2]) * (1 - x[2])
        + 10.1 * ((x[1] - 1) * (x[1] - 1) + (x[3] - 1) * (x[3] - 1))
        + 19.8 * (x[1] - 1) * (x[3] - 1);
  }

  /** Moré–Garbow–Hillstrom: extended Powell singular. */
  @Differentiable
  static double powellSingular(double[] x) {
    double f = 0;
    for (int i = 0; i + 3 < x.length; i += 4) {
      double a = x[i] + 10 * x[i + 1];
      double b = x[i + 2] - x[i + 3];
      double c = x[i + 1] - 2 * x[i + 2];
      double d = x[i] - x[i + 3];
      f += a * a + 5 * b * b + Math.pow(c, 4) + 10 * Math.pow(d, 4);
    }
    return f;
  }

  /** Moré–Garbow–Hillstrom: trigonometric. */
  @Differentiable
  static double trigonometric(double[] x) {
    int n = x.length;
    double cosines = 0;
    for (double v : x) {
      cosines += Math.cos(v);
    }
    double f = 0;
    for (int i = 0; i < n; i++) {
      double fi = n - cosines + (i + 1) * (1 - Math.cos(x[i])) - Math.sin(x[i]);
      f += fi * fi;
    }
    return f;
  }

  static double sumOfSquares(double[] v) {
    double s = 0;
    for (double e : v) {
      s += e * e;
    }
    return s;
  }

  /** An array passed to a helper that is differentiated automatically. */
  @Differentiable
  static double norm(double[] x) {
    return Math.sqrt(sumOfSquares(x));
  }

  /** Local arrays filled and overwritten in a loop; initializers; .length of both dimensions. */
  @Differentiable
  static double localArrays(double[] x, double a) {
    double[] buffer = new double[x.length];
    double[][] grid = {{a, 2 * a}, {a * a, 1}};
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < buffer.length; i++) {
        buffer[i] = Math.sin(buffer[i] + x[i] * a);
      }
    }
    double s = 0;
    for (int i = 0; i < grid.length; i++) {
      for (int j = 0; j < grid[i].length; j++) {
        grid[i][j] *= buffer[(i + j) % buffer.length];
        s += grid[i][j];
      }
    }
    return s;
  }
}
