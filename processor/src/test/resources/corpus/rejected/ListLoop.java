package rej;

import dev.adjoint.Differentiable;

final class ListLoop {
    @Differentiable
    static double f(double x, java.util.List<Double> ws) {
        double s = 0;
        for (double w : ws) {
            s += w * x * x;
        }
        return s + ws.get(0) * x;
    }
}
// EXPECT-ERROR 9 enhanced for loops can iterate over array variables only
