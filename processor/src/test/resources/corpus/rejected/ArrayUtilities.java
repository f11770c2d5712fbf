package rej;

import dev.adjoint.Differentiable;

final class ArrayUtilities {
    /** Copy with System.arraycopy, reset with Arrays.fill. */
    @Differentiable
    static double arrayUtilities(double[] x) {
        double[] y = new double[x.length];
        System.arraycopy(x, 0, y, 0, x.length);
        double[] z = new double[x.length];
        java.util.Arrays.fill(z, 1.0);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * z[i];
        }
        return s;
    }
}
// EXPECT-ERROR 10 Adjoint cannot see whether System.arraycopy changes the array
// EXPECT-ERROR 12 Adjoint cannot see whether Arrays.fill changes the array
