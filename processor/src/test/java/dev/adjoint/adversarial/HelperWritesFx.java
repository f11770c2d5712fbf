package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;
import java.util.Arrays;

/**
 * Loop temporaries, element reads and Math results read before a write the optimisation might
 * not see: a helper (void, returning double, returning its argument), System.arraycopy,
 * Arrays.fill, a write through an alias, behind a branch, in an inner loop.
 */
final class HelperWritesFx {
    private HelperWritesFx() {
    }

    static void scale(double[] y, double c) {
        for (int k = 0; k < y.length; k++) {
            y[k] = y[k] * c;
        }
    }

    static double bumpAt(double[] y, int i) {
        y[i] = y[i] * y[i] + 0.5;
        return y[i];
    }

    static double[] scaled(double[] y, double c) {
        for (int k = 0; k < y.length; k++) {
            y[k] *= c;
        }
        return y;
    }

    static void squareInto(double[] src, double[] dst) {
        for (int k = 0; k < src.length; k++) {
            dst[k] = src[k] * src[k];
        }
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double throughAlias(double[] x) {
        double[] y = x.clone();
        double[] z = y;
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            scale(z, 1.5);
            s += a * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double arraycopyOverTemp(double[] x) {
        double[] y = x.clone();
        double[] w = new double[x.length];
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            w[i] = Math.sin(x[i]) + 2;
        }
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            System.arraycopy(w, 0, y, 0, y.length);
            s += a * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double fillOverTemp(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            Arrays.fill(y, x[0] * 0.5 + i);
            s += a * y[i] + y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double returningDoubleWrites(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            double b = bumpAt(y, i);
            s += a * y[i] + b;
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double returningArgumentWrites(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            double[] z = scaled(y, 1.25);
            s += a * z[i] + a * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double behindABranch(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            if (y[i] > 0) {
                scale(y, 2);
            }
            s += a * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double innerLoopWrite(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            for (int j = 0; j < y.length; j++) {
                y[j] = y[j] * 1.1 + 0.1 * y[i];
            }
            s += a * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double outParamOverTemp(double[] x) {
        double[] y = x.clone();
        double[] q = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * q[i];
            squareInto(q, y);
            s += a * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double sinBeforeHelper(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += Math.sin(y[i]) * Math.exp(y[i]);
            scale(y, 1.5);
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double logisticTanhBeforeHelper(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double e = 1 / (1 + Math.exp(-y[i]));
            double t = Math.tanh(y[i]);
            scale(y, 1.5);
            s += e * t + e * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double negationBeforeHelper(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = -y[i];
            scale(y, -1.5);
            s += a * y[i] * -y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double betweenTwoReadsOfOneElement(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * y[i];
            bumpAt(y, i);
            s += y[i] * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double strideLoadsBeforeWrite(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length / 2; i++) {
            s += y[2 * i] * y[2 * i + 1];
            scale(y, 0.9);
            s += y[2 * i] * y[2 * i] - y[2 * i + 1];
        }
        return s;
    }
}
