package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

/**
 * Corpus programs once rejected, accepted since issue 13's front end: an increment inside an
 * index, an assignment inside a loop condition, normalising the input array in place, a
 * scratch array declared inside a loop, and the buffer swap of a stencil code.
 */
final class NaturalJavaCorpus {
    private NaturalJavaCorpus() {
    }

    /** The classic one-liner with an increment inside the index. */
    @Differentiable
    static double packedReads(double[] x) {
        int k = 0;
        double a = x[k++];
        double b = x[k++];
        return a * b;
    }

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

    /** Writing into the input array to normalise it in place. */
    @Differentiable
    static double normalizeInPlace(double[] x) {
        double n = 0;
        for (double v : x) {
            n += v * v;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < x.length; i++) {
            x[i] /= n;
        }
        return x[0];
    }

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

    static double[] pendulumRhs(double theta, double omega, double g, double len, double damping) {
        double[] d = new double[2];
        d[0] = omega;
        d[1] = -g / len * Math.sin(theta) - damping * omega;
        return d;
    }

    /** Euler steps with a right-hand side returning double[], held in the loop (rejected/ once). */
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
