package dev.adjoint.gradients;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Writing helpers that return the array they were given, called with a row at a computed index
 * ({@code clip(k[n - 2], c)}, {@code clip(k[j++], c)}) and inside larger expressions
 * ({@code sum(clip(k[i], c))}, {@code t[1] * sum(clip(t, c))}, {@code clip(t, c)[0] = v}),
 * issue 13.
 */
final class ComputedRowFx {
    private ComputedRowFx() {
    }

    /** A smooth clip written into v, which it returns. */
    static double[] clip(double[] v, double c) {
        for (int i = 0; i < v.length; i++) {
            v[i] = c * Math.tanh(v[i] / c);
        }
        return v;
    }

    /** v scaled by c in place, returned. */
    static double[] scale(double[] v, double c) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= c;
        }
        return v;
    }

    /** Row i of m squashed in place, returned. */
    static double[] squashRow(double[][] m, int i, double c) {
        for (int j = 0; j < m[i].length; j++) {
            m[i][j] = Math.sin(m[i][j]) + c * m[i][j];
        }
        return m[i];
    }

    static double sum(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a;
        }
        return s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code double[] r = clip(k[n - 2], c);}, writes through r, the row read again. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double computedIndex(double[] x, double c) {
        int n = x.length;
        double[][] k = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                k[i][j] = x[i] * x[j] + 0.1 * j;
            }
        }
        double[] r = clip(k[n - 2], c);
        r[0] += c * r[1];
        double s = 0;
        for (int i = 0; i + 1 < n; i++) {
            double[] q = scale(k[i + 1], c * (i + 1));
            s += q[i] * k[0][i];
        }
        return r[0] + k[n - 2][1] * k[0][1] + sum(k[n - 2]) + s;
    }

    /** {@code clip(k[j++], c * j)}: the index is evaluated once, before the next argument. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double incrementedIndex(double[] x, double c) {
        double[][] k = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int m = 0; m < x.length; m++) {
                k[i][m] = x[i] * x[m] + 0.1 * m;
            }
        }
        int j = 0;
        double s = 0;
        while (j < x.length - 1) {
            double[] r = clip(k[j++], c * j);
            s += r[0] * r[j] + sum(clip(k[j++], c));
        }
        return s + k[1][1] * k[0][0] + j;
    }

    /** Calls inside larger expressions; operands read before a call keep their old values. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double nested(double[] x, double c) {
        int n = x.length;
        double[] t = x.clone();
        double[][] k = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                k[i][j] = x[i] * x[j] + 0.1 * j;
            }
        }
        double a = t[1] * sum(clip(t, c));
        double b = dot(clip(k[n - 1], c), k[0]) + sum(clip(k[0], 0.5 * c));
        b += dot(k[2], scale(k[3], 0.9)) * k[3][1];
        clip(k[1], c)[0] = a * t[0];
        scale(k[2], c)[1] += b;
        double d = sum(squashRow(k, n - 2, c)) * k[n - 2][0];
        if (sum(scale(t, 1.5)) > -100) {
            d += t[2];
        }
        return a + b * k[1][0] + d + t[0] + k[1][0] + k[2][1];
    }

    /** Exact: {@code sum(scale(k[n - 1], c)) * x[0]} with {@code k = {{x0, x1}, {x2, x3}}}. */
    @Differentiable
    static double exact(double[] x, double c) {
        double[][] k = {{x[0], x[1]}, {x[2], x[3]}};
        int n = k.length;
        double[] r = scale(k[n - 1], c);
        return r[0] * x[0] + sum(scale(k[n - 1], 2.0)) * x[1];
    }

    /** Rows of a local matrix assigned the result ({@code p[i] = clip(p[1 - i], c + i);}). */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double intoRows(double[] x, double c) {
        double[] t = x.clone();
        double[] u = {x[1] * c, x[0], x[2], x[3]};
        double[][] p = new double[2][];
        p[0] = clip(t, c);
        p[1] = clip(u, 0.5 * c);
        p[0][1] += p[1][0] * t[2];
        double s = 0;
        for (int i = 0; i < 2; i++) {
            p[i] = clip(p[1 - i], c + i);
            s += sum(p[i]) * p[1 - i][i];
        }
        return s + t[1] * u[0] + sum(clip(p[0], c)) * (t[0] + sum(clip(t, 1.3)));
    }
}
