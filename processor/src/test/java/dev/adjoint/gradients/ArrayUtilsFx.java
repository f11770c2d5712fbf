package dev.adjoint.gradients;

import static java.util.Arrays.fill;

import dev.adjoint.Differentiable;
import java.util.Arrays;

/** JDK array utilities (issue 13): Arrays.copyOf, copyOfRange, fill and System.arraycopy. */
final class ArrayUtilsFx {
    private ArrayUtilsFx() {
    }

    @Differentiable
    static double copyOfLonger(double[] x, double a) {
        double[] y = Arrays.copyOf(x, x.length + 2);
        y[y.length - 1] = a * y[0];
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * y[i] * (i + 1);
        }
        return s;
    }

    @Differentiable
    static double copyOfShorter(double[] x) {
        var y = Arrays.copyOf(x, 2);
        return y[0] * Math.sin(y[1]) + y.length;
    }

    @Differentiable
    static double copyOfInts(double[] x, int[] idx) {
        int[] j = Arrays.copyOf(idx, idx.length - 1);
        double s = 0;
        for (int k : j) {
            s += x[k] * x[k] * (k + 1);
        }
        return s;
    }

    @Differentiable
    static double copyOfRange(double[] x, int from, int to) {
        double[] y = Arrays.copyOfRange(x, from, to);
        double s = 1;
        for (double v : y) {
            s = s * v + 0.5;
        }
        return s + y.length;
    }

    @Differentiable
    static double fillAll(double[] x, double a) {
        double[] z = new double[x.length];
        Arrays.fill(z, a * a);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += z[i] * x[i];
        }
        fill(z, 1, 3, Math.sin(a) * x[0]);
        for (int i = 0; i < x.length; i++) {
            s += z[i] * x[i] * x[i];
        }
        return s;
    }

    @Differentiable
    static double fillInLoop(double[] x, double a) {
        double[] z = new double[3];
        int[] counts = new int[3];
        double s = 0;
        for (int r = 0; r < 3; r++) {
            Arrays.fill(z, a * r + x[r]);
            Arrays.fill(counts, r);
            z[r] *= x[r];
            for (int i = 0; i < 3; i++) {
                s += z[i] * z[i] + counts[i];
            }
        }
        return s;
    }

    @Differentiable
    static double fillRow(double[] x) {
        double[][] m = new double[2][3];
        for (int i = 0; i < 2; i++) {
            Arrays.fill(m[i], x[i] * x[i]);
        }
        Arrays.fill(m[1], 0, 1, 2);
        return m[0][0] * m[0][2] + m[1][0] * m[1][1] + m[1][2];
    }

    @Differentiable
    static double arraycopyBetween(double[] x, double[] w) {
        double[] y = new double[x.length + 1];
        System.arraycopy(x, 1, y, 0, x.length - 1);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * y[i] * w[i % w.length];
        }
        return s;
    }

    /** Overlapping ranges of one array: Java copies as if through a temporary array. */
    @Differentiable
    static double arraycopyOverlap(double[] x, int sp, int dp, int n) {
        double[] y = x.clone();
        System.arraycopy(y, sp, y, dp, n);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s = s * 3 + y[i] * y[i] * (i + 1);
        }
        return s;
    }

    /** Indices that would be out of bounds throw, as Java's do, before anything is copied. */
    @Differentiable
    static double arraycopyChecked(double[] x, int sp, int dp, int n) {
        double[] y = new double[3];
        System.arraycopy(x, sp, y, dp, n);
        return y[0] + 2 * y[1] + 3 * y[2];
    }

    @Differentiable
    static double copyOfRangeChecked(double[] x, int from, int to) {
        double[] y = Arrays.copyOfRange(x, from, to);
        return y.length == 0 ? 0 : y[0];
    }

    @Differentiable
    static double fillChecked(double[] x, int from, int to) {
        double[] y = x.clone();
        Arrays.fill(y, from, to, x[0]);
        return y[0] + y[y.length - 1];
    }

    /** The corpus program that was rejected before issue 13 (corpus/REJECTED.md). */
    @Differentiable
    static double corpusArrayUtilities(double[] x) {
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
