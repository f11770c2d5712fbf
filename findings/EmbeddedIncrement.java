package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

// Processor rejects (clean diagnostic, not silent):
// "an assignment or increment inside an expression is not supported; make it a statement of its own"
final class EmbeddedIncrement {
    @Differentiable
    static double incDec(double w, double x) {
        double a = w * x;
        double b = a++ * w;   // error here
        double c = ++a * x;   // and here
        return a + b + c;
    }
}
