package dev.adjoint.regressions;

import dev.adjoint.Differentiable;










/** Variables named like types and packages the generated code uses. */
final class NamesObscuring {
    static double helper(double p, double q) {
        return p * q + p;
    }

    @Differentiable
    static double paramNamedArrays(double Arrays, double y) {
        return helper(Arrays, y) * Arrays;
    }

    @Differentiable
    static double localNamedMath(double x, double y) {
        double Math = x * y;
        return StrictMath.sin(Math) * y;
    }

    @Differentiable
    static double localNamedClass(double x, double y) {
        double NamesObscuring = x * y;
        return helper(NamesObscuring, y) + NamesObscuring;
    }

    @Differentiable
    static double localNamedActivations(double x, double y) {
        double Activations = x * y;
        return dev.adjoint.Activations.relu(Activations) * y;
    }
}
