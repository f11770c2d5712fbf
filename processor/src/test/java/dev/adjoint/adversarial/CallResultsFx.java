package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Results of pure helpers (stored call results) whose argument arrays are overwritten after the
 * call, and two array parameters where a helper writes one of them.
 */
final class CallResultsFx {
    private CallResultsFx() {
    }

    static void scale(double[] y, double c) {
        for (int k = 0; k < y.length; k++) {
            y[k] = y[k] * c;
        }
    }

    static double norm2(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v * v;
        }
        return s;
    }

    static double dotAt(double[] a, double[] b, int i) {
        return a[i] * b[i] + Math.sin(a[i]);
    }

    static void axpy(double c, double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            b[k] += c * a[k];
        }
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double pureResultThenWrite(double[] x) {
        double[] y = x.clone();
        double r = norm2(y);
        scale(y, 2);
        double q = norm2(y);
        scale(y, 0.5);
        return r * y[0] + q * y[1];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double pureResultInLoopThenWrite(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = dotAt(y, x, i);
            y[i] = y[i] * r;
            s += r * norm2(y);
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double pureCallInSumLoopThenWrite(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += dotAt(y, y, i) * x[i];
            axpy(0.3, x, y);
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double axpyIntoWrittenParameter(double[] x) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = Math.cos(x[i]);
        }
        x[0] *= 1.5;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double b = x[i] * x[i];
            axpy(0.7, a, x);
            s += b * x[i];
        }
        return s;
    }
}
