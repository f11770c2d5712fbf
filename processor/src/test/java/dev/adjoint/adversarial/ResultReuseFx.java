package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Derivatives taken from results (exp, tanh, logistic, stored Math results, fused bodies reusing
 * forward temporaries) where the result is overwritten after it was computed: by itself, by a
 * helper writing the array that holds it, by a loop between two identical sum loops.
 */
final class ResultReuseFx {
    private ResultReuseFx() {
    }

    static void scale(double[] y, double c) {
        for (int k = 0; k < y.length; k++) {
            y[k] = y[k] * c;
        }
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double expResultOverwritten(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double e = Math.exp(x[i]);
            e = e * 2 + x[i];
            s += e * x[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double tanhAndLogisticOverwritten(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double t = Math.tanh(x[i]);
            double g = 1 / (1 + Math.exp(-x[i]));
            t *= 0.5;
            g = g - t;
            s += t * g;
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double expIntoArrayThenHelper(double[] x) {
        double[] w = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            w[i] = Math.exp(x[i]);
            scale(w, 2);
            s += w[i] * x[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double tanhIntoArrayThenHelper(double[] x) {
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            w[i] = Math.tanh(x[i]);
        }
        scale(w, 0.5);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += w[i] * w[i] * x[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double logisticIntoArrayOverwritten(double[] x) {
        double[] w = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            w[i] = 1 / (1 + Math.exp(-x[i]));
            w[i] += x[i] * x[i];
            s += w[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double identicalSumLoopsAroundHelper(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = y[i] - x[i] * 0.5;
            s += d * d;
        }
        scale(y, 1.5);
        for (int i = 0; i < x.length; i++) {
            double d = y[i] - x[i] * 0.5;
            s += d * d;
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double identicalSumLoopsAroundLoopWrite(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.exp(y[i]) * x[i];
        }
        for (int i = 0; i < x.length; i++) {
            y[i] = y[i] * y[i];
        }
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            t += Math.exp(y[i]) * x[i];
        }
        return s + t;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double storedSqrtResultHelper(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * x[i] + 1;
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sqrt(y[i]);
            scale(y, 1.25);
            s += y[i] * x[i];
        }
        return s;
    }
}
