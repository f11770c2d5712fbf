package rej;

import dev.adjoint.Differentiable;

final class GenericHelper {
    static <T extends Number> double sq(T tag, double x) {
        return x * x;
    }

    @Differentiable
    static double f(double x) {
        return sq(3, x);
    }
}
// FINDING a generic helper <T>: the generated sqAdjoint(T tag, ...) does not compile (cannot find symbol T)
