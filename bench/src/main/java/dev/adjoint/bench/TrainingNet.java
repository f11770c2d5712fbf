package dev.adjoint.bench;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;
import dev.adjoint.Losses;

/**
 * The demo's network as the demo writes it ({@code dev.adjoint.demo.train.Mlp}): a record of its
 * parameters whose mini-batch loss calls the per-example loss, both {@code @Differentiable}
 * instance methods. {@link TrainingThroughput} trains it through the generated
 * {@code TrainingNetGrad.batchLossAdjoint} beside the same loss written inline as one method
 * ({@link Workloads#mlp}) and the hand-written gradient.
 *
 * @param w1 hidden weights {@code [h][n]}
 * @param b1 hidden biases
 * @param w2 output weights {@code [k][h]}
 * @param b2 output biases
 */
public record TrainingNet(double[][] w1, double[] b1, double[][] w2, double[] b2) {

  /**
   * The mean loss over a mini-batch.
   *
   * @param xs the batch's features, {@code [batch][n]}
   * @param labels the batch's classes
   * @return {@code (1/batch) Σ exampleLoss}
   */
  @Differentiable(wrt = "self")
  public double batchLoss(double[][] xs, int[] labels) {
    double sum = 0.0;
    for (int k = 0; k < xs.length; k++) {
      sum += exampleLoss(xs[k], labels[k]);
    }
    return sum / xs.length;
  }

  /**
   * The loss of one example: {@code softmaxCrossEntropy(w2 · relu(w1 · x + b1) + b2, label)}.
   *
   * @param x the example's features
   * @param label the example's class
   * @return its softmax cross-entropy
   */
  @Differentiable(wrt = "self")
  public double exampleLoss(double[] x, int label) {
    double[] hidden = new double[b1.length];
    for (int j = 0; j < b1.length; j++) {
      double s = b1[j];
      for (int i = 0; i < x.length; i++) {
        s += w1[j][i] * x[i];
      }
      hidden[j] = Activations.relu(s);
    }
    double[] logits = new double[b2.length];
    for (int c = 0; c < b2.length; c++) {
      double s = b2[c];
      for (int j = 0; j < hidden.length; j++) {
        s += w2[c][j] * hidden[j];
      }
      logits[c] = s;
    }
    return Losses.softmaxCrossEntropy(logits, label);
  }
}
