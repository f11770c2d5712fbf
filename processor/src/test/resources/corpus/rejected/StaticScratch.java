package rej;

import dev.adjoint.Differentiable;

final class StaticScratch {
    static final double[] SCRATCH = new double[3];

    @Differentiable
    static double f(double x) {
        SCRATCH[0] = x * x;
        return SCRATCH[0] * x;
    }
}
// EXPECT-ERROR 10 only elements of local arrays can be assigned
