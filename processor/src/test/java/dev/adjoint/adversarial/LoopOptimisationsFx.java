package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;
import java.util.Arrays;

/**
 * Writes placed against loop fusion of sum loops, the zero-adjoint guard, whole-array records,
 * parameter writes (entry copies), row aliases and swaps.
 */
final class LoopOptimisationsFx {
    private LoopOptimisationsFx() {
    }

    static void scale(double[] y, double c) {
        for (int k = 0; k < y.length; k++) {
            y[k] = y[k] * c;
        }
    }

    static void shiftAt(double[] y, int i, double d) {
        y[i] += d * y[i] * y[i];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double sumLoopsAroundHelper(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * y[i];
        }
        scale(y, 1.5);
        double t = 0;
        for (int i = 0; i < y.length; i++) {
            t += y[i] * x[i];
        }
        return s * t;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double sumLoopsAroundFill(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * y[i] * y[i];
        }
        Arrays.fill(y, 1, 3, s);
        double t = 0;
        for (int i = 0; i < y.length; i++) {
            t += y[i] * y[i];
        }
        return s + t;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double sumLoopWithHelperInside(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * y[i];
            shiftAt(y, i, 0.3);
            s += Math.sin(y[i]);
        }
        double t = 0;
        for (int i = 0; i < y.length; i++) {
            t += y[i] * y[i];
        }
        return s + t;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double sumLoopsSameArrayWrittenBetween(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * y[i];
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.cos(y[i]);
        }
        double t = 0;
        for (int i = 0; i < y.length; i++) {
            t += y[i] * x[i];
        }
        return s * t;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double deadSumLoopThatWrites(double[] x) {
        double[] y = x.clone();
        double dead = 0;
        for (int i = 0; i < y.length; i++) {
            dead += y[i];
            y[i] = y[i] * y[i];
        }
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * x[i];
        }
        return dead > 1e9 ? dead : s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double deadSumLoopWithHelper(double[] x) {
        double[] y = x.clone();
        double dead = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            dead += y[i] * y[i];
            shiftAt(y, i, 0.5);
            n++;
        }
        double s = n;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * x[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double parameterScaledInPlace(double[] x) {
        x[0] *= 1.25;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double a = x[i] * x[i];
            scale(x, 1.5);
            s += a * x[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double parameterSumLoopsAroundWrite(double[] x) {
        x[1] = x[1] * x[1];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
        }
        scale(x, 2);
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            t += x[i] * x[i] * x[i];
        }
        return s + t;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double parameterArraycopy(double[] x) {
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            w[i] = x[i] * x[i];
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double a = Math.exp(x[i]);
            System.arraycopy(w, 0, x, 0, 2);
            s += a * x[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double rowAliasWrite(double[] x) {
        double[][] m = new double[2][];
        m[0] = x.clone();
        m[1] = x.clone();
        double[] r = m[1];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double a = m[1][i] * m[1][i];
            r[i] = r[i] * 3 + m[0][i];
            s += a * m[1][i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double rowHelperInSumLoop(double[] x) {
        double[][] m = new double[2][];
        m[0] = x.clone();
        m[1] = x.clone();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += m[0][i] * m[1][i];
        }
        scale(m[1], 2);
        for (int i = 0; i < x.length; i++) {
            s += m[0][i] * m[1][i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double swapThenHelper(double[] x) {
        double[] a = x.clone();
        double[] b = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = x[i] * 0.5 + 1;
        }
        double s = 0;
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < x.length; i++) {
                double v = a[i] * b[i];
                double[] tmp = a;
                a = b;
                b = tmp;
                scale(a, 1.1);
                s += v * a[i];
            }
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double wholeArrayRecordThenHelper(double[] x) {
        double[] h = x.clone();
        double s = 0;
        for (int t = 0; t < 3; t++) {
            double[] next = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                next[i] = Math.tanh(h[i] + x[i]);
            }
            scale(h, 0.5);
            for (int i = 0; i < x.length; i++) {
                s += h[i] * next[i];
            }
            h = next;
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double negationInPlace(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            y[i] = -y[i];
            s += a * y[i];
            y[i] = -y[i] * 2;
            s += y[i] * a;
        }
        return s;
    }
}
