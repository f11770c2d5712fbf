package dev.adjoint.bench;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;
import dev.adjoint.Losses;

/**
 * The benchmarked functions, differentiated by Adjoint into {@code WorkloadsGrad}. Each one has a
 * hand-written reverse-mode twin in {@link HandGradients} and a forward-mode twin in
 * {@link ForwardGradients}.
 */
public final class Workloads {
  private Workloads() {}

  /** The seed document's two-layer ReLU cost. */
  @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
  public static double reluCost(double x, double y, double w1, double b1, double w2, double b2) {
    double a1 = Activations.relu(w1 * x + b1);
    double a2 = Activations.relu(w2 * a1 + b2);
    return Losses.squaredError(a2, y);
  }

  /**
   * Extended Rosenbrock (Moré, Garbow, Hillstrom): the sum over pairs of
   * {@code 100 (x[2i+1] - x[2i]^2)^2 + (1 - x[2i])^2}; {@code x.length} is even.
   */
  @Differentiable
  public static double rosenbrock(double[] x) {
    double f = 0;
    for (int i = 0; i < x.length / 2; i++) {
      double t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]);
      double t2 = 1 - x[2 * i];
      f += t1 * t1 + t2 * t2;
    }
    return f;
  }

  /**
   * Mean softmax cross-entropy of a two-layer ReLU network over a mini-batch:
   * {@code logits = w2 · relu(w1 · x + b1) + b2}. {@code w1} is hidden×inputs, {@code w2}
   * outputs×hidden.
   */
  @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
  public static double mlp(double[][] xs, int[] labels, double[][] w1, double[] b1,
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

  /** {@code steps} iterations of {@code x = sin(x)·a + b} from {@code x0}; returns the final x. */
  @Differentiable(wrt = {"x0", "a", "b"})
  public static double recurrence(double x0, double a, double b, int steps) {
    double x = x0;
    for (int t = 0; t < steps; t++) {
      x = Math.sin(x) * a + b;
    }
    return x;
  }
}
