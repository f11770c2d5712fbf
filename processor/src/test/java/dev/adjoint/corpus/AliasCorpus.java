package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

/** Array elements that alias each other at run time. */
final class AliasCorpus {
    private AliasCorpus() {
    }

    /** A1. v[i] = v[j] * v[i] with i == j on some iterations. */
    @Differentiable
    static double selfProduct(double[] x, int[] is, int[] js) {
        double[] v = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            v[k] = x[k];
        }
        for (int k = 0; k < is.length; k++) {
            v[is[k]] = v[js[k]] * v[is[k]] + 0.1;
        }
        double s = 0;
        for (double e : v) {
            s += e;
        }
        return s;
    }

    /** A2. Compound assignment whose right side reads an aliasing element: v[i] += v[j] * v[j]. */
    @Differentiable
    static double compoundAlias(double[] x, int[] is, int[] js) {
        double[] v = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            v[k] = x[k];
        }
        for (int k = 0; k < is.length; k++) {
            v[is[k]] += v[js[k]] * v[js[k]];
            v[is[k]] *= v[js[k]];
            v[is[k]] /= 1 + v[js[k]] * v[js[k]];
        }
        return v[0] + 2 * v[1] + 3 * v[v.length - 1];
    }

    /** A3. 2-D transposition-like update m[i][j] = m[j][i] * 2 + m[i][j], diagonal included. */
    @Differentiable
    static double transposeUpdate(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = a[i][j];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = m[j][i] * m[i][j] + Math.sin(m[i][i]);
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s += m[i][j] * (i + 2 * j + 1);
            }
        }
        return s;
    }

    /** A4. Row alias written through and read through the 2-D name. */
    @Differentiable
    static double rowAliasWrites(double[][] a, double[] x) {
        int n = a.length;
        double[][] m = new double[n][x.length];
        for (int i = 0; i < n; i++) {
            double[] row = m[i];
            for (int j = 0; j < x.length; j++) {
                row[j] = a[i][j] * x[j];
                row[j] *= row[(j + 1) % x.length] + 1;
            }
            m[i][0] += row[x.length - 1] * m[i][0];
        }
        double s = 0;
        for (double[] r : m) {
            for (double e : r) {
                s += e * e;
            }
        }
        return s;
    }

    /** A5. Increments on array elements, an accumulator element reused every iteration. */
    @Differentiable
    static double elementIncrements(double[] x) {
        double[] acc = new double[2];
        acc[0] = 1;
        for (int i = 0; i < x.length; i++) {
            acc[0] = acc[0] * x[i] + 1;
            acc[1]++;
            acc[1] *= x[i];
            ++acc[1];
            acc[0]--;
        }
        return acc[0] + acc[1];
    }

    /** A6. Index computed from an active value. */
    @Differentiable
    static double activeIndex(double[] x, double a) {
        int n = x.length;
        int k = ((int) Math.floor(a * 10) % n + n) % n;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i] * a;
        }
        y[k] = y[k] * y[(k + 1) % n];
        return y[k] + y[(k + 1) % n] * a;
    }

    /** A7. In-place prefix sums and reversal by swapping ends. */
    @Differentiable
    static double prefixAndReverse(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i];
        }
        for (int i = 1; i < n; i++) {
            y[i] += y[i - 1];
        }
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += y[i] * y[i] * (i + 1);
        }
        return s;
    }

    /** A8. In-place insertion sort of a copy (data-dependent swaps), then a weighted sum. */
    @Differentiable
    static double sortedWeighted(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i];
        }
        for (int i = 1; i < n; i++) {
            double key = y[i];
            int j = i - 1;
            while (j >= 0 && y[j] > key) {
                y[j + 1] = y[j];
                j--;
            }
            y[j + 1] = key;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += y[i] * (i + 1) * y[i];
        }
        return s;
    }
}
