package rej;

import dev.adjoint.Differentiable;

final class HelperArrayInLoop {
    static double[] pendulumRhs(double theta, double omega, double g, double len, double damping) {
        double[] d = new double[2];
        d[0] = omega;
        d[1] = -g / len * Math.sin(theta) - damping * omega;
        return d;
    }

    @Differentiable(wrt = {"theta0", "len"})
    static double pendulumRk4Helper(double theta0, double len, double dt, int steps) {
        double[] state = {theta0, 0.0};
        for (int s = 0; s < steps; s++) {
            double[] k1 = pendulumRhs(state[0], state[1], 9.81, len, 0.1);
            state[0] += dt * k1[0];
            state[1] += dt * k1[1];
        }
        return state[0] * state[0] + state[1];
    }
}
// EXPECT-ERROR 17 an array a call returns cannot be held in an array declared inside a loop
