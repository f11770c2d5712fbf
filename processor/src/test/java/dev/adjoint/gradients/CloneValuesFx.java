package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/**
 * {@code clone()} of an array anywhere an array value is expected (issue 13): as an argument, as
 * the value of a reassignment, of a row, inside a loop; each copy is a new array.
 */
final class CloneValuesFx {
    private CloneValuesFx() {
    }

    /** Clips v in place and returns the sum of squares of the clipped values. */
    static double clipInPlace(double[] v, double c) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = c * Math.tanh(v[i] / c);
            s += v[i] * v[i];
        }
        return s;
    }

    /** Product of the elements. */
    static double product(double[] v) {
        double p = 1;
        for (double e : v) {
            p *= e;
        }
        return p;
    }

    /** A copy passed to a helper that writes into it: x itself stays as it is. */
    @Differentiable
    static double argument(double[] x, double c) {
        double s = clipInPlace(x.clone(), c);
        return s + x[0] * product(x.clone());
    }

    /** A copy as the value of a reassignment and of a row, in a loop. */
    @Differentiable(wrt = "x")
    static double reassigned(double[] x, int n) {
        double[][] m = new double[2][x.length];
        double[] y = new double[x.length];
        double acc = 0;
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < x.length; i++) {
                m[t % 2][i] = Math.sin(x[i] * (t + 1));
            }
            y = m[t % 2].clone();
            y[0] *= 3;
            acc += y[0] * m[t % 2][0] + y[1];
        }
        return acc;
    }
}
