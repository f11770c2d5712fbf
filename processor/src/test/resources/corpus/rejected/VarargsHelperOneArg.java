package rej;

import dev.adjoint.Differentiable;

final class VarargsHelperOneArg {
    static double sumSq(double... v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s;
    }

    @Differentiable
    static double f(double a) {
        return sumSq(a);
    }
}
// FINDING a varargs helper called with one active double: the generated call passes a double for double[] and does not compile
