package dev.adjoint.gradients;

import dev.adjoint.Differentiable;
import java.util.Arrays;

/**
 * Writes into the method's own parameter arrays (issue 13): the gradient is with respect to the
 * values on entry, and the gradient call leaves the caller's arrays as the original leaves them.
 */
final class ParamWritesFx {
    private ParamWritesFx() {
    }

    /** Normalising the input in place. */
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
        return x[0] + 2 * x[1] * x[x.length - 1];
    }

    /** An in-place prefix sum, read back. */
    @Differentiable
    static double prefixSum(double[] x, double a) {
        for (int i = 1; i < x.length; i++) {
            x[i] += a * x[i - 1];
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.sin(x[i]) * (i + 1);
        }
        return s;
    }

    /** Arrays.fill and System.arraycopy into parameters, an int[] permuted in place. */
    @Differentiable
    static double utilities(double[] x, double[] y, int[] order, double a) {
        System.arraycopy(x, 0, y, 1, 2);
        Arrays.fill(x, 1, 3, a * a);
        int t = order[0];
        order[0] = order[1];
        order[1] = t;
        double s = 0;
        for (int i = 0; i < order.length; i++) {
            s += x[order[i]] * y[i] + Math.cos(y[order[i]]);
        }
        return s;
    }

    /** Writes, then a throw half-way (explicit, or an index out of bounds). */
    @Differentiable
    static double throwsHalfWay(double[] x, int[] at, int stop) {
        double s = 0;
        for (int i = 0; i < at.length; i++) {
            x[at[i]] = x[at[i]] * 2 + 1;
            s += x[at[i]] * x[at[i]];
            if (i == stop) {
                throw new IllegalStateException("stop");
            }
        }
        return s;
    }

    /** A written parameter excluded by wrt, beside one that is differentiated. */
    @Differentiable(wrt = {"w"})
    static double notDifferentiated(double[] w, double[] scratch) {
        for (int i = 0; i < w.length; i++) {
            scratch[i] = w[i] * w[i];
        }
        return scratch[0] * w[1] + scratch[1];
    }

    /** Writes into x and reads y: the gradient refuses the same array for both. */
    @Differentiable
    static double twoArrays(double[] x, double[] y) {
        x[0] = y[0] * y[1];
        return x[0] * x[1] + y[0];
    }

    /** Writes into x and reads the rows of m: the gradient refuses x as a row of m. */
    @Differentiable
    static double arrayAndMatrix(double[] x, double[][] m) {
        x[0] = m[0][0] * 3;
        return x[0] * m[0][0] + x[1];
    }
}
