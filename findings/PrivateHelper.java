package dev.adjoint.gradients;

// Generated PrivateHelperGrad does not compile: the forward sweep calls the private helper directly:
//   PrivateHelperGrad.java:27: error: sq(double) has private access in PrivateHelper
//       double value = PrivateHelper.sq(x) * x;
// Same when the private helper is called from another (package-private) helper.

import dev.adjoint.Differentiable;

final class PrivateHelper {
    private static double sq(double u) {
        return u * u;
    }

    @Differentiable
    static double f(double x) {
        return sq(x) * x;
    }
}
