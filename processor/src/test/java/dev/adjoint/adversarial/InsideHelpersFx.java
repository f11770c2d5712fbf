package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;
import java.util.Arrays;

/**
 * The same traps placed inside the helpers a @Differentiable method calls (helpers are
 * differentiated too): a temporary read before a nested helper overwrites its array, a
 * conditional write, arraycopy and fill into a parameter of the helper, a row alias inside it.
 */
final class InsideHelpersFx {
    private InsideHelpersFx() {
    }

    static void scale(double[] y, double c) {
        for (int k = 0; k < y.length; k++) {
            y[k] = y[k] * c;
        }
    }

    static double tempAcrossNestedWrite(double[] y) {
        double s = 0;
        for (int k = 0; k < y.length; k++) {
            double a = y[k] * y[k];
            scale(y, 1.5);
            s += a * y[k];
        }
        return s;
    }

    static void maybeScale(double[] y, double c) {
        if (y[0] > 0) {
            for (int k = 0; k < y.length; k++) {
                y[k] *= c;
            }
        }
    }

    static double copyAndFill(double[] y, double[] w) {
        double s = 0;
        for (int k = 0; k < y.length; k++) {
            double a = Math.exp(y[k]);
            System.arraycopy(w, 0, y, 0, 2);
            Arrays.fill(w, a);
            s += a * y[k] + w[0];
        }
        return s;
    }

    static void rowAliasWrite(double[][] m, double c) {
        double[] r = m[1];
        for (int k = 0; k < r.length; k++) {
            r[k] = r[k] * c + m[0][k];
        }
    }

    static double sumTwoLoops(double[] y) {
        double s = 0;
        for (int k = 0; k < y.length; k++) {
            s += y[k] * y[k];
        }
        scale(y, 2);
        double t = 0;
        for (int k = 0; k < y.length; k++) {
            t += y[k] * y[k];
        }
        return s * t;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double nestedTemp(double[] x) {
        double[] y = x.clone();
        double s = tempAcrossNestedWrite(y);
        return s + y[1] * y[2];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double conditionalHelperWrite(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            maybeScale(y, 1.5);
            s += a * y[i];
            y[0] = -y[0];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double helperCopiesAndFills(double[] x) {
        double[] y = x.clone();
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            w[i] = x[i] * x[i];
        }
        double s = copyAndFill(y, w);
        return s + y[0] * w[1];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double helperRowAlias(double[] x) {
        double[][] m = new double[2][];
        m[0] = x.clone();
        m[1] = x.clone();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double a = m[1][i] * m[1][i];
            rowAliasWrite(m, 1.5);
            s += a * m[1][i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double helperSumLoopsThenRead(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < 2; i++) {
            double a = y[i] * y[3];
            double r = sumTwoLoops(y);
            s += r * a;
            s += y[i];
        }
        return s;
    }
}
