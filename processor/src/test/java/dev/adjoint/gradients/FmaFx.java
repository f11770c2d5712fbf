package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/** Math.fma and StrictMath.fma with every argument active (issue 13). */
final class FmaFx {
    private FmaFx() {
    }

    @Differentiable
    static double fma3(double a, double b, double c) {
        return Math.fma(a, b, c) * Math.fma(c, a, b * b);
    }

    /** Horner's rule with StrictMath.fma: s = w s + x[i]. */
    @Differentiable
    static double horner(double[] x, double w) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s = StrictMath.fma(w, s, x[i]);
        }
        return s;
    }
}
