package dev.adjoint.regressions;
import dev.adjoint.Differentiable;
final class NoInit {
    @Differentiable
    static double noInit(double w) {
        double a;
        a = w * 2.0;
        return a * w;
    }
}
