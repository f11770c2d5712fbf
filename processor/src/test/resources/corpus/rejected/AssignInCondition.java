package rej;

import dev.adjoint.Differentiable;

final class AssignInCondition {
    /** Assignment inside a condition, common in parsers and iteration code. */
    @Differentiable
    static double assignInCondition(double x) {
        double y;
        int n = 0;
        while ((y = Math.cos(x)) > 0.5 && n < 10) {
            x = x + 0.1;
            n++;
        }
        return y * x;
    }
}
// EXPECT-ERROR 11 an assignment or increment inside an expression is not supported
