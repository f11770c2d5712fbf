package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

final class ArithFx {
    static final double K = 2.5;
    private static final double P = 0.25;
    static final int N = 3;
    private static final long BIG = 4_000_000_000L;
    /** Not a compile-time constant: initialised at class init. */
    static final double E2 = Math.exp(2.0);

    private ArithFx() {
    }

    static final class Inner {
        private static final double HIDDEN = 1.75;

        private Inner() {
        }
    }

    @Differentiable
    static double basic(double a, double b) {
        return (a + b) * (a - b) / (a * b) - -a + +b;
    }

    @Differentiable
    static double division(double a, double b) {
        return a / b + 1.0 / a + b / (a * a) - a / a;
    }

    @Differentiable
    static double unaryMinus(double a, double b) {
        double c = -a;
        double d = -(-a * -b);
        return -c * d - (-(c));
    }

    @Differentiable
    static double intModulo(double a, double b) {
        int n = 7 % 3;
        int m = (int) a % 4;
        int r = -7 % 3;
        return a * n + b * m + r * a * b;
    }

    @Differentiable
    @SuppressWarnings("cast") // (double) a is redundant on purpose; the gradient drops it
    static double casts(double a, double b) {
        int ia = (int) a;
        long lb = (long) (a * b);
        double back = (double) (int) b;
        return (int) a * b + a + ia * a + lb * b + back * a + (double) a * b;
    }

    @Differentiable
    static double promotion(double a, double b) {
        int n = 3;
        long big = 4_000_000_000L;
        return n * a + big * b / 1e9 + (n + big) * a * b * 1e-9 + a * n / 2 + n / 2 * a + big / 3 * 1e-9 * b;
    }

    @Differentiable
    static double literals(double a, double b) {
        return 1.5e-1 * a + 0x10 * b + 2f * a + 'A' * b + 1_000 * a + 3L * b + .5 * a * b + 1e0 / a;
    }

    @Differentiable
    static double constants(double a, double b) {
        return K * a + P * b + N * a * b + BIG * 1e-9 * a + E2 * b
                + Inner.HIDDEN * b + OtherConstants.SCALE * a + OtherConstants.COUNT * b
                + Math.PI * a + Math.E * b + ArithFx.K * b + Integer.MAX_VALUE * 1e-9 * a;
    }

    @Differentiable
    static double integerArithmeticOnly(double a, int n, long m) {
        int q = n / 2 + n % 3 - n * 2;
        long r = m / 3 + m % 5;
        return a * q + a * r + (q - r);
    }

    static final float F = 0.1f;

    /** Float literals/constants are NOT the same as the double literal with the same digits. */
    @Differentiable
    static double floatLiterals(double a, double b) {
        return 0.1f * a + F * b + 0.3f * a * b;
    }

    /** Constant folding subtleties: integer overflow, integer division, char arithmetic. */
    @Differentiable
    static double constantFolding(double a, double b) {
        int wrapped = Integer.MAX_VALUE + 1;
        return 7 / 2 * a + 1 / 3 * b + (N * 1_000_000_000) * 1e-9 * a + wrapped * 1e-9 * b
                + ('a' + 1) * a + 0x1.8p1 * b + (Long.MAX_VALUE * 1.0) * 1e-18 * a;
    }
}
