package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

final class EntryFx {
    private EntryFx() {
    }

    /** wrt restricts; int/boolean/String/long/float params pass through. */
    @Differentiable(wrt = {"b"})
    static double restricted(double a, double b, int n, boolean flag, String mode, long big, float f) {
        double r = a * b * n + (flag ? b * b : a) + mode.length() * b + big * a + f * b;
        return r;
    }

    /** wrt listed out of parameter order. */
    @Differentiable(wrt = {"c", "a"})
    static double outOfOrder(double a, double b, double c) {
        return a * 2 + b * 3 + c * 5 + a * c;
    }

    @Differentiable
    static double twoParams(double x, double y) {
        return Math.sin(x) * y * y;
    }

    static final class Inner {
        private Inner() {
        }

        @Differentiable
        static double nested(double x, double y) {
            return x * x * y;
        }

        static final class Deeper {
            private Deeper() {
            }

            @Differentiable
            static double deeper(double x) {
                return x * x * x;
            }
        }
    }
}
