package rej;

import dev.adjoint.Differentiable;

final class RecordParam {
    record Params(double[] w, double b) { }

    @Differentiable
    static double f(double x, Params p) {
        p.w()[0] = x;
        return p.w()[0] * x + p.b();
    }
}
// EXPECT-ERROR 10 writing into parameter array 'p.w' is not supported
