package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/** Reads that Java evaluates before an impure call in the same expression. */
final class OrderFx {
    static int count;
    static double[] table = {1.0, 2.0};

    private OrderFx() {
    }

    static double next() {
        count++;
        return count;
    }

    static double bump() {
        table[0] += 1;
        return table[0];
    }

    /** Java reads count, then next() bumps it. */
    @Differentiable
    static double fieldThenCall(double a) {
        return a * count + a * next();
    }

    /** Java reads table[0], then bump() changes it. */
    @Differentiable
    static double elementThenCall(double a) {
        return a * table[0] + a * a * bump();
    }

    /** The reverse sweep runs after next() bumped count: it must use the count y was made of. */
    @Differentiable
    static double fieldThenLaterCall(double a) {
        double y = a * count;
        next();
        return y * a + table[0] * a;
    }

    static void reset() {
        count = 0;
        table[0] = 1.0;
    }
}
