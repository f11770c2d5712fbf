package rej;

import dev.adjoint.Differentiable;

final class VarargsHelperTwoArgs {
    /** Math.max over a varargs helper. */
    static double maxOf(double... v) {
        double m = v[0];
        for (double e : v) {
            m = Math.max(m, e);
        }
        return m;
    }

    @Differentiable
    static double varargsHelper(double a, double b, double c) {
        return maxOf(a * b, b * c, c * a);
    }
}
// FINDING a varargs helper called with several active doubles: internal error IndexOutOfBoundsException
