package rej;

import dev.adjoint.Differentiable;

final class NormalizeInPlace {
    /** Writing into the input array to normalise it in place. */
    @Differentiable
    static double normalizeInPlace(double[] x) {
        double n = 0;
        for (double v : x) {
            n += v * v;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < x.length; i++) {
            x[i] /= n;
        }
        return x[0];
    }
}
// EXPECT-ERROR 15 writing into parameter array 'x' is not supported
