package dev.adjoint.demo.train;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;
import dev.adjoint.Losses;
import java.util.SplittableRandom;

/**
 * A multilayer perceptron with one hidden ReLU layer and a softmax cross-entropy loss: a record
 * of its parameters, {@code w1[h][n]}, {@code b1[h]}, {@code w2[k][h]}, {@code b2[k]} for
 * {@code n} inputs, {@code h} hidden units and {@code k} classes, whose {@link #batchLoss} is
 * ordinary Java. Adjoint generates {@code MlpGrad}: {@code MlpGrad.batchLoss(model, …).self()} is
 * the gradient as an {@code Mlp}, and {@code MlpGrad.batchLossAdjoint} the same into reused
 * buffers, the whole of backpropagation for training. The sizes are read from the arrays, so the
 * same code trains 784-64-10 on MNIST and 4-16-3 on Iris.
 *
 * @param w1 hidden weights
 * @param b1 hidden biases
 * @param w2 output weights
 * @param b2 output biases
 */
public record Mlp(double[][] w1, double[] b1, double[][] w2, double[] b2) {

    /**
     * The mean loss over a mini-batch: the examples {@code order[from..to)} of
     * {@code inputs}/{@code labels}.
     *
     * @param inputs all examples' features, {@code [examples][n]}
     * @param labels all examples' classes
     * @param order example indices; the batch is {@code order[from]…order[to-1]}
     * @param from first position in {@code order}, inclusive
     * @param to last position in {@code order}, exclusive; {@code to > from}
     * @return {@code (1/(to-from)) Σ exampleLoss}
     */
    @Differentiable(wrt = "self")
    public double batchLoss(double[][] inputs, int[] labels, int[] order, int from, int to) {
        double sum = 0.0;
        for (int k = from; k < to; k++) {
            sum += exampleLoss(inputs[order[k]], labels[order[k]]);
        }
        return sum / (to - from);
    }

    /**
     * The loss of one example: hidden layer {@code relu(w1·x + b1)}, logits
     * {@code w2·hidden + b2}, softmax cross-entropy against {@code label}.
     *
     * @param x the example's features, {@code [n]}
     * @param label the example's class
     * @return the softmax cross-entropy of the logits against {@code label}
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

    /**
     * The logits of one example (the forward pass of {@link #exampleLoss} without the loss), for
     * prediction. Not differentiated.
     *
     * @param x the example's features
     * @param hidden receives the {@code h} hidden activations
     * @param logits receives the {@code k} logits
     */
    public void logits(double[] x, double[] hidden, double[] logits) {
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


    /**
     * A network with He-initialised weights (normal, variance {@code 2/fan-in}) and zero biases.
     *
     * @param inputs {@code n}
     * @param hidden {@code h}
     * @param classes {@code k}
     * @param random the source of the initial weights
     * @return the network
     */
    public static Mlp initial(int inputs, int hidden, int classes, SplittableRandom random) {
        return new Mlp(gaussian(hidden, inputs, Math.sqrt(2.0 / inputs), random),
                new double[hidden], gaussian(classes, hidden, Math.sqrt(2.0 / hidden), random),
                new double[classes]);
    }

    /**
     * A network of zeros with the same shapes, e.g. for gradient buffers.
     *
     * @return a new network of zeros
     */
    public Mlp zerosLike() {
        return new Mlp(new double[w1.length][w1[0].length], new double[b1.length],
                new double[w2.length][w2[0].length], new double[b2.length]);
    }

    /** Sets every parameter to 0. */
    public void clear() {
        for (double[] row : w1) {
            java.util.Arrays.fill(row, 0.0);
        }
        java.util.Arrays.fill(b1, 0.0);
        for (double[] row : w2) {
            java.util.Arrays.fill(row, 0.0);
        }
        java.util.Arrays.fill(b2, 0.0);
    }

    /**
     * Adds {@code other} into this network, element by element.
     *
     * @param other a network of the same shapes
     */
    public void add(Mlp other) {
        for (int j = 0; j < w1.length; j++) {
            addInto(w1[j], other.w1[j]);
        }
        addInto(b1, other.b1);
        for (int c = 0; c < w2.length; c++) {
            addInto(w2[c], other.w2[c]);
        }
        addInto(b2, other.b2);
    }

    /**
     * The number of parameters.
     *
     * @return {@code h·n + h + k·h + k}
     */
    public int parameterCount() {
        return w1.length * w1[0].length + b1.length + w2.length * w2[0].length + b2.length;
    }

    /**
     * The predicted class of one example.
     *
     * @param x the features
     * @return the index of the largest logit
     */
    public int predict(double[] x) {
        double[] logits = new double[b2.length];
        logits(x, new double[b1.length], logits);
        return argmax(logits);
    }

    /**
     * Mean loss and accuracy on the examples {@code [from, to)} of a data set.
     *
     * @param data the data set
     * @param from first example, inclusive
     * @param to last example, exclusive
     * @return {@code {summed loss, number correct}}
     */
    public double[] lossAndCorrect(Dataset data, int from, int to) {
        double[] hidden = new double[b1.length];
        double[] logits = new double[b2.length];
        double loss = 0.0;
        int correct = 0;
        for (int n = from; n < to; n++) {
            logits(data.features()[n], hidden, logits);
            int label = data.labels()[n];
            loss += Losses.softmaxCrossEntropy(logits, label);
            if (argmax(logits) == label) {
                correct++;
            }
        }
        return new double[] {loss, correct};
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void addInto(double[] target, double[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] += source[i];
        }
    }

    private static double[][] gaussian(int rows, int columns, double sd, SplittableRandom random) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int i = 0; i < columns; i++) {
                row[i] = sd * gaussian(random);
            }
        }
        return m;
    }

    /** A standard normal variate (Box–Muller; SplittableRandom has no nextGaussian on 17). */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
