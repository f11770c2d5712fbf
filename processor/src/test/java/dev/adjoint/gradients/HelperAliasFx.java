package dev.adjoint.gradients;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Helpers writing into the arrays they receive through other names (issue 13): a local alias
 * ({@code double[] y = out;}, {@code var z = y;}), an array chosen by {@code ?:}, a row alias
 * of a matrix parameter, a swap of two parameter arrays inside the helper, the parameter written
 * before it is reassigned, and a helper passing such an alias on to another writing helper.
 */
final class HelperAliasFx {
    private HelperAliasFx() {
    }

    static void scaleAlias(double[] out, double c) {
        double[] y = out;
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] * c;
        }
    }

    static void addAlias(double[] out, double[] in, double c) {
        double[] y = out;
        var z = y;
        for (int i = 0; i < y.length; i++) {
            z[i] += c * Math.sin(in[i]) * y[i];
        }
    }

    static void chosenAlias(double[] a, double[] b, double c) {
        double[] y = c > 0 ? a : b;
        y[0] = y[0] * y[1] + c;
    }

    static void rowAlias(double[][] m, double c) {
        double[] r = m[1];
        r[0] = r[0] * c + r[1];
    }

    /** Time stepping inside the helper: writes alternate between a and b. */
    static void stepAlias(double[] a, double[] b, double c, int n) {
        double[] p = a;
        double[] q = b;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < q.length; i++) {
                q[i] = p[i] * c + Math.sin(q[i]);
            }
            double[] t = p;
            p = q;
            q = t;
        }
        p[0] = p[0] * q[1];
    }

    /** Writes into x, then (x pointed at o) into o. */
    static void reassigned(double[] x, double[] o, double c) {
        x[0] *= c;
        x = o;
        x[1] += c * x[0];
    }

    /** Passes aliases of its parameters on to other writing helpers. */
    static void passesAliases(double[] out, double[] o, double c) {
        double[] y = out;
        scaleAlias(y, c);
        double[] z = c > 0 ? o : y;
        addAlias(z, new double[] {c, c, c, c}, c);
        reassigned(y, o, c);
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double aliases(double[] x, double c) {
        double[] w = x.clone();
        scaleAlias(w, c);
        double[] u = new double[w.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = x[i] * x[i];
        }
        addAlias(u, w, c);
        double[] v = {x[1], x[0] * c};
        chosenAlias(w, v, c);
        double[][] m = {{x[0], x[1]}, {x[1] * c, x[0]}};
        rowAlias(m, c);
        return w[0] * u[1] + u[0] + w[0] * v[0] + v[1] + m[1][0];
    }

    /** The helpers in a loop, reading the arrays before and after each call. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double stepping(double[] x, double c) {
        double[] w = x.clone();
        double[] u = new double[x.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.cos(x[i]);
        }
        double s = 0;
        for (int r = 0; r < 3; r++) {
            s += w[0] * w[1] + u[2];
            scaleAlias(w, c);
            stepAlias(w, u, c, r + 1);
            s += w[1] * u[0] * w[r];
        }
        for (int r = 0; r < 2; r++) {
            s += w[0] * w[1] + u[1] * u[0];
            passesAliases(w, u, c);
            s += w[1] * u[0] * w[r] + u[1];
        }
        return s;
    }

    /** u is w when c > 0: the helper then gets one array twice, which the gradient refuses. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double maybeSame(double[] x, double c) {
        double[] w = x.clone();
        double[] v = {x[1], x[0] * c, x[2], x[3]};
        double[] u = c > 0 ? w : v;
        addAlias(u, w, c);
        return w[0] * v[0] + v[1];
    }
}
