package rej;

import dev.adjoint.Differentiable;

final class Stream {
    /** Sum with a stream. */
    @Differentiable
    static double streamSum(double[] x) {
        return java.util.Arrays.stream(x).map(v -> v * v).sum();
    }
}
// EXPECT-ERROR 9 lambdas and method references are not supported
