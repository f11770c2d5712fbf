package rej;

import dev.adjoint.Differentiable;

final class FloatLocal {
    /** A float intermediate (users do this for "speed"). */
    @Differentiable
    static double floatIntermediate(double x) {
        float f = (float) (x * 2);
        return f * x;
    }
}
// EXPECT-ERROR 9 local variables of type float are not supported
