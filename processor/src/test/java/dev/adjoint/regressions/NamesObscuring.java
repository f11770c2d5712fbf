package dev.adjoint.regressions;

import dev.adjoint.Differentiable;

// User variables whose names obscure a type that the GENERATED code references by simple name.
// Each method alone makes NamesFxGrad fail to compile ("double cannot be dereferenced"):
//   paramNamedArrays:      Arrays.fill(callAdjoints, 0, 2, 0.0);          (generated helper-call code)
//   localNamedMath:        MathAdj += valueAdj * y * Math.cos(Math);      (derivative of StrictMath.sin)
//   localNamedClass:       double value = NamesFx.helper(NamesFx, y) + NamesFx;
//   localNamedHelperGrad:  NamesFxGrad.helperAdjoint(x, y, helperAdjointAdj, callAdjoints, tape);
//   localNamedActivations: double value = Activations.relu(Activations) * y;
//                          (user wrote the fully-qualified dev.adjoint.Activations.relu)
// The user's own source compiles fine in every case (javac resolves these names correctly).
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
