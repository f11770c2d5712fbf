package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Java's evaluation order against writes, in the forms the diagnostics ask for (a writing helper
 * is refused inside y[i] += bumpAt(y, i) and in a loop condition): the old element held before
 * the call, the helper's result assigned before the test; assignments inside expressions of
 * array elements.
 */
final class EvaluationOrderFx {
    private EvaluationOrderFx() {
    }

    static double bumpAt(double[] y, int i) {
        y[i] = y[i] * y[i] + 0.5;
        return y[i];
    }

    static double shrink(double[] y) {
        double s = 0;
        for (int k = 0; k < y.length; k++) {
            y[k] *= 0.5;
            s += y[k] * y[k];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double compoundOverWritingCall(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double old = y[i];
            double r = bumpAt(y, i);
            y[i] = old + r;
            s += y[i] * x[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double writingHelperInCondition(double[] x) {
        double[] y = x.clone();
        double s = 0;
        double n2;
        do {
            s += Math.sin(y[0]) * y[1];
            n2 = shrink(y);
        } while (n2 > 0.05);
        return s + y[2];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double assignmentInsideExpression(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * (y[i] = y[i] * y[i] + x[i]) + y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double postIncrementIndexWrites(double[] x) {
        double[] y = x.clone();
        double s = 0;
        int k = 0;
        while (k < y.length - 1) {
            y[k++] = y[k] * y[k] + y[k - 1];
            s += y[k - 1] * y[k];
        }
        return s;
    }
}
