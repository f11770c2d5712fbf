package rej;

import dev.adjoint.Differentiable;

final class EnumSwitch {
    enum Mode { SQUARE, IDENTITY }

    @Differentiable
    static double f(double x, Mode m) {
        switch (m) {
            case SQUARE:
                return x * x;
            default:
                return x;
        }
    }
}

/** An unrelated class in the same compilation: it gets no Grad class either. */
final class Bystander {
    @Differentiable
    static double g(double x) {
        return x * x * x;
    }
}
// FINDING a switch on an enum: nothing is generated for any class of the compilation (Bystander too) and there is no diagnostic
