package dev.adjoint.forward;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Fixtures of second order through calls (forward over reverse through the callees' adjoint
 * entry points): helpers with source, other @Differentiable methods (gradient only), array
 * callees, callees inside taped loops, and recursion.
 */
final class CallsFx {
    private CallsFx() {
    }

    static double cube(double u) {
        return u * u * u;
    }

    private static double mix(double a, double b) {
        double s = 0;
        for (int i = 1; i <= 3; i++) {
            s += Math.sin(a * i) * b / i;
        }
        return s;
    }

    @Differentiable
    static double energy(double[] w, double s) {
        double e = 0;
        for (int i = 0; i < w.length; i++) {
            e += Math.exp(s * w[i]) * w[i];
        }
        return e;
    }

    @Differentiable(modes = Mode.HESSIAN)
    static double helpers(double x, double y) {
        return cube(x * y) + Math.sin(mix(x, y)) * y;
    }

    @Differentiable(modes = Mode.HESSIAN)
    static double arrays(double[] w, double x) {
        return energy(w, x) * x + cube(w[0]) - energy(w, 0.5 * x);
    }

    @Differentiable(modes = Mode.HESSIAN)
    static double inLoop(double x, double a, int n) {
        double s = x;
        for (int i = 0; i < n; i++) {
            s = cube(s) * a + mix(s, a);
        }
        return s;
    }

    @Differentiable(modes = Mode.HESSIAN)
    static double recursive(double x, double y, int n) {
        if (n == 0) {
            return Math.exp(x) * y;
        }
        return x * recursive(Math.sin(x) * y, y, n - 1) + y * y;
    }
}
