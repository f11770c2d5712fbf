package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/**
 * Results of logistic helpers differentiated as {@code s (1 - s)} (LogisticResults, issue 15):
 * straight-line, in sum loops, in recurrences, in nested loops over array state, and the cases
 * that keep the adjoint call (a variable assigned twice, a look-alike that is not the logistic).
 */
final class LogisticFx {
    private LogisticFx() {
    }

    static double sig(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Operands the other way round, double literals, extra parentheses. */
    static double sig2(double z) {
        return (1.0 / ((Math.exp((-z)) + 1.0)));
    }

    /** Not the logistic: e^x in place of e^-x. */
    static double notSig(double x) {
        return 1 / (1 + Math.exp(x));
    }

    @Differentiable
    static double straight(double x, double w) {
        double s = sig(x * w);
        double t = sig2(s - x);
        return s * t + s;
    }

    @Differentiable(wrt = {"x", "w"})
    static double sumLoop(double[] x, double w, double[] y) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double s = sig(w * x[i] + 0.1);
            total += s * y[i];
        }
        return total;
    }

    /** s is read after h overwrites what fed it; h is assigned every iteration. */
    @Differentiable
    static double recurrence(double[] x, double a) {
        double h = 0.3;
        for (int i = 0; i < x.length; i++) {
            double s = sig(a * h + x[i]);
            h = s * h + x[i];
            h = h * s;
        }
        return h;
    }

    /** Assigned twice: keeps the adjoint call. Also a look-alike that is not the logistic. */
    @Differentiable
    static double twice(double x, double w) {
        double s = sig(x);
        s = sig(s * w);
        double u = notSig(s + x);
        return s * u;
    }

    /** Math.tanh and Math.exp results, differentiated from the values they wrote. */
    @Differentiable
    static double tanhExp(double[] x, double a) {
        double h = 0.2;
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double c = Math.tanh(a * h + x[i]);
            double e = StrictMath.exp(-c * x[i]);
            h = c * e + h * 0.5;
            total += e;
        }
        return total + h;
    }

    /** An LSTM-like cell over array state, two layers (ADBench's shape). */
    @Differentiable(wrt = {"p", "x"})
    static double cells(double[] p, double[] x, int steps) {
        int b = x.length;
        double[] state = new double[4 * b];
        double total = 0;
        for (int t = 0; t < steps; t++) {
            for (int layer = 0; layer < 2; layer++) {
                for (int i = 0; i < b; i++) {
                    double in = layer == 0 ? x[i] : state[i];
                    double hidden = state[2 * b * layer + i];
                    double forget = sig(in * p[i] + p[b + i]);
                    double ingate = sig(hidden * p[2 * b + i] + 0.2);
                    double change = Math.tanh(hidden * p[3 * b + i]);
                    double cell = state[2 * b * layer + b + i] * forget + ingate * change;
                    state[2 * b * layer + b + i] = cell;
                    state[2 * b * layer + i] = forget * Math.tanh(cell);
                }
            }
            for (int i = 0; i < b; i++) {
                total += state[2 * b + i] * x[i];
            }
        }
        return total;
    }
}
