package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/**
 * Loops reading matrix rows, for RowHoists (issue 15): {@link #layer}'s inner loop is bounded by
 * its row's length, so the row is read once before it; {@link #plainBound}'s and
 * {@link #lastRowSkipped}'s bounds read no row, {@link #diagonal}'s row index changes in the loop,
 * {@link #branchOnly}'s row is read only in a branch and {@link #replacedRow}'s second loop
 * (bounded by its row's length) replaces that row, so theirs stay where they are.
 */
final class RowHoistsFx {
    private RowHoistsFx() {
    }

    /** {@code Σ_j tanh(Σ_i w[j][i]·x[i])}, the inner loop bounded by the row's length. */
    @Differentiable
    static double layer(double[][] w, double[] x) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            double z = 0;
            for (int i = 0; i < w[j].length; i++) {
                z += w[j][i] * x[i];
            }
            s += Math.tanh(z);
        }
        return s;
    }

    /** As {@link #layer}, the inner loop bounded by {@code x.length}: no row is hoisted. */
    @Differentiable
    static double plainBound(double[][] w, double[] x) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            double z = 0;
            for (int i = 0; i < x.length; i++) {
                z += w[j][i] * x[i];
            }
            s += Math.tanh(z);
        }
        return s;
    }

    /**
     * {@code Σ_j Σ_i w[j][i]·x[i]²} over j ≤ w.length: the last outer iteration's inner loop runs
     * no iteration, so its row {@code w[w.length]} must never be read.
     */
    @Differentiable
    static double lastRowSkipped(double[][] w, double[] x) {
        double s = 0;
        for (int j = 0; j <= w.length; j++) {
            int len = j < w.length ? x.length : 0;
            for (int i = 0; i < len; i++) {
                s += w[j][i] * x[i] * x[i];
            }
        }
        return s;
    }

    /** {@code Σ_i sin(w[i][i])·x[i]}: the row's index is the loop's counter. */
    @Differentiable
    static double diagonal(double[][] w, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.sin(w[i][i]) * x[i];
        }
        return s;
    }

    /** {@code Σ_i (x[i] > 0 ? w[0][i] : 1)·x[i]}: the row is read only in a branch. */
    @Differentiable
    static double branchOnly(double[][] w, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] > 0 ? w[0][i] : 1) * x[i];
        }
        return s;
    }

    /**
     * {@code Σ_i m[0][i]·x[i]} where the loop replaces row 0 by row 1 after i = 1 (row 0 = x, row
     * 1 = 2x): {@code x0² + x1² + 2·Σ_{i≥2} xi²}. The row must be read on every iteration.
     */
    @Differentiable
    static double replacedRow(double[] x) {
        double[][] m = new double[2][x.length];
        for (int i = 0; i < x.length; i++) {
            m[0][i] = x[i];
            m[1][i] = 2 * x[i];
        }
        double s = 0;
        for (int i = 0; i < m[0].length; i++) {
            s += m[0][i] * x[i];
            if (i == 1) {
                m[0] = m[1];
            }
        }
        return s;
    }
}
