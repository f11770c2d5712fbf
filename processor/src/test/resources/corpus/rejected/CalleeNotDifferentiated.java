package rej;

import dev.adjoint.Differentiable;
import dev.adjoint.NonDifferentiable;

final class CalleeNotDifferentiated {
    /** C1. A callee restricted with wrt, called with an active value in the excluded position. */
    @Differentiable(wrt = {"a"})
    static double scaled(double a, double b) {
        return a * a * b;
    }

    @Differentiable
    static double callsRestricted(double x, double y) {
        return scaled(x, y) + scaled(y, x * x);
    }

    /** C2. A callee with a @NonDifferentiable parameter, called with an active value there. */
    @Differentiable
    static double damped(double a, @NonDifferentiable double k) {
        return Math.exp(-k * a);
    }

    @Differentiable
    static double callsNonDiff(double x, double y) {
        return damped(x, y) * y;
    }

}
// EXPECT-ERROR 15 is not differentiable with respect to 'b'
// EXPECT-ERROR 26 is not differentiable with respect to 'k'
