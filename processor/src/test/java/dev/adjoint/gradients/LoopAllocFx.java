package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/**
 * Arrays allocated inside loops, branches and expressions (issue 13): hoisted out of loops and
 * zeroed where Java allocates them.
 */
final class LoopAllocFx {
    private LoopAllocFx() {
    }

    /** The per-sample MLP written the natural way: the hidden layer allocated per sample. */
    @Differentiable
    static double mlp(double[][] xs, double[] ys, double[][] w1, double[] b1, double[] w2,
            double b2) {
        int hidden = b1.length;
        double loss = 0;
        for (int s = 0; s < xs.length; s++) {
            double[] z = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                for (int i = 0; i < xs[s].length; i++) {
                    z[j] += w1[j][i] * xs[s][i];
                }
            }
            double[] h = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                h[j] = Math.tanh(z[j] + b1[j]);
            }
            double out = b2;
            for (int j = 0; j < hidden; j++) {
                out += w2[j] * h[j];
            }
            double d = out - ys[s];
            loss += 0.5 * d * d;
        }
        return loss / xs.length;
    }

    static double sumSq(double... v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s;
    }

    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    static double[] pair(double u, double v) {
        return new double[] {u * v, u - v};
    }

    /** Initializers, clones, varargs and new arrays as arguments, inside loops and branches. */
    @Differentiable
    static double shapes(double[] x, double a) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double[] p = {x[i], x[i] * a};
            double[] c = x.clone();
            c[i] = a;
            s += p[0] * p[1] + dot(c, x) * 0.1;
            s += sumSq(a * x[i], x[i]);
            s += dot(new double[] {a, x[i]}, p);
            if (x[i] > 0) {
                double[][] m = new double[2][2];
                m[0][1] = x[i] * a;
                m[1][0] += m[0][1] * 2;
                s += m[1][0] * m[0][1] + m[1][1];
            }
        }
        double[] q = pair(a, x[0]);
        return s + q[0] * q[1];
    }

    /** A size only known at run time: Java's NegativeArraySizeException where Java throws. */
    @Differentiable
    static double sized(double[] x, int n, int trips) {
        double s = 0;
        for (int t = 0; t < trips; t++) {
            double[] buf = new double[n];
            for (int i = 0; i < buf.length; i++) {
                buf[i] += x[i % x.length] * (t + 1);
            }
            for (double v : buf) {
                s += Math.sin(v);
            }
        }
        return s;
    }

    /** A layer returning a new array built from scalars. */
    @Differentiable
    static double[] polar(double r, double theta) {
        return new double[] {r * Math.cos(theta), r * Math.sin(theta)};
    }

    /** A size computed inside the loop from values the loop does not change. */
    @Differentiable
    static double localSize(double[] x, int trips) {
        double s = 0;
        for (int t = 0; t < trips; t++) {
            int n = x.length;
            int m = 2 * n - 1;
            double[] buf = new double[m];
            for (int i = 0; i < n; i++) {
                buf[2 * i] += x[i] * (t + 1);
            }
            s += Math.sin(buf[m - 1]) + buf[0] * buf.length;
        }
        return s;
    }
}
