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
        return -Math.log(sum) / beta + w[0] * w[1] * rowOf(c, 1)[0];
    }
}
