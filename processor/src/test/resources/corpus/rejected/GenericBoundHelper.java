package rej;

import dev.adjoint.Differentiable;

final class GenericBoundHelper {
    static <T extends Number> double sq(T k, double x) {
        return k.doubleValue() * x;
    }

    @Differentiable
    static double f(double x) {
        return sq(3, x);
    }
}
// FINDING a generic helper <T extends Number> reading k.doubleValue(): nothing generated, no diagnostic
