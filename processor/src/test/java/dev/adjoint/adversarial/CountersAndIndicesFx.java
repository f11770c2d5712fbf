package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Counted loops whose bound or step the body changes, data-dependent trip counts driven by a
 * writing helper, and element writes at an index that equals the read index only at run time.
 */
final class CountersAndIndicesFx {
    private CountersAndIndicesFx() {
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

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double boundShrinksInBody(double[] x) {
        double[] y = x.clone();
        int n = y.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s = Math.sin(s) + y[i] * y[i];
            y[n - 1] = y[n - 1] * 0.5 + s;
            if (y[i] > 0.5) {
                n--;
            }
        }
        return s + y[3];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double stepChangesInBody(double[] x) {
        double[] y = x.clone();
        double s = 0;
        int step = 1;
        for (int i = 0; i < y.length; i += step) {
            double a = y[i] * y[i];
            scale(y, 1.2);
            s += a * y[i];
            step = 2;
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double helperDrivesTripCount(double[] x) {
        double[] y = x.clone();
        double s = 0;
        while (norm2(y) > 0.05) {
            s += Math.exp(y[0]) * y[1];
            scale(y, 0.5);
        }
        return s + y[2];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double runtimeEqualIndex(double[] x) {
        double[] y = x.clone();
        int n = y.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            int k = (i * 5) % n;
            double a = y[i] * y[i];
            y[k] = y[k] * 2 + 1;
            s += a * y[i] + y[i] * y[k];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double runtimeEqualIndexInSumLoop(double[] x) {
        double[] y = x.clone();
        int[] idx = {0, 1, 2, 3};
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * y[i];
            y[idx[i]] = Math.cos(y[idx[i]]);
            s += y[i] * x[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double continueSkipsWrite(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < y.length; i++) {
                double a = y[i] * y[i];
                if (y[i] < 0) {
                    s += a;
                    continue;
                }
                scale(y, 1.1);
                s += a * y[i];
            }
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double backwardCountedLoopWithHelper(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = y.length - 1; i >= 0; i--) {
            double a = Math.sin(y[i]);
            scale(y, -1.3);
            s += a * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double triangularLoopsWithWrite(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j <= i; j++) {
                double a = y[j] * y[i];
                y[i] = y[i] * 0.9 + 0.1 * y[j];
                s += a * y[j];
            }
        }
        return s;
    }
}
