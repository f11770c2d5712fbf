package dev.adjoint.gradients;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;
import java.util.Arrays;

/**
 * {@code Arrays.copyOf}, {@code Arrays.copyOfRange} and {@code clone()} inside expressions and
 * as arguments (issue 13): each a fresh array copied element by element where the call is
 * evaluated.
 */
final class CopyArgsFx {
    private CopyArgsFx() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Writes a rotation-like mix of r and p into out. */
    static void mix(double[] r, double[] p, double[] out) {
        for (int i = 0; i < 3; i++) {
            out[i] = p[i] * Math.cos(r[i]) + r[(i + 1) % 3] * p[(i + 2) % 3];
        }
    }

    /** Ranges of one parameter as arguments of a reading helper, in a sum. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double ranges(double[] cam, double[] w) {
        return dot(Arrays.copyOfRange(cam, 0, 3), w) * dot(Arrays.copyOfRange(cam, 3, 6), w)
                + Math.sin(dot(Arrays.copyOf(cam, 3), Arrays.copyOfRange(w, 0, 3)));
    }

    /** A range as the argument of a helper that writes into another argument. */
    @Differentiable
    static double intoWritingHelper(double[][] cams, double[] point) {
        double s = 0;
        double[] out = new double[3];
        for (int c = 0; c < cams.length; c++) {
            mix(Arrays.copyOfRange(cams[c], 0, 3), point, out);
            s += out[0] * out[1] + out[2] * cams[c][3];
        }
        return s;
    }

    /** copyOf that pads with zeros, assigned to a reassigned local, and clone() as argument. */
    @Differentiable
    static double paddedAndCloned(double[] x, int n) {
        double[] y = x;
        double s = 0;
        for (int k = 0; k < 2; k++) {
            y = Arrays.copyOf(y, n);
            y[n - 1] = y[0] * y[1];
            s += dot(y.clone(), y);
        }
        int[] order = {2, 0, 1};
        int[] copy = Arrays.copyOf(order, 4);
        return s + y[copy[0]] * copy[3];
    }
}
