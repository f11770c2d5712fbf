package rej;

import dev.adjoint.Differentiable;

final class TryCatch {
    /** try/catch around a numeric routine. */
    @Differentiable
    static double withTry(double x) {
        try {
            return Math.log(x) * x;
        } catch (ArithmeticException e) {
            return 0;
        }
    }
}
// EXPECT-ERROR 9 try statements are not supported
