package rej;

import dev.adjoint.Differentiable;

final class MathExtras {
    /** Math.fma, Math.scalb, Math.copySign, Math.ulp, Math.IEEEremainder in numeric code. */
    @Differentiable
    static double mathExtras(double a, double b) {
        return Math.fma(a, b, 1.0) + Math.copySign(a * a, b) + Math.scalb(a, 3) + Math.IEEEremainder(a * 7, b);
    }
}
// EXPECT-ERROR 9 no derivative is known for Math.copySign
// EXPECT-ERROR 9 no derivative is known for Math.scalb
// EXPECT-ERROR 9 no derivative is known for Math.IEEEremainder
