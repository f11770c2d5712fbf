package dev.adjoint.gradients;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;
import dev.adjoint.Losses;

final class RuntimeFx {
    private RuntimeFx() {
    }

    @Differentiable
    static double relu(double x, double y) {
        return Activations.relu(x) * y;
    }

    @Differentiable
    static double leakyRelu(double x, double slope) {
        return Activations.leakyRelu(x, slope);
    }

    @Differentiable
    static double leakyReluScaled(double x, double slope, double y) {
        return Activations.leakyRelu(x, slope) * y;
    }

    @Differentiable
    static double sigmoid(double x, double y) {
        return Activations.sigmoid(x * y);
    }

    @Differentiable
    static double softplus(double x, double y) {
        return Activations.softplus(x) * y;
    }

    @Differentiable
    static double bce(double p, double label) {
        return Losses.binaryCrossEntropy(p, label);
    }

    @Differentiable
    static double squaredError(double p, double t) {
        return Losses.squaredError(p * p, t);
    }

    /** Math calls with only inactive arguments, and a double parameter excluded by wrt. */
    @Differentiable(wrt = "x")
    static double inactiveArgs(double x, double k, int n) {
        double c = Math.sin(n) + Math.sqrt(2.0) + Math.exp(k) + Math.max(n, 3) + Math.abs(-n)
                + Math.pow(k, 2) + StrictMath.cos(k) + Activations.sigmoid(k);
        return c * x + Math.min(n, 1) * x * x;
    }
}
