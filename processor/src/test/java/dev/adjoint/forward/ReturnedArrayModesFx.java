package dev.adjoint.forward;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * mTangent and mHvp through helpers returning an array they received (a row, the argument
 * itself) and through an array local declared without allocation (issue 13).
 */
final class ReturnedArrayModesFx {
    private ReturnedArrayModesFx() {
    }

    static double[] rowOf(double[][] m, int i) {
        return m[i];
    }

    static double[] id(double[] v) {
        return v;
    }

    /** Checks its index before returning the row: called as a statement, then an alias. */
    static double[] checkedRow(double[][] m, int i) {
        if (i >= m.length) {
            throw new IllegalArgumentException("no row " + i);
        }
        return m[i];
    }

    /** Soft-min of squared distances to the rows of {@code c}, plus a term from either branch. */
    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double energy(double[][] c, double[] x, double beta) {
        double sum = 0;
        for (int k = 0; k < c.length; k++) {
            var ck = rowOf(c, k);
            double d = 0;
            for (int i = 0; i < x.length; i++) {
                d += (x[i] - ck[i]) * (x[i] - id(ck)[i]);
            }
            sum += Math.exp(-beta * d);
        }
        double[] w;
        if (beta > 1) {
            w = id(x);
        } else {
            w = new double[x.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = x[i] * beta;
            }
        }
        double[] last = checkedRow(c, 2);
        double[][] q = new double[2][2];
        double[] qy = checkedRow(q, 1);
        qy[0] = x[0] * beta;
        return -Math.log(sum) / beta + w[0] * w[1] * rowOf(c, 1)[0] + q[1][0] * last[1];
    }

    /** Writes into the array it receives and returns it. */
    static double[] clip(double[] v, double c) {
        for (int i = 0; i < v.length; i++) {
            v[i] = c * Math.tanh(v[i] / c);
        }
        return v;
    }

    /** A writing helper returning its argument, under the forward modes (issue 14). */
    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double clipped(double a) {
        double[] h = {a, 2 * a};
        double[] y = clip(h, a);
        return y[0] * h[1] + Math.sin(h[0]);
    }
}
