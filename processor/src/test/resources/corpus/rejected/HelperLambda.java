package rej;

import dev.adjoint.Differentiable;

final class HelperLambda {
    static double apply(double x) {
        java.util.function.DoubleUnaryOperator op = v -> v * v;
        return op.applyAsDouble(x);
    }

    @Differentiable
    static double f(double x) {
        return apply(x) + x;
    }
}
// EXPECT-ERROR 7 lambdas and method references are not supported
