package dev.adjoint.gradients;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Writes into the method's own parameter arrays through another name (issue 13): an alias
 * ({@code double[] y = x;}, {@code var}), an array chosen by {@code ?:}, a swap in time stepping
 * and a reassigned parameter. The gradient is with respect to the values on entry, and the
 * gradient call leaves the caller's arrays as the original leaves them.
 */
final class ParamAliasFx {
    private ParamAliasFx() {
    }

    /** z-scores in place through an alias, then read back through the parameter's name. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double standardize(double[] x, double[] w) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / x.length);
        double[] y = x;
        for (int i = 0; i < y.length; i++) {
            y[i] = (y[i] - mean) / sd;
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += w[i] * Math.tanh(x[i]);
        }
        return s;
    }

    /** An alias declared with var, written twice per element. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double viaVar(double[] x, double a) {
        var y = x;
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] * a + Math.sin(y[i]);
            y[i] *= y[i];
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * (i + 1);
        }
        return s;
    }

    /** The parameter or a local buffer, chosen by ?:, written through the chosen name. */
    @Differentiable
    static double chosen(double[] x, double[] b, double c) {
        double[] buf = new double[x.length];
        double[] t = c > 0 ? x : buf;
        for (int i = 0; i < t.length; i++) {
            t[i] = t[i] * c + b[i] * x[i];
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i] + buf[i] * b[i];
        }
        return s;
    }

    /** One of two parameters, chosen by ?:, written through the chosen name. */
    @Differentiable
    static double eitherParameter(double[] x, double[] z, double c) {
        double[] t = c > 0 ? x : z;
        t[1] = t[0] * c + t[1] * t[1];
        return x[1] * z[0] + z[1] * x[0] + Math.exp(x[1] - z[1]);
    }

    /** Time stepping with a swap: after the first step, next is the parameter's array. */
    @Differentiable
    static double timeSteps(double[] u, double dt, int steps) {
        int n = u.length;
        double[] cur = u;
        double[] next = new double[n];
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < n; i++) {
                next[i] = cur[i] + dt * (cur[(i + 1) % n] - cur[i]) * cur[i];
            }
            double[] t = cur;
            cur = next;
            next = t;
        }
        double e = 0;
        for (int i = 0; i < n; i++) {
            e += cur[i] * u[i] + next[i];
        }
        return e;
    }

    /** A parameter written through its name, then pointed at another parameter and written. */
    @Differentiable
    static double reassigned(double[] x, double[] other, double a) {
        x[0] = a * x[1];
        double r = x[0] * x[2];
        x = other;
        x[1] = a * x[0] + r;
        return r + x[1] * x[0] + other[1] * other[2];
    }
}
