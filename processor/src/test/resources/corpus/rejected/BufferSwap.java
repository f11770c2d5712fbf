package rej;

import dev.adjoint.Differentiable;

final class BufferSwap {
    /** Heat equation with the buffer swap every numerical programmer writes. */
    @Differentiable
    static double heatSwap(double[] u0, double kappa, int steps) {
        int n = u0.length;
        double[] u = u0.clone();
        double[] v = new double[n];
        for (int s = 0; s < steps; s++) {
            for (int i = 1; i < n - 1; i++) {
                v[i] = u[i] + kappa * (u[i - 1] - 2 * u[i] + u[i + 1]);
            }
            v[0] = u[0];
            v[n - 1] = u[n - 1];
            double[] t = u;
            u = v;
            v = t;
        }
        double e = 0;
        for (double x : u) {
            e += x * x;
        }
        return e;
    }
}
// EXPECT-ERROR 19 array variables cannot be reassigned
// EXPECT-ERROR 20 array variables cannot be reassigned
