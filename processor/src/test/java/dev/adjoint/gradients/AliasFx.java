package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/**
 * Local arrays as references (issue 13): aliases, reassignment anywhere, {@code ?:} of arrays,
 * row assignment, ragged matrices, sizes that change in a loop. The gradient follows Enzyme's
 * shadows: each array's adjoint is an array that the same reference assignments move around.
 */
final class AliasFx {
    private AliasFx() {
    }

    /** {@code double[] y = x;} and {@code var z = y;}: one array, three names. */
    @Differentiable
    static double alias(double[] x, double a) {
        double[] w = {x[0], x[1], x[2]};
        double[] y = w;
        var z = y;
        y[0] = Math.sin(a) * w[1];
        z[1] += y[0] * a;
        w[2] = z[0] * z[1];
        return w[0] + y[1] * 2 + z[2];
    }

    /** {@code y = x;} in a loop and in branches, with writes through either name after it. */
    @Differentiable
    static double reassignInLoop(double[] x, double a) {
        double[] u = {a, x[0], x[1]};
        double[] v = {x[2], a * a, 1.0};
        double[] y = u;
        double s = 0;
        for (int k = 0; k < 5; k++) {
            if (k % 2 == 0) {
                y = v;
            } else {
                y = u;
            }
            y[k % 3] = Math.cos(y[(k + 1) % 3]) * a + x[k % 3];
            s += u[0] * v[1] - y[2];
            u[1] = u[1] * 0.5 + v[k % 3];
        }
        return s + y[0] * u[2] + v[0];
    }

    /** The hand-over {@code h = next;} with later writes into both names. */
    @Differentiable
    static double handOver(double[] x, double c) {
        double[] h = {x[0], x[1]};
        for (int t = 0; t < 4; t++) {
            double[] next = new double[h.length];
            for (int j = 0; j < h.length; j++) {
                next[j] = Math.tanh(c * h[j] + x[(t + j) % x.length]);
            }
            h = next;
            next[0] += 0.25 * h[1];
            h[1] = h[1] * next[0];
        }
        return h[0] + 3 * h[1];
    }

