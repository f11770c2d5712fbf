package dev.adjoint.forward;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * A tangent-only method, declared first, that a method with Mode.HESSIAN calls: its tangent of
 * the adjoint entry point is made only because that mHvp calls it (after its own stage).
 */
final class ScopeFx {
    private ScopeFx() {
    }

    @Differentiable(modes = Mode.TANGENT)
    static double inner(double u, double v) {
        return Math.sin(u) * v + u * u * v;
    }

    @Differentiable(modes = Mode.HESSIAN)
    static double outer(double x, double y) {
        return inner(x * y, y) * x + Math.exp(y);
    }
}
