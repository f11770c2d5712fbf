package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/** Minimal reproduction: wrt names listed in an order different from the parameter order. */
final class WrtOrderFx {
    private WrtOrderFx() {
    }

    @Differentiable(wrt = {"c", "a"})
    static double f(double a, double c) {
        return 2 * a + 5 * c;
    }
}