    /** Swaps of parameter arrays of different lengths, in a loop. */
    @Differentiable
    static double swapParameters(double[] u, double[] v, double a) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
            double[] t = u;
            u = v;
            v = t;
            s += u[0] * a + v[v.length - 1] * u.length;
        }
        return s + u[0] * v[0];
    }

    /** A parameter reassigned to a local array, then written through. */
    @Differentiable
    static double parameterReassigned(double[] x, double a) {
        double first = x[0] * x[1];
        double[] other = {a, 2 * a, x[2]};
        x = other;
        x[0] = x[0] * first;
        return x[0] + x[1] * x[2] + other[0];
    }

    /** Arrays chosen by {@code ?:}, as a declaration and as an assignment in a loop. */
    @Differentiable
    static double conditional(double[] x, double a) {
        double[] p = {a, x[0]};
        double[] q = {x[1], a * x[2]};
        double[] r = a > 0 ? p : q;
        double s = 0;
        for (int k = 0; k < 4; k++) {
            r = k % 2 == 0 ? q : p;
            r[k % 2] = Math.exp(0.1 * r[0]) * x[k % 3];
            s += r[1] * p[0];
        }
        return s + r[0] + q[1];
    }

    /** A ragged matrix {@code new double[n][]} whose rows are assigned, shared and overwritten. */
    @Differentiable
    static double ragged(double[] x, double a) {
        double[][] m = new double[3][];
        double[] row = {a, x[0]};
        m[0] = row;
        m[1] = new double[] {x[1], x[2], a * a};
        m[2] = row;
        m[2][1] = Math.sin(m[0][1]) * a;
        double s = m[0][1] + m[1][2] * row[0];
        m[0] = m[1];
        m[0][0] = s * x[0];
        return m[1][0] + m[2][1] * m[0][2] + s;
    }

    static double[] matVec(double[][] w, double[] x) {
        double[] y = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i] += w[i][j] * x[j];
            }
        }
        return y;
    }

    /** {@code q[t] = matVec(w, x[t])}: a differentiated call's array stored as a row. */
    @Differentiable
    static double rowsFromCalls(double[][] w, double[][] x) {
        double[][] q = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            q[t] = matVec(w, x[t]);
        }
        double s = 0;
        for (int t = 0; t < q.length; t++) {
            for (int i = 0; i < q[t].length; i++) {
                s += Math.tanh(q[t][i]) * (t + 1);
            }
        }
        return s;
    }

    /** {@code var r = m[0];}: writes through the row and through the matrix; then m[0] moves. */
    @Differentiable
    static double rowAlias(double[] x, double a) {
        double[][] m = {{x[0], x[1]}, {a, x[2]}};
        var r = m[0];
        r[1] = r[0] * a;
        m[0][0] = Math.sin(r[1]);
        double s = r[0] * m[0][1];
        m[0] = m[1];
        r[0] += m[0][1];
        m[0][1] = s * r[0];
        return s + r[0] * r[1] + m[1][1];
    }

    /** An array allocated in a loop with a size the loop changes: {@code new double[i + 1]}. */
    @Differentiable
    static double growing(double[] x, double a) {
        double s = 0;
        double[] last = {a};
        for (int i = 0; i < x.length; i++) {
            double[] p = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                p[j] = x[j] * (j < last.length ? last[j] : a);
            }
            s += p[i] * p[0];
            last = p;
        }
        return s + last[last.length - 1];
    }

    /** A ragged matrix allocated in a loop, its rows given later. */
    @Differentiable
    static double raggedInLoop(double[] x, double a) {
        double s = 0;
        double[] xs = x.clone();
        for (int k = 0; k < 3; k++) {
            double[][] m = new double[2][];
            m[0] = new double[k + 1];
            m[1] = xs;
            m[0][k] = a * m[1][k];
            s += m[0][k] * m[1][0] + m[0][0];
        }
        return s;
    }

    static double[] twice(double a) {
        return new double[] {a, 2 * a};
    }

    /** An array a call returns, held in an array declared inside a loop. */
    @Differentiable
    static double callInLoop(double a, int n) {
        double r = 0;
        for (int i = 0; i < n; i++) {
            double[] h = twice(a * (i + 1));
            r = r + h[0] * h[1];
        }
        return r;
    }

    /** An array variable given a new array of another size. */
    @Differentiable
    static double reallocated(double a) {
        double[] h = new double[2];
        h[1] = a * a;
        double s = h[1];
        h = new double[3];
        h[0] = a;
        return h[0] * s + h.length;
    }

    /** A parameter array read through another name. */
    @Differentiable
    static double parameterAlias(double a, double[] xs) {
        double[] ys = xs;
        return a * ys[0] + ys[1] * xs[0];
    }

    /** A swap inside a for-each over one of the swapped arrays: Java iterates the first. */
    @Differentiable
    static double swapInForEach(double a) {
        double[] u = {a, 2 * a, 0.5};
        double[] v = {3 * a, a * a};
        double s = 0;
        for (double e : u) {
            s += e * v[0];
            double[] t = u;
            u = v;
            v = t;
        }
        return s + u[0];
    }

    /** A for-each over the rows of a matrix whose rows the body reassigns. */
    @Differentiable
    static double rowsReassignedInForEach(double a, double[] x) {
        double[][] m = {{a, x[0]}, {x[1], a * x[2]}};
        double s = 0;
        for (double[] row : m) {
            m[0] = m[1];
            s += row[0] * row[1];
            row[1] = Math.sin(s);
        }
        return s + m[0][1] * m[1][0];
    }

    static double[] doubled(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * x[i] * x[i];
        }
        return y;
    }

    /** A for-each over the array a call returns, inside a loop. */
    @Differentiable
    static double forEachOverCallInLoop(double[] x) {
        double s = 0;
        for (int t = 0; t < 2; t++) {
            for (double v : doubled(x)) {
                s += v * (t + 1);
            }
        }
        return s;
    }
}
