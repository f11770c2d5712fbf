package dev.adjoint.forward;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/** Moré–Garbow–Hillstrom test problems, as written in funconstrain (objective only). */
final class MghFx {
    private MghFx() {
    }

    /** Problem 1, Rosenbrock. */
    @Differentiable(modes = Mode.HESSIAN)
    static double rosenbrock(double x, double y) {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }

    /** Problem 5, Beale: sum over i = 1..3 of (c_i - x (1 - y^i))^2. */
    @Differentiable(modes = Mode.HESSIAN)
    static double beale(double x, double y) {
        double[] c = {1.5, 2.25, 2.625};
        double f = 0;
        double yi = 1;
        for (int i = 0; i < 3; i++) {
            yi *= y;
            double r = c[i] - x * (1 - yi);
            f += r * r;
        }
        return f;
    }

    /** Problem 13, Powell singular, over an array of four. */
    @Differentiable(modes = {Mode.HESSIAN, Mode.TANGENT})
    static double powellSingular(double[] x) {
        double a = x[0] + 10 * x[1];
        double b = x[2] - x[3];
        double c = x[1] - 2 * x[2];
        double d = x[0] - x[3];
        return a * a + 5 * b * b + Math.pow(c, 4) + 10 * Math.pow(d, 4);
    }
}
