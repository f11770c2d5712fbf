package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

// A plain user typo inside a @Differentiable method crashes the processor, and javac's own
// "cannot find symbol" diagnostic is NOT shown (only this one error is printed):
//   Typo.java:3: error: Adjoint could not write dev.adjoint.gradients.TypoGrad:
//     java.lang.NullPointerException: Cannot invoke "dev.adjoint.processor.transform.AdjointBody.tape()"
//     because "body" is null
// Same for a reference to a non-existent member such as `return Math.powExact;`.
final class Typo {
    @Differentiable
    static double f(double x, double y) {
        return x * undefinedVariable;
    }
}
