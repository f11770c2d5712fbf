package rej;

import dev.adjoint.Differentiable;

final class HelperEnumSwitch {
    enum Mode { A, B }

    static double act(double x, Mode m) {
        switch (m) {
            case A:
                return x * x;
            default:
                return x;
        }
    }

    @Differentiable
    static double f(double x) {
        return act(x, Mode.A) + act(x, Mode.B);
    }
}
// FINDING a switch on an enum inside a helper called with active values: nothing generated, no diagnostic
