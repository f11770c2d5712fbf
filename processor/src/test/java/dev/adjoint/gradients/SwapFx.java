package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/** The buffer swap {@code double[] t = u; u = v; v = t;} of time-stepping code (issue 13). */
final class SwapFx {
    private SwapFx() {
    }

    /** Heat equation with the buffer swap every numerical programmer writes. */
    @Differentiable
    static double heatSwap(double[] u0, double kappa, int steps) {
        int n = u0.length;
        double[] u = u0.clone();
        double[] v = new double[n];
        for (int s = 0; s < steps; s++) {
            for (int i = 1; i < n - 1; i++) {
                v[i] = u[i] + kappa * (u[i - 1] - 2 * u[i] + u[i + 1]);
            }
            v[0] = u[0];
            v[n - 1] = u[n - 1];
            double[] t = u;
            u = v;
            v = t;
        }
        double e = 0;
        for (double x : u) {
            e += x * x;
        }
        return e + 0.5 * v[1];
    }

    /** A swap of int arrays (indices) beside one of doubles, in a branch. */
    @Differentiable
    static double swapIndices(double[] x, double a) {
        int[] p = {0, 1, 2};
        int[] q = {2, 0, 1};
        double[] u = {a, 2 * a, x[0]};
        double[] w = {x[1], x[2], a * a};
        for (int s = 0; s < 3; s++) {
            if (s != 1) {
                var t = p;
                p = q;
                q = t;
            }
            double[] t = u;
            u = w;
            w = t;
            u[p[0]] = Math.sin(u[q[1]]) * w[s] + x[s];
        }
        return u[0] * w[1] + u[2] * p[1] + w[2] * q[2];
    }

    /** Arrays of different lengths: Java swaps the references, and so does the gradient. */
    @Differentiable
    static double swapLengths(double a) {
        double[] u = {a, a};
        double[] v = {a};
        double[] t = u;
        u = v;
        v = t;
        return u[0] * v[1];
    }

    /** An RNN with the new state built in a fresh array each step: {@code h = next;}. */
    @Differentiable
    static double rnn(double[] x, double[][] w, double[] h0) {
        double[] h = h0.clone();
        for (int t = 0; t < x.length; t++) {
            double[] next = new double[h.length];
            for (int j = 0; j < h.length; j++) {
                double s = x[t];
                for (int i = 0; i < h.length; i++) {
                    s += w[j][i] * h[i];
                }
                next[j] = Math.tanh(s);
            }
            h = next;
            x[t] = next[0] * 0.5;
        }
        double e = 0;
        for (double v : h) {
            e += v * v;
        }
        return e + x[0];
    }
}
