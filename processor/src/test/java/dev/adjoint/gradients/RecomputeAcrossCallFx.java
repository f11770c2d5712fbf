package dev.adjoint.gradients;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * A loop temporary read from an array before a helper overwrites that array, used after the
 * call: the reverse sweep must not recompute it from the overwritten array (it did, a silently
 * wrong gradient, until the recomputation analysis counted the helper's writes as the loop's).
 */
final class RecomputeAcrossCallFx {
    private RecomputeAcrossCallFx() {
    }

    static void scale(double[] y, double c) {
        for (int k = 0; k < y.length; k++) {
            y[k] = y[k] * c;
        }
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double acrossCall(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            scale(y, 1.5);
            s += a * y[i] + y[i] * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double acrossCallOnARow(double[] x) {
        double[][] m = new double[2][];
        m[0] = x.clone();
        m[1] = x.clone();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double a = m[0][i] * m[1][i];
            scale(m[0], 1.5);
            s += a * m[0][i];
        }
        return s;
    }
}
