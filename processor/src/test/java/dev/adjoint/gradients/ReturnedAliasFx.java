package dev.adjoint.gradients;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Helpers returning an argument through a local alias ({@code double[] y = v; ...; return y;}),
 * and writing helpers returning the row they were given ({@code double[] y = clip(k[i], c);}),
 * issue 13.
 */
final class ReturnedAliasFx {
    private ReturnedAliasFx() {
    }

    /** A pure alias helper, one of a row, and one that writes through its alias. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double aliases(double[] x, double a) {
        double[] t = x.clone();
        double[] z = same(t);
        z[1] = z[1] * a + Math.sin(z[0]);
        double[][] k = {{x[0], x[1]}, {x[2] * a, x[3]}};
        double[] r = rowAt(k, 1);
        r[0] += a * r[1];
        double[] s = scaleIn(t, a);
        double v = 0;
        for (int i = 0; i < t.length; i++) {
            v += t[i] * s[i] * (i + 1);
        }
        return v + k[1][0] * k[0][1];
    }

    /** A writing helper given rows of a local matrix, in a loop; its result read after. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double clippedRows(double[] x, double c) {
        double[][] k = new double[2][3];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                k[i][j] = x[i * 3 + j] * x[(i * 3 + j + 1) % x.length];
            }
        }
        double s = 0;
        for (int i = 0; i < 2; i++) {
            double[] y = clip(k[i], c);
            y[0] *= c;
            s += y[0] + y[1] * y[2];
        }
        double[] w = clip(k[0], c * 0.5);
        return s + w[2] * k[1][1];
    }

    /** Writes into the row a helper returns: rowOf(k, i)[j] = v, +=, in a loop. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double intoReturnedRow(double[] x, double v) {
        double[][] k = {{x[0], x[1]}, {x[2], x[0] * x[1]}};
        rowOf(k, 0)[1] = v * k[0][0];
        for (int i = 0; i < 2; i++) {
            rowOf(k, i)[i] += v * x[i];
            rowAt(k, 1)[0] *= Math.sin(x[i]);
        }
        return k[0][1] * k[1][1] + k[0][0] + k[1][0];
    }

    static double[] rowOf(double[][] m, int i) {
        return m[i];
    }

    static double[] same(double[] v) {
        double[] y = v;
        return y;
    }

    static double[] rowAt(double[][] m, int i) {
        double[] r = m[i];
        double[] q = r;
        return q;
    }

    static double[] scaleIn(double[] v, double a) {
        double[] y = v;
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * a + 0.5 * Math.cos(v[i]);
        }
        return y;
    }

    static double[] clip(double[] v, double c) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.min(v[i], c);
        }
        return v;
    }
}
