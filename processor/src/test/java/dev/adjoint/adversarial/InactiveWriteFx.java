package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * A writing helper whose result is discarded and whose arguments are all inactive (a constant
 * local array): its write still changes the value (fuzz finding, seed 53737, program seed
 * 1776948541207477340).
 */
final class InactiveWriteFx {
    private InactiveWriteFx() {
    }

    static double fill(double[] v, double s) {
        v[0] = Math.sin(s) + v[1];
        return 0.0;
    }

    static void fillVoid(double[] v, double s) {
        v[0] = Math.sin(s) + v[1];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double discardedResult(double[] x) {
        double[] y = new double[2];
        fill(y, y[0] * 0.5 + 0.5);
        return y[0] * 2.0 + y[1] + x[0] * x[1];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double voidHelper(double[] x) {
        double[] y = new double[2];
        fillVoid(y, y[0] * 0.5 + 0.5);
        return y[0] * 2.0 + y[1] + x[0] * x[1];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double storedResult(double[] x) {
        double[] y = new double[2];
        double r = fill(y, y[0] * 0.5 + 0.5);
        return y[0] * 2.0 + y[1] + x[0] * x[1] + r;
    }
}
