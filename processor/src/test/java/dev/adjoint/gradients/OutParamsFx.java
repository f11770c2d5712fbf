package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/**
 * Helpers that write into the arrays they receive (issue 13): out-parameters, void helpers,
 * accumulation into an argument, rows of a matrix, chains of void helpers, calls in loops.
 */
final class OutParamsFx {
    private OutParamsFx() {
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
    @Differentiable(wrt = {"y0", "k"})
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
    @Differentiable(wrt = {"y0", "k"})
    static double euler(double[] y0, double k, double h, int steps) {
        double[] y = y0.clone();
        double[] f = new double[y.length];
        for (int s = 0; s < steps; s++) {
            rhs(y, f, k);
            axpy(h, f, y);
        }
        return y[0] + y[1] * y[1];
    }
}
