package rej;

import dev.adjoint.Differentiable;

final class DollarParameter {
    @Differentiable
    static double f(double a$) {
        return a$ * a$;
    }
}
// FINDING a '$' in a parameter name: 'Adjoint could not write ...Grad: IllegalArgumentException: index 1 for '$ ' not in range' (a JavaPoet format string built from the name)
