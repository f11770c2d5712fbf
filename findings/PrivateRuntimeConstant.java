package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

// Generated PrivateRuntimeConstantGrad does not compile:
//   error: R has private access in PrivateRuntimeConstant
//     double value = PrivateRuntimeConstant.R * a;
// (private compile-time constants like `private static final double P = 0.25;` are inlined and work)
final class PrivateRuntimeConstant {
    private static final double R = Math.sqrt(3.0);

    @Differentiable
    static double f(double a) {
        return R * a;
    }
}
