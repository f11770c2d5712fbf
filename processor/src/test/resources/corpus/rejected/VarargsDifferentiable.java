package rej;

import dev.adjoint.Differentiable;

final class VarargsDifferentiable {
    @Differentiable
    static double sumSq(double... xs) {
        double s = 0;
        for (double v : xs) {
            s += v * v;
        }
        return s;
    }

    @Differentiable
    static double f(double a, double b) {
        return sumSq(a, b * a);
    }
}
// FINDING a @Differentiable varargs method called from another with scalars: internal error IndexOutOfBoundsException
