package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/**
 * Helpers that return an array they received (issue 13), and array locals declared without an
 * allocation and assigned later: the result is an alias of the caller's array, writes through
 * either name reach the one array and its shadow.
 */
final class ReturnedArrayFx {
    private ReturnedArrayFx() {
    }

    static double[] rowOf(double[][] m, int i) {
        return m[i];
    }

    /** The index before the matrix, parenthesized. */
    static double[] pick(int i, double[][] m) {
        return (m[i]);
    }

    static double[] first(double[][] m) {
        return m[0];
    }

    static double[] id(double[] v) {
        return v;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** Writes into its argument and returns it. */
    static double[] clip(double[] v, double c) {
        for (int i = 0; i < v.length; i++) {
            v[i] = c * Math.tanh(v[i] / c);
        }
        return v;
    }

    /** Writes only in one branch; returns its argument from two returns. */
    static double[] scaleUnlessOne(double[] v, double s) {
        if (s == 1) {
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
        return v;
    }

    /** Writes into a row of its matrix and returns that row. */
    static double[] squareRow(double[][] m, int i) {
        for (int j = 0; j < m[i].length; j++) {
            m[i][j] = m[i][j] * m[i][j];
        }
        return m[i];
    }

    /** Does more than return its row: checks the index first. */
    static double[] checkedRow(double[][] m, int i) {
        if (i >= m.length) {
            throw new IllegalArgumentException("no row " + i);
        }
        return m[i];
    }

    /** A helper that checks before returning a row: called for its check, then an alias. */
    @Differentiable
    static double checked(double[][] w, int i, double a) {
        double[] r = checkedRow(w, i);
        r = checkedRow(w, i);
        checkedRow(w, 0);
        return r[0] * r[1] * a + Math.sin(r[2]);
    }

    /** Row helpers as {@code var}, indexed directly, in loops, as arguments. */
    @Differentiable
    static double rows(double[][] w, double[] x) {
        double e = 0;
        for (int p = 0; p < w.length; p++) {
            var r = rowOf(w, p);
            e += Math.sin(r[0]) * x[p] + rowOf(w, p)[1] * pick(p, w)[0];
            e += sum(rowOf(w, p)) * x[0];
        }
        double[] f = first(w);
        return e + f[1] * x[1] + Math.exp(first(w)[0]);
    }

    /**
     * The identity helper in every place an array goes: declaration, {@code var}, reassignment
     * in a loop, argument, indexed, inside {@code ?:}; a write through its result reaches the
     * original.
     */
    @Differentiable
    static double identities(double[] x, double a) {
        double[] h = new double[] {a, 2 * a, x[0]};
        var y = id(h);
        y[1] += a * x[1];
        double[] cur = id(x.clone());
        for (int t = 0; t < 3; t++) {
            double[] next = new double[cur.length];
            for (int j = 0; j < cur.length; j++) {
                next[j] = Math.tanh(cur[j] + h[j % 3] * a);
            }
            cur = id(next);
        }
        id(h);
        double[] chosen = a > 0 ? id(h) : id(y);
        double s = sum(id(cur)) + id(h)[2] * chosen[0];
        return s + h[1] * y[0];
    }

    /** Helpers writing into their argument and returning it, in every statement form. */
    @Differentiable
    static double writers(double[] x, double c) {
        double[] y = clip(x.clone(), c);
        double[] z = y.clone();
        for (int k = 0; k < 2; k++) {
            z = clip(z, c * 0.5 + k);
        }
        double[] t = {x[0] * c, x[1]};
        clip(t, c);
        var u = scaleUnlessOne(t.clone(), c);
        double[] v = scaleUnlessOne(new double[] {x[2], c}, 1.0);
        double[][] m = {{x[0], c}, {x[1], x[2]}};
        double[] r = squareRow(m, 1);
        r[0] += c;
        return sum(y) * 0.5 + sum(z) + t[0] * t[1] + u[0] * u[1] + v[0] * v[1]
            + m[1][0] * m[0][1] + r[1];
    }

    /** A row of a local matrix through a helper, written through the returned alias. */
    @Differentiable
    static double rowWrites(double[] x, double a) {
        double[][] m = new double[2][3];
        m[0][0] = x[0];
        m[1][2] = a;
        double[] r = rowOf(m, 1);
        r[0] = a * x[1];
        r[1] += m[0][0] * a;
        double[] r0 = rowOf(m, 0);
        r0[2] = Math.sin(x[1]);
        return m[1][0] * m[1][1] + r[2] * m[0][2] + first(m)[0];
    }

    /**
     * Arrays declared without allocation: assigned in both branches of an if/else (an
     * initializer, or new + a loop), in a switch, in a do-while before use; a matrix too.
     */
    @Differentiable
    static double unallocated(double[] x, double a, int mode) {
        double[] h;
        if (mode == 0) {
            h = new double[] {a * x[0], x[1]};
        } else {
            h = new double[x.length];
            for (int i = 0; i < h.length; i++) {
                h[i] = Math.sin(x[i]) * a;
            }
        }
        double[] g;
        switch (mode) {
            case 0 -> g = h;
            case 1 -> g = x.clone();
            default -> {
                g = new double[2];
                g[0] = a * a;
                g[1] = h[0];
            }
        }
        double[][] m;
        m = new double[2][];
        m[0] = h;
        m[1] = g;
        double[] last;
        int t = 0;
        do {
            last = new double[] {h[t % h.length] * a, g[1]};
            t++;
        } while (t < 3);
        g[0] += last[1] * a;
        return h[0] * g[1] + m[1][0] * m[0][1] + last[0] * last[1];
    }

    /** Declared without allocation inside a loop, given a new array per iteration by a branch. */
    @Differentiable
    static double unallocatedInLoop(double[] x, double a) {
        double s = 0;
        for (int t = 0; t < x.length; t++) {
            double[] h;
            if (t % 2 == 0) {
                h = new double[] {x[t] * a, a};
            } else {
                h = new double[2];
                h[0] = Math.sin(x[t]);
                h[1] = a * a;
            }
            h[1] += s;
            s += h[0] * h[1];
        }
        return s;
    }
}
