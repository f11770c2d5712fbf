package rej;

import dev.adjoint.Differentiable;

final class ArrayInLoop {
    /** Scratch array declared inside the time loop. */
    @Differentiable
    static double arrayInLoop(double[] x, int steps) {
        double s = 0;
        for (int t = 0; t < steps; t++) {
            double[] tmp = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                tmp[i] = Math.sin(x[i] * t);
            }
            s += tmp[t % x.length];
        }
        return s;
    }
}
// EXPECT-ERROR 11 arrays cannot be declared inside a loop
