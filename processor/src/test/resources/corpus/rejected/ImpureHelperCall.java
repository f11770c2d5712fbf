package rej;

import dev.adjoint.Differentiable;

final class ImpureHelperCall {
    static double scaled(Number k, double x) {
        return k.doubleValue() * x * x;
    }

    @Differentiable
    static double f(double x) {
        return scaled(3, x);
    }
}
// EXPECT-ERROR 7 this call is not known to be pure
