package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/**
 * Calls of helpers that write into an array argument where two array arguments may be one array
 * under two names (issue 13): a swap in time stepping, an array chosen by {@code ?:}, a row alias.
 * The gradient compares the two references before the call: distinct arrays differentiate, one
 * array passed twice throws IllegalArgumentException.
 */
final class WritingAliasFx {
    private WritingAliasFx() {
    }

    /** One step of a nonlinear predictor, written into {@code out}. */
    static void predict(double[] state, double[] out, double dt) {
        out[0] = state[0] + dt * state[1];
        out[1] = state[1] * (1 - 0.1 * dt) - dt * Math.sin(state[0]);
    }

    /** dst += src * src, element by element. */
    static void addSquares(double[] src, double[] dst) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] += src[i] * src[i];
        }
    }

    /** Time stepping by swapping the two state arrays: s, next and t are one may-alias class. */
    @Differentiable(wrt = {"s0", "dt"})
    static double swapStepping(double[] s0, double dt, int n) {
        double[] s = s0.clone();
        double[] next = new double[2];
        double cost = 0;
        for (int k = 0; k < n; k++) {
            predict(s, next, dt);
            double[] t = s;
            s = next;
            next = t;
            cost += s[0] * s[0] + 0.1 * s[1];
        }
        return cost;
    }

    /** The target chosen by {@code ?:}: the same array as the source when {@code c > 0}. */
    @Differentiable(wrt = "w")
    static double chosen(double[] w, double c) {
        double[] x = w.clone();
        double[] z = new double[w.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.sin(w[i]);
        }
        double[] y = c > 0 ? x : z;
        addSquares(x, y);
        return y[0] * x[1] + z[0];
    }

    /** A row alias: {@code r} is row {@code k} of {@code m}, passed beside row 0. */
    @Differentiable(wrt = "w")
    static double rows(double[] w, int k) {
        double[][] m = new double[3][w.length];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < w.length; j++) {
                m[i][j] = (i + 1) * w[j];
            }
        }
        double[] r = m[k];
        addSquares(m[0], r);
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < w.length; j++) {
                sum += m[i][j] * m[i][j];
            }
        }
        return sum;
    }
}
