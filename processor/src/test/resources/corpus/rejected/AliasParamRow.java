package rej;

import dev.adjoint.Differentiable;

final class AliasParamRow {
    @Differentiable
    static double f(double[][] w, double x) {
        double[] r = w[0];
        r[0] = x * x;
        return w[0][0] * x;
    }
}
// EXPECT-ERROR 9 writing into the rows of parameter matrix 'w' is not supported
