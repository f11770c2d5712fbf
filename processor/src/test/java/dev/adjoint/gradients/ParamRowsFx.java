package dev.adjoint.gradients;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;
import java.util.Arrays;

/**
 * Writes into the rows of the method's own {@code double[][]} parameter (issue 13): directly,
 * through a row alias and through an alias of the matrix. The gradient is with respect to the
 * values on entry, and the gradient call leaves the caller's matrix as the original leaves it.
 */
final class ParamRowsFx {
    private ParamRowsFx() {
    }

    /** Scales the matrix in place and sums the squares of the new elements. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double scaleInPlace(double[][] m, double c) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = m[i][j] * c;
                s += m[i][j] * m[i][j];
            }
        }
        return s;
    }

    /** Writes through a row alias, then reads the matrix through its own name. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double rowAlias(double[][] m, double c) {
        for (int i = 0; i < m.length; i++) {
            double[] r = m[i];
            for (int j = 0; j < r.length; j++) {
                r[j] = Math.sin(r[j]) * c;
            }
        }
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                s += m[i][j] * (i + 2 * j + 1);
            }
        }
        return s;
    }

    /** Compound writes through an alias of the matrix, a row chosen at run time. */
    @Differentiable
    static double matrixAlias(double[][] m, double[] x, int at) {
        double[][] k = m;
        for (int j = 0; j < x.length; j++) {
            k[at][j] += x[j] * k[0][j];
            k[at][j] *= k[at][j];
        }
        m[1][0] -= x[0];
        return m[0][0] * m[1][1] + m[at][0];
    }

    /** Arrays.fill and System.arraycopy into rows, and a throw half-way. */
    @Differentiable
    static double utilities(double[][] m, double[] x, double a, int stop) {
        Arrays.fill(m[0], 1, 3, a * a);
        System.arraycopy(x, 0, m[1], 1, 2);
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            m[i][0] = m[i][0] * m[i][1] + a;
            if (i == stop) {
                throw new IllegalStateException("stop");
            }
            s += Math.exp(m[i][0] * 0.1) + m[i][2];
        }
        return s;
    }

    /** Writes into row 0 and reads x, which must not be a row of m. */
    @Differentiable
    static double rowAndArray(double[][] m, double[] x) {
        m[0][0] = x[0] * x[1];
        return m[0][0] * m[1][0] + x[0];
    }

    /** Rows chosen by ?:, swapped in time stepping, and one held in a local matrix. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double rowsByOtherNames(double[][] m, double c) {
        double[] r = c > 0 ? m[0] : m[1];
        for (int j = 0; j < r.length; j++) {
            r[j] += c * r[j] * r[j];
        }
        double[] a = m[0];
        double[] b = m[1];
        for (int t = 0; t < 3; t++) {
            double[] tmp = a;
            a = b;
            b = tmp;
            a[0] = a[0] * c + Math.sin(b[1]);
        }
        double[][] k = new double[1][];
        k[0] = m[2];
        k[0][1] = k[0][0] * c;
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                s += m[i][j] * m[i][j] * (i + 1) + a[j % a.length] * 0.5;
            }
        }
        return s;
    }

    /** The corpus program that was rejected before (corpus/REJECTED.md, AliasParamRow). */
    @Differentiable
    static double corpusAliasParamRow(double[][] w, double x) {
        double[] r = w[0];
        r[0] = x * x;
        return w[0][0] * x;
    }

    static double[] rowOf(double[][] m, int i) {
        return m[i];
    }

    /** A write into the row a helper returns. */
    @Differentiable
    static double intoTheRowAHelperReturns(double[][] m, double v) {
        rowOf(m, 0)[1] = v * m[1][0];
        return m[0][1] * m[1][0] + m[0][0];
    }

    static void scaleRow(double[] r, double c) {
        for (int j = 0; j < r.length; j++) {
            r[j] *= c;
        }
    }

    static void shiftAll(double[][] m, double c) {
        for (int i = 0; i < m.length; i++) {
            m[i][m[i].length - 1] += c * m[i][0];
        }
    }

    /** Helpers writing into a row of the written matrix (at a constant or a counter), and all. */
    @Differentiable
    static double helperWritesARow(double[][] m, double c) {
        m[0][0] = Math.sin(m[0][0]) + c;
        scaleRow(m[1], c);
        scaleRow(m[0], c);
        for (int i = 0; i < m.length; i++) {
            scaleRow(m[i], 0.5 + c * i);
        }
        shiftAll(m, c);
        return m[0][0] * m[1][1] + m[1][0] * m[0][1] + m[2][1] * m[0][2];
    }

    /** The same for a one-dimensional parameter array. */
    @Differentiable
    static double helperWritesAnArray(double[] x, double c) {
        x[0] = Math.sin(x[0]) + c;
        scaleRow(x, c);
        return x[0] * x[1];
    }

    /** A written matrix outside wrt: a scratch output the caller reads afterwards. */
    @Differentiable(wrt = {"w"})
    static double scratchOutsideWrt(double[] w, double[][] out) {
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = w[i] * w[j] + out[i][j];
            }
        }
        return out[0][1] * out[1][0] + out[1][1];
    }
}
