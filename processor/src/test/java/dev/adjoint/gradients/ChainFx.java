package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/**
 * Chains of single-use intermediate adjoints (issue 15, REC15C): the generated reverse
 * multiplies the partial derivatives together before the adjoint where it may, and keeps the
 * chain where it may not (an adjoint read twice, a partial whose input is restored in between).
 */
final class ChainFx {
    private ChainFx() {
    }

    /** Two links: sAdj = valueAdj * a, xAdj = sAdj * cos(x). */
    @Differentiable
    static double chain2(double x, double a) {
        double s = Math.sin(x);
        double y = s * a;
        return y;
    }

    /** Three links through two intermediates. */
    @Differentiable
    static double chain3(double x, double a) {
        double s = Math.sin(x);
        double e = Math.exp(s);
        double y = e * a;
        return y;
    }

    /** The benchmark recurrence: x restored between the two links of each reverse step. */
    @Differentiable
    static double recurrence(double x0, double a, double b, int steps) {
        double x = x0;
        for (int t = 0; t < steps; t++) {
            x = Math.sin(x) * a + b;
        }
        return x;
    }

    /** Three links per iteration: x = cos(sin(x) a) b. */
    @Differentiable
    static double recurrence3(double x0, double a, double b, int steps) {
        double x = x0;
        for (int t = 0; t < steps; t++) {
            double s = Math.sin(x) * a;
            x = Math.cos(s) * b;
        }
        return x;
    }

    /** s's adjoint is read twice (x's and w's shares): no chain to fold. */
    @Differentiable
    static double readTwice(double x, double w) {
        double s = x * w;
        return Math.sin(s);
    }

    /**
     * The partial of sAdj's link reads c, which the reverse restores before sAdj is read; the
     * partial sAdj meets there reads x, restored before too: no safe place for either.
     */
    @Differentiable
    static double restoredInBetween(double x0, double c0, int steps) {
        double x = x0;
        double c = c0;
        for (int t = 0; t < steps; t++) {
            double s = Math.sin(x);
            c = Math.cos(c) + 1;
            x = s * c;
        }
        return x + c;
    }
}
