package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/**
 * Assignments and increments inside expressions (issue 13): lowered into statements before the
 * expression, in Java's evaluation order.
 */
final class InExpressionFx {
    private InExpressionFx() {
    }

    /** The classic packed reads. */
    @Differentiable
    static double packedReads(double[] x) {
        int k = 0;
        double a = x[k++];
        double b = x[k++];
        return a * b + Math.sin(x[k]) * k;
    }

    /** {@code w[k][i++]} in a loop, and the right operand reading the counter already moved. */
    @Differentiable
    static double rowIncrement(double[][] w, double[] x) {
        double s = 0;
        for (int k = 0; k < w.length; k++) {
            int i = 0;
            while (i < x.length) {
                s += w[k][i++] * Math.cos(x[i - 1]) * (k + 1);
            }
        }
        return s;
    }

    /** {@code buf[n++] = v}: compacting the positive entries. */
    @Differentiable
    static double compact(double[] x) {
        double[] buf = new double[x.length];
        int n = 0;
        for (double v : x) {
            if (v > 0) {
                buf[n++] = v * v;
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += buf[i] * (i + 1);
        }
        return s + n;
    }

    /** {@code while ((k += 2) < n)} and a for whose condition increments. */
    @Differentiable
    static double strideCondition(double[] x) {
        int k = -1;
        double s = 0;
        while ((k += 2) < x.length) {
            s += x[k] * x[k - 1];
        }
        int j = 0;
        for (double p = 1; ++j < x.length; p *= 0.5) {
            if (j == 2) {
                continue;
            }
            s += p * Math.exp(x[j]);
        }
        return s;
    }

    /** do ... while (++k < n) with a continue, which must still run the condition's increment. */
    @Differentiable
    static double doWhileIncrement(double[] x) {
        int k = 0;
        double s = 0;
        do {
            if (k == 1) {
                continue;
            }
            s = s * 0.5 + x[k] * x[k];
        } while (++k < x.length);
        return s;
    }

    /** Left operands that the right one changes are read first, as Java does. */
    @Differentiable
    static double leftBeforeRight(double[] x, double a) {
        int k = 0;
        double p = x[k] * x[++k];
        double s = a;
        double q = s + (s = a * x[k]);
        double r = (s = Math.sin(a)) * s;
        double[] z = {a, 2 * a, 3 * a};
        int i = 0;
        z[i] += z[i++] * x[i];
        return p + q + r + z[0] * z[1] + i;
    }

    /** Compound, chained and postfix assignments as values. */
    @Differentiable
    static double assignmentValues(double a, double b) {
        double s = a;
        double t = (s += a * b) * 2;
        double y;
        double z;
        y = z = Math.sin(a) * b;
        double u = a;
        double d = (u++) * u;
        double e = (u -= b) / (--u + 3);
        return s * t + y * z + d + e * u;
    }

    static double weigh(double a, double b, int k) {
        return a * Math.sin(b) + k;
    }

    /** Arguments in order, each with its own increment. */
    @Differentiable
    static double argumentsInOrder(double[] x) {
        int k = 0;
        double s = weigh(x[k++], x[k++], k);
        s += Math.atan2(x[k], x[--k]);
        return s;
    }

    /** A switch expression in a loop condition: re-evaluated before every test. */
    @Differentiable
    static double switchInCondition(double[] x, int mode) {
        int k = 0;
        double s = 0;
        while (switch (mode) {
            case 0 -> k < 2;
            default -> k < x.length;
        }) {
            s += x[k] * x[k] * (k + 1);
            k++;
        }
        return s;
    }
}
