package rej;

import dev.adjoint.Differentiable;

final class IncrementInIndex {
    /** The classic one-liner with an increment inside the index. */
    @Differentiable
    static double packedReads(double[] x) {
        int k = 0;
        double a = x[k++];
        double b = x[k++];
        return a * b;
    }
}
// EXPECT-ERROR 10 an assignment or increment inside an expression
// EXPECT-ERROR 11 an assignment or increment inside an expression
