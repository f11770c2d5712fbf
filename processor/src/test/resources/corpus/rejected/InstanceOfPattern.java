package rej;

import dev.adjoint.Differentiable;

final class InstanceOfPattern {
    @Differentiable
    static double f(double x, Object cfg) {
        if (cfg instanceof Integer n) {
            return x * n;
        }
        return x;
    }
}
// EXPECT-ERROR 8 is not supported in a @Differentiable method
