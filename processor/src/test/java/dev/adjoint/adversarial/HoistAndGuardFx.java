package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Arrays allocated inside a loop that another name keeps (a row, a helper returning it, a
 * hand-over), and loops skipped by the zero-adjoint guard that change an int or double an
 * earlier loop's reverse sweep reads.
 */
final class HoistAndGuardFx {
    private HoistAndGuardFx() {
    }

    static double[] id(double[] v) {
        return v;
    }

    static double[] filled(double[] v, double c) {
        for (int k = 0; k < v.length; k++) {
            v[k] = c * (k + 1);
        }
        return v;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double allocationKeptInRows(double[] x) {
        double[][] hist = new double[3][];
        for (int t = 0; t < 3; t++) {
            double[] h = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                h[i] = Math.sin(x[i] * (t + 1));
            }
            hist[t] = id(h);
        }
        double s = 0;
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < x.length; i++) {
                s += hist[t][i] * hist[(t + 1) % 3][i];
            }
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double allocationKeptByHelperResult(double[] x) {
        double[] prev = x.clone();
        double s = 0;
        for (int t = 0; t < 3; t++) {
            double[] h = filled(new double[x.length], x[t]);
            for (int i = 0; i < x.length; i++) {
                s += h[i] * prev[i];
            }
            prev = h;
        }
        return s + prev[0] * x[3];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double guardedLoopChangesIndex(double[] x) {
        double[] y = x.clone();
        int k = 0;
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[k] * y[i] * y[i];
            k = (k + 1) % y.length;
        }
        double t = 0;
        for (int i = 0; i < y.length; i++) {
            t += y[i] * y[k];
            k = (k + 3) % y.length;
        }
        double u = 0;
        for (int i = 0; i < y.length; i++) {
            u += y[k] * y[i];
        }
        return x[0] > 100 ? t : s + u;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double guardedLoopChangesScalar(double[] x) {
        double[] y = x.clone();
        double c = 1;
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += Math.sin(c * y[i]);
            c = c * 1.1 + y[i] * 0.01;
        }
        double t = 0;
        for (int i = 0; i < y.length; i++) {
            t += c * y[i];
            c = Math.cos(c);
        }
        return x[0] > 100 ? t : s;
    }
}
