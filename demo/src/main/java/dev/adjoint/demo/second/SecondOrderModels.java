package dev.adjoint.demo.second;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * The models of the demo's second-order sections, written as ordinary Java. Adjoint generates
 * {@code SecondOrderModelsGrad} with, besides the gradients, {@code rosenbrockHessian} (value,
 * gradient and dense Hessian) and {@code curveJacobian} (values and Jacobian).
 */
final class SecondOrderModels {
    private SecondOrderModels() {
    }

    /** Rosenbrock's banana valley, minimum 0 at (1, 1). */
    @Differentiable(modes = {Mode.GRADIENT, Mode.HESSIAN})
    static double rosenbrock(double x, double y) {
        double valley = y - x * x;
        return 100 * valley * valley + (1 - x) * (1 - x);
    }

    /** An exponential decay with offset, p = (amplitude, rate, offset), at the times t. */
    @Differentiable(wrt = {"p"}, modes = {Mode.GRADIENT, Mode.JACOBIAN})
    static double[] curve(double[] p, double[] t) {
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = p[0] * Math.exp(-p[1] * t[i]) + p[2];
        }
        return out;
    }
}
