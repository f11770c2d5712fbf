package dev.adjoint.demo.train;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;
import dev.adjoint.Losses;

/**
 * A multilayer perceptron with one hidden ReLU layer and a softmax cross-entropy loss, written
 * as ordinary Java over {@code double[]} and {@code double[][]}. Adjoint generates
 * {@code MlpGrad}, whose {@code batchLossAdjoint} is the whole of backpropagation for training:
 * nothing here or in the trainer computes a derivative by hand.
 *
 * <p>Shapes, for {@code n} inputs, {@code h} hidden units and {@code k} classes:
 * {@code w1[h][n]}, {@code b1[h]}, {@code w2[k][h]}, {@code b2[k]}. The sizes are read from the
 * arrays, so the same code trains 784-64-10 on MNIST and 4-16-3 on Iris.
 */
public final class Mlp {

    private Mlp() {
    }

    /**
     * The mean loss over a mini-batch: the examples {@code order[from..to)} of
     * {@code inputs}/{@code labels}.
     *
     * @param w1 hidden weights, {@code [h][n]}
     * @param b1 hidden biases, {@code [h]}
     * @param w2 output weights, {@code [k][h]}
     * @param b2 output biases, {@code [k]}
     * @param inputs all examples' features, {@code [examples][n]}
     * @param labels all examples' classes
     * @param order example indices; the batch is {@code order[from]…order[to-1]}
     * @param from first position in {@code order}, inclusive
     * @param to last position in {@code order}, exclusive; {@code to > from}
     * @return {@code (1/(to-from)) Σ exampleLoss}
     */
    @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
    public static double batchLoss(double[][] w1, double[] b1, double[][] w2, double[] b2,
            double[][] inputs, int[] labels, int[] order, int from, int to) {
        double sum = 0.0;
        for (int k = from; k < to; k++) {
            int e = order[k];
            sum += exampleLoss(w1, b1, w2, b2, inputs[e], labels[e]);
        }
        return sum / (to - from);
    }

    /**
     * The loss of one example: hidden layer {@code relu(w1·x + b1)}, logits
     * {@code w2·hidden + b2}, softmax cross-entropy against {@code label}.
     *
     * @param w1 hidden weights, {@code [h][n]}
     * @param b1 hidden biases, {@code [h]}
     * @param w2 output weights, {@code [k][h]}
     * @param b2 output biases, {@code [k]}
     * @param x the example's features, {@code [n]}
     * @param label the example's class
     * @return {@code -log softmax(logits)[label]}
     */
    @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
    public static double exampleLoss(double[][] w1, double[] b1, double[][] w2, double[] b2,
            double[] x, int label) {
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

    /**
     * The logits of one example (the forward pass of {@link #exampleLoss} without the loss), for
     * prediction. Not differentiated.
     *
     * @param w1 hidden weights
     * @param b1 hidden biases
     * @param w2 output weights
     * @param b2 output biases
     * @param x the example's features
     * @param hidden scratch space of length {@code h}, overwritten
     * @param logits receives the {@code k} logits
     */
    public static void logits(double[][] w1, double[] b1, double[][] w2, double[] b2, double[] x,
            double[] hidden, double[] logits) {
        for (int j = 0; j < b1.length; j++) {
            double s = b1[j];
            double[] row = w1[j];
            for (int i = 0; i < x.length; i++) {
                s += row[i] * x[i];
            }
            hidden[j] = Activations.relu(s);
        }
        for (int c = 0; c < b2.length; c++) {
            double s = b2[c];
            double[] row = w2[c];
            for (int j = 0; j < hidden.length; j++) {
                s += row[j] * hidden[j];
            }
            logits[c] = s;
        }
    }
}
