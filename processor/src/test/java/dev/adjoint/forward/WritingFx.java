package dev.adjoint.forward;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Forward mode through helpers that write into the arrays they receive (issue 14): the shapes of
 * the gradient's OutParamsFx (out-parameters, void helpers, accumulation, rows of a matrix,
 * chains, loops, recursion, a private helper, an int[] written), and a Jacobian through one.
 */
final class WritingFx {
    private WritingFx() {
    }

    /** The right-hand side of a damped pendulum, written into {@code dydt}. */
    static void rhs(double[] y, double[] dydt, double k) {
        dydt[0] = y[1];
        dydt[1] = -k * Math.sin(y[0]) - 0.1 * y[1];
    }

    /** y += a x, in place. */
    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** Classic RK4 with out-parameter right-hand sides, over {@code steps} steps. */
    @Differentiable(wrt = {"y0", "k"}, modes = {Mode.TANGENT, Mode.HESSIAN})
    static double rk4(double[] y0, double k, double h, int steps) {
        int n = y0.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = y0[i];
        }
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] k4 = new double[n];
        double[] tmp = new double[n];
        for (int s = 0; s < steps; s++) {
            rhs(y, k1, k);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + 0.5 * h * k1[i];
            }
            rhs(tmp, k2, k);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + 0.5 * h * k2[i];
            }
            rhs(tmp, k3, k);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + h * k3[i];
            }
            rhs(tmp, k4, k);
            for (int i = 0; i < n; i++) {
                y[i] = y[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return y[0] * y[0] + 0.5 * y[1];
    }

    /** Explicit Euler through axpy, which accumulates into its last argument. */
    @Differentiable(wrt = {"y0", "k"}, modes = {Mode.TANGENT, Mode.HESSIAN})
    static double euler(double[] y0, double k, double h, int steps) {
        double[] y = y0.clone();
        double[] f = new double[y.length];
        for (int s = 0; s < steps; s++) {
            rhs(y, f, k);
            axpy(h, f, y);
        }
        return y[0] + y[1] * y[1];
    }

    /** One step of a nonlinear state predictor, written into {@code out}. */
    static void predict(double[] state, double[] out, double dt) {
        out[0] = state[0] + dt * state[1];
        out[1] = state[1] * (1 - 0.1 * dt) - dt * Math.sin(state[0]);
    }

    /** A tracking cost: predict in a loop, copy the prediction back, accumulate. */
    @Differentiable(wrt = {"s0", "dt"}, modes = {Mode.TANGENT, Mode.HESSIAN})
    static double track(double[] s0, double dt, int n) {
        double[] s = s0.clone();
        double[] next = new double[2];
        double cost = 0;
        for (int t = 0; t < n; t++) {
            predict(s, next, dt);
            for (int i = 0; i < 2; i++) {
                s[i] = next[i];
            }
            cost += s[0] * s[0] + 0.1 * s[1];
        }
        return cost;
    }

    /** out = q x, and the sum of out: a result and an out-parameter at once. */
    static double qTimesX(double[][] q, double[] x, double[] out) {
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = 0;
            for (int j = 0; j < x.length; j++) {
                out[i] += q[i][j] * x[j];
            }
            sum += out[i];
        }
        return sum;
    }

    /** Uses the result and the out-parameter of {@link #qTimesX}. */
    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double quadratic(double[][] q, double[] x) {
        double[] out = new double[q.length];
        double s = qTimesX(q, x, out);
        double r = 0;
        for (int i = 0; i < out.length; i++) {
            r += out[i] * x[i];
        }
        return r + 0.5 * s * s;
    }

    /** Scales each row of {@code m} by its factor. */
    static void scaleRows(double[][] m, double[] f) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] *= f[i];
            }
        }
    }

    /** Writes a ramp into one row. */
    static void ramp(double[] row, double a) {
        for (int j = 0; j < row.length; j++) {
            row[j] = a * (j + 1) + row[j] * row[j];
        }
    }

    /** A matrix written by a helper taking it whole and by one taking a row of it. */
    @Differentiable(wrt = {"w", "f", "a"}, modes = {Mode.TANGENT, Mode.HESSIAN})
    static double rows(double[][] w, double[] f, double a) {
        double[][] m = new double[2][3];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = w[i][j];
            }
        }
        scaleRows(m, f);
        ramp(m[1], a);
        double s = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                s += Math.sin(m[i][j]) * (i + j + 1);
            }
        }
        return s;
    }

    /** A void helper calling two others: a chain. */
    static void stage(double[] y, double[] out, double k, double h) {
        rhs(y, out, k);
        axpy(h, y, out);
        axpy(-0.5, out, y);
    }

    /** The chain in a loop, writing both its arrays. */
    @Differentiable(wrt = {"y0", "k"}, modes = {Mode.TANGENT, Mode.HESSIAN})
    static double chained(double[] y0, double k, int n) {
        double[] y = y0.clone();
        double[] out = new double[2];
        for (int t = 0; t < n; t++) {
            stage(y, out, k, 0.1);
        }
        return y[0] * out[1] + out[0];
    }

    /** Writes into {@code v} n times over, recursively. */
    static void smooth(double[] v, double c, int n) {
        if (n == 0) {
            return;
        }
        for (int i = 1; i < v.length; i++) {
            v[i] = v[i] + c * Math.sin(v[i - 1]);
        }
        smooth(v, c, n - 1);
    }

    /** Recursion through a writing helper. */
    @Differentiable(wrt = {"x", "c"}, modes = {Mode.TANGENT, Mode.HESSIAN})
    static double recursive(double[] x, double c) {
        double[] v = x.clone();
        smooth(v, c, 3);
        return v[v.length - 1] * v[1];
    }

    /** A private void helper writing its argument, which generated code calls through a copy. */
    private static void clampInto(double[] src, double[] dst, double hi) {
        for (int i = 0; i < src.length; i++) {
            dst[i] = Math.min(src[i], hi) * src[i];
        }
    }

    /** Calls the private helper; its written argument is overwritten before it is read. */
    @Differentiable(wrt = {"x", "hi"}, modes = {Mode.TANGENT, Mode.HESSIAN})
    static double viaPrivate(double[] x, double hi) {
        double[] d = new double[x.length];
        d[0] = x[0] * x[1];
        double before = d[0];
        clampInto(x, d, hi);
        return d[0] + d[1] * d[2] + before * d[1];
    }

    /** Writes into {@code idx} the index of the larger of each pair, and scales {@code v}. */
    static void pick(double[] v, int[] idx, double c) {
        for (int i = 0; i + 1 < v.length; i += 2) {
            idx[i / 2] = v[i] > v[i + 1] ? i : i + 1;
            v[i] *= c;
        }
    }

    /** An int[] written by a helper, read as indices before and after the call. */
    @Differentiable(wrt = {"x", "c"}, modes = {Mode.TANGENT, Mode.HESSIAN})
    static double viaIndices(double[] x, double c) {
        double[] v = x.clone();
        int[] idx = {1, 0};
        double before = v[idx[0]] * v[idx[1]];
        pick(v, idx, c);
        return before * v[idx[0]] + Math.sin(v[idx[1]]) * c;
    }

    /** One explicit RK2 step of the pendulum per call: the state after n steps, a vector. */
    @Differentiable(wrt = {"y0", "k"}, modes = Mode.JACOBIAN)
    static double[] flow(double[] y0, double k, int n) {
        double[] y = y0.clone();
        double[] f = new double[2];
        double[] mid = new double[2];
        for (int s = 0; s < n; s++) {
            rhs(y, f, k);
            for (int i = 0; i < 2; i++) {
                mid[i] = y[i] + 0.05 * f[i];
            }
            rhs(mid, f, k);
            axpy(0.1, f, y);
        }
        return new double[] {y[0], y[1], y[0] * y[1]};
    }
}
