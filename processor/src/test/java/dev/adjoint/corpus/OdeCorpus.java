package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

/** Integrators and PDE stencils. */
final class OdeCorpus {
    private OdeCorpus() {
    }

    /** 10. RK4 on Lotka-Volterra; objective: squared distance of the final state to a target. */
    @Differentiable(wrt = {"alpha", "beta", "gamma", "delta", "x0", "y0"})
    static double lotkaVolterraRk4(double alpha, double beta, double gamma, double delta, double x0, double y0,
            double dt, int steps) {
        double x = x0;
        double y = y0;
        for (int s = 0; s < steps; s++) {
            double k1x = alpha * x - beta * x * y;
            double k1y = delta * x * y - gamma * y;
            double x2 = x + 0.5 * dt * k1x;
            double y2 = y + 0.5 * dt * k1y;
            double k2x = alpha * x2 - beta * x2 * y2;
            double k2y = delta * x2 * y2 - gamma * y2;
            double x3 = x + 0.5 * dt * k2x;
            double y3 = y + 0.5 * dt * k2y;
            double k3x = alpha * x3 - beta * x3 * y3;
            double k3y = delta * x3 * y3 - gamma * y3;
            double x4 = x + dt * k3x;
            double y4 = y + dt * k3y;
            double k4x = alpha * x4 - beta * x4 * y4;
            double k4y = delta * x4 * y4 - gamma * y4;
            x += dt / 6.0 * (k1x + 2 * k2x + 2 * k3x + k4x);
            y += dt / 6.0 * (k1y + 2 * k2y + 2 * k3y + k4y);
        }
        return (x - 1.0) * (x - 1.0) + (y - 0.5) * (y - 0.5);
    }

    /** 11. Explicit Euler on a damped pendulum through a helper returning double[]. */
    @Differentiable(wrt = {"theta0", "len", "damping"})
    static double pendulumEuler(double theta0, double len, double damping, double dt, int steps) {
        double theta = theta0;
        double omega = 0.0;
        double energy = 0.0;
        for (int s = 0; s < steps; s++) {
            double dTheta = omega;
            double dOmega = -9.81 / len * Math.sin(theta) - damping * omega;
            theta = theta + dt * dTheta;
            omega = omega + dt * dOmega;
            energy = 0.5 * len * len * omega * omega + 9.81 * len * (1 - Math.cos(theta));
        }
        return theta + energy;
    }

    /** 12. 1-D heat equation, explicit stencil, two buffers swapped by copying. */
    @Differentiable
    static double heat1d(double[] u0, double kappa, int steps) {
        int n = u0.length;
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = u0[i];
        }
        for (int s = 0; s < steps; s++) {
            v[0] = u[0];
            v[n - 1] = u[n - 1];
            for (int i = 1; i < n - 1; i++) {
                v[i] = u[i] + kappa * (u[i - 1] - 2 * u[i] + u[i + 1]);
            }
            for (int i = 0; i < n; i++) {
                u[i] = v[i];
            }
        }
        double e = 0;
        for (int i = 0; i < n; i++) {
            e += u[i] * u[i] * (i + 1);
        }
        return e;
    }

    /** 12b. Heat equation ping-pong: even steps u->v, odd steps v->u. */
    @Differentiable
    static double heatPingPong(double[] u0, double kappa, int steps) {
        int n = u0.length;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = u0[i];
        }
        for (int s = 0; s < steps; s++) {
            if (s % 2 == 0) {
                b[0] = a[0];
                b[n - 1] = a[n - 1];
                for (int i = 1; i < n - 1; i++) {
                    b[i] = a[i] + kappa * (a[i - 1] - 2 * a[i] + a[i + 1]);
                }
            } else {
                a[0] = b[0];
                a[n - 1] = b[n - 1];
                for (int i = 1; i < n - 1; i++) {
                    a[i] = b[i] + kappa * (b[i - 1] - 2 * b[i] + b[i + 1]);
                }
            }
        }
        double e = 0;
        for (int i = 0; i < n; i++) {
            e += (steps % 2 == 0 ? a[i] : b[i]) * Math.sin(i + 1.0);
        }
        return e;
    }

    /** 13. Bouncing ball: explicit Euler with a data-dependent bounce (branch) and restitution. */
    @Differentiable(wrt = {"h0", "v0", "restitution", "drag"})
    static double bouncingBall(double h0, double v0, double restitution, double drag, double dt, int steps) {
        double h = h0;
        double v = v0;
        int bounces = 0;
        for (int s = 0; s < steps; s++) {
            v -= (9.81 + drag * v * Math.abs(v)) * dt;
            h += v * dt;
            if (h < 0) {
                h = -h * restitution;
                v = -v * restitution;
                bounces++;
                if (bounces > 3) {
                    break;
                }
            }
        }
        return h + 0.1 * v * v;
    }

    /** 14. Projectile: integrate until the ground is hit (data-dependent while trip count), then interpolate. */
    @Differentiable(wrt = {"speed", "angle", "drag"})
    static double projectileRange(double speed, double angle, double drag) {
        double x = 0;
        double y = 0;
        double vx = speed * Math.cos(angle);
        double vy = speed * Math.sin(angle);
        double dt = 0.01;
        double px = 0;
        double py = 0;
        int guard = 0;
        while (y >= 0 && guard < 100000) {
            px = x;
            py = y;
            double v = Math.sqrt(vx * vx + vy * vy);
            vx -= drag * v * vx * dt;
            vy -= (9.81 + drag * v * vy) * dt;
            x += vx * dt;
            y += vy * dt;
            guard++;
        }
        // linear interpolation to y = 0 between the last two points
        double t = py / (py - y);
        return px + t * (x - px);
    }
}
