package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

final class ExtrasFx {
    private ExtrasFx() {
    }

    @Differentiable
    static double over(double x) {
        return x * x;
    }

    @Differentiable
    static double over(double x, double y) {
        return x * y * y;
    }

    static double g(double x) {
        if (x < 0) {
            throw new IllegalStateException("neg");
        }
        return Math.sqrt(x);
    }

    /** throws from a helper in the middle of a loop for some inputs. */
    @Differentiable
    static double loopThrow(double a, int n) {
        double s = a;
        for (int i = 0; i < n; i++) {
            s = g(s - i) + s;
        }
        return s;
    }

    /** loop bound from a cast of an active value (trip count carries no derivative). */
    @Differentiable
    static double castBound(double x) {
        double s = 0.0;
        for (int i = 0; i < (int) (x * 3); i++) {
            s += x * i;
        }
        return s;
    }

    @Differentiable
    static double ternaryInCall(double x, double y) {
        return Math.max(x > 0 ? x : -x, y) * Math.pow(x, 2.0);
    }
}
