package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/**
 * Element writes into freshly allocated arrays (issue 13): those whose overwritten value the
 * reverse sweep never reads record nothing (analysis/FreshArrays); those whose value it reads,
 * directly, through an alias or in a later iteration, still do.
 */
final class FreshArraysFx {
    private FreshArraysFx() {
    }

    /** Time stepping that hands each new state over (the StepperGrad golden). */
    @Differentiable
    static double stepper(double[] u0, double k, int steps) {
        double[] u = u0.clone();
        for (int t = 0; t < steps; t++) {
            double[] next = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                next[i] = u[i] - k * Math.sin(u[(i + 1) % u.length]);
            }
            u = next;
            next[0] += k;
        }
        double e = 0;
        for (int i = 0; i < u.length; i++) {
            e += u[i] * u[i];
        }
        return e;
    }

    /** A fresh element read (as its zero) before it is written. */
    @Differentiable
    static double readBeforeWrite(double a, double b) {
        double s = 0;
        for (int t = 0; t < 3; t++) {
            double[] h = new double[2];
            s += h[0] * a + Math.sin(h[1] * b);
            h[0] = a * b + t;
            h[1] = h[0] * h[0];
            s += h[1] * a;
        }
        return s;
    }

    /** A fresh array read through an alias between two writes, in a loop. */
    @Differentiable
    static double throughAnAlias(double[] x, double c) {
        double s = 0;
        for (int t = 0; t < 2; t++) {
            double[] nx = new double[x.length];
            double[] al = nx;
            for (int i = 0; i < x.length; i++) {
                nx[i] = x[i] * c + t;
            }
            s += al[0] * al[1];
            nx[1] = s * c;
            s += Math.cos(al[1]) * nx[0];
        }
        return s;
    }

    /** A fresh buffer filled in one loop and read back in the next iteration of an outer one. */
    @Differentiable
    static double carried(double[] x, int steps) {
        double[] acc = new double[x.length];
        double s = 0;
        for (int t = 0; t < steps; t++) {
            double[] fresh = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                fresh[i] = Math.sin(acc[i]) + x[i] * (t + 1);
            }
            for (int i = 0; i < x.length; i++) {
                acc[i] = fresh[i] * fresh[(i + 1) % x.length];
            }
            s += acc[0];
        }
        return s;
    }
}
