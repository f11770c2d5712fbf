package dev.adjoint.gradients;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;
import dev.adjoint.Losses;

final class SeedFx {
    private SeedFx() {
    }

    @Differentiable
    static double square(double w) {
        return w * w;
    }

    @Differentiable
    static double linearUnit(double w, double x, double b, double y) {
        double a = w * x + b;
        return 0.5 * (a - y) * (a - y);
    }

    @Differentiable(wrt = {"w", "b"})
    static double linearUnitWrt(double w, double x, double b, double y) {
        double c = w * x;
        double a = c + b;
        double d = a - y;
        return 0.5 * d * d;
    }

    @Differentiable
    static double twoLayer(double x, double y, double w1, double b1, double w2, double b2) {
        double z1 = w1 * x + b1;
        double a1 = Activations.relu(z1);
        double z2 = w2 * a1 + b2;
        double a2 = Activations.relu(z2);
        return Losses.squaredError(a2, y);
    }
}
