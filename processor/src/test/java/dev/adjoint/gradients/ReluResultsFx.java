package dev.adjoint.gradients;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;

/**
 * ReLU differentiated from its result (issue 15): {@code h[j] = relu(z)} in a loop that writes
 * each element once reads {@code h[j] > 0} in the reverse sweep instead of keeping {@code z}
 * (OwnElementWrites), and {@code double a = relu(z)} reads {@code a}. Each {@code *Plain} twin
 * hides the call behind {@code + 0.0}, which keeps relu's derivative on its argument: the
 * gradients must agree bit for bit.
 */
final class ReluResultsFx {
    private ReluResultsFx() {
    }

    /** A two-layer network over a batch, as the bench's MLP. */
    @Differentiable(wrt = {"w1", "w2"})
    static double net(double[][] xs, double[][] w1, double[] w2) {
        double[] h = new double[w1.length];
        double loss = 0;
        for (int n = 0; n < xs.length; n++) {
            for (int j = 0; j < w1.length; j++) {
                double z = 0;
                for (int i = 0; i < xs[n].length; i++) {
                    z += w1[j][i] * xs[n][i];
                }
                h[j] = Activations.relu(z);
            }
            double out = 0;
            for (int j = 0; j < w2.length; j++) {
                out += w2[j] * h[j];
            }
            loss += out * out;
        }
        return loss;
    }

    @Differentiable(wrt = {"w1", "w2"})
    static double netPlain(double[][] xs, double[][] w1, double[] w2) {
        double[] h = new double[w1.length];
        double loss = 0;
        for (int n = 0; n < xs.length; n++) {
            for (int j = 0; j < w1.length; j++) {
                double z = 0;
                for (int i = 0; i < xs[n].length; i++) {
                    z += w1[j][i] * xs[n][i];
                }
                h[j] = Activations.relu(z) + 0.0;
            }
            double out = 0;
            for (int j = 0; j < w2.length; j++) {
                out += w2[j] * h[j];
            }
            loss += out * out;
        }
        return loss;
    }

    /** Elements overwritten after the loop that wrote them, then read: the writes after save. */
    @Differentiable
    static double overwrittenAfter(double[] x) {
        double[] h = new double[x.length];
        double total = 0;
        for (int j = 0; j < x.length; j++) {
            h[j] = Activations.relu(x[j] * x[j] - 0.5);
        }
        for (int j = 0; j < x.length; j++) {
            total += h[j] * x[j];
            h[j] = Activations.relu(h[j] - x[j]);
        }
        for (int j = 0; j < x.length; j++) {
            total += h[j] * h[j];
        }
        h[0] = 3 * x[0];
        return total + h[0] * h[1];
    }

    @Differentiable
    static double overwrittenAfterPlain(double[] x) {
        double[] h = new double[x.length];
        double total = 0;
        for (int j = 0; j < x.length; j++) {
            h[j] = Activations.relu(x[j] * x[j] - 0.5) + 0.0;
        }
        for (int j = 0; j < x.length; j++) {
            total += h[j] * x[j];
            h[j] = Activations.relu(h[j] - x[j]) + 0.0;
        }
        for (int j = 0; j < x.length; j++) {
            total += h[j] * h[j];
        }
        h[0] = 3 * x[0];
        return total + h[0] * h[1];
    }

    /** A relu reading its own array (not from its result) and a local relu (from its result). */
    @Differentiable
    static double chained(double[] x, double w) {
        double[] h = new double[x.length + 1];
        h[0] = w;
        double total = 0;
        for (int j = 0; j < x.length; j++) {
            h[j + 1] = Activations.relu(h[j] * w + x[j]);
            double a = Activations.relu(x[j] - w);
            total += a * h[j + 1];
        }
        return total;
    }

    @Differentiable
    static double chainedPlain(double[] x, double w) {
        double[] h = new double[x.length + 1];
        h[0] = w;
        double total = 0;
        for (int j = 0; j < x.length; j++) {
            h[j + 1] = Activations.relu(h[j] * w + x[j]) + 0.0;
            double a = Activations.relu(x[j] - w) + 0.0;
            total += a * h[j + 1];
        }
        return total;
    }
    /**
     * Elements overwritten after their loop by writes whose own reverse code reads nothing of
     * the array: those writes must still save what they overwrite, the relu results.
     */
    @Differentiable
    static double overwrittenBlindly(double[] x) {
        double[] h = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            h[j] = Activations.relu(x[j] * x[j] - 0.5);
        }
        double total = 0;
        for (int j = 0; j < x.length; j++) {
            total += h[j];
        }
        for (int j = 0; j < x.length; j++) {
            h[j] = 2 * x[j];
        }
        for (int j = 0; j < x.length; j++) {
            total += h[j] * h[j];
        }
        return total;
    }

    @Differentiable
    static double overwrittenBlindlyPlain(double[] x) {
        double[] h = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            h[j] = Activations.relu(x[j] * x[j] - 0.5) + 0.0;
        }
        double total = 0;
        for (int j = 0; j < x.length; j++) {
            total += h[j];
        }
        for (int j = 0; j < x.length; j++) {
            h[j] = 2 * x[j];
        }
        for (int j = 0; j < x.length; j++) {
            total += h[j] * h[j];
        }
        return total;
    }
}
