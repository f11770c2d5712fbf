package dev.adjoint.records;

import dev.adjoint.Differentiable;
import dev.adjoint.records.StateFx.Spring;
import dev.adjoint.records.StateFx.State;

/**
 * Helpers that compute locals and then return a new record (issue 17): inlined where a record
 * local takes their value, with their locals in a scope of their own, in loops too.
 */
final class StepsFx {
    private StepsFx() {
    }

    /** Velocity Verlet with damping: locals named like the caller's (x, v), read and reused. */
    static State leapfrog(State s, Spring p, double dt) {
        double a = -(p.k() * s.x() + p.damping() * s.v());
        double vHalf = s.v() + 0.5 * dt * a;
        double x = s.x() + dt * vHalf;
        double a2 = -(p.k() * x + p.damping() * vHalf);
        double v = vHalf + 0.5 * dt * a2;
        return new State(x, v);
    }

    /** Symplectic Euler in n substeps: a loop (with the caller's counter name) in the helper. */
    static State substeps(State s, double k, double dt, int n) {
        double x = s.x();
        double v = s.v();
        for (int i = 0; i < n; i++) {
            v -= dt * k * x;
            x += dt * v;
        }
        return new State(x, v);
    }

    /** A record local in the helper, reassigned, a branch, and another helper inlined in it. */
    static State bounce(State s, Spring p, double dt) {
        State mid = leapfrog(s, p, 0.5 * dt);
        if (mid.x() < 0) {
            mid = new State(-mid.x(), -mid.v());
        }
        double[] buf = {mid.x(), mid.v()};
        buf[1] *= 1 - p.damping() * dt;
        return new State(buf[0], buf[1] + Math.sin(buf[0]) * dt);
    }

    /** The per-step state of a simulation, each step a helper of several statements. */
    @Differentiable
    static double simulate(Spring p, double x0, double v0, int steps) {
        State s = new State(x0, v0);
        double x = 0;
        for (int i = 0; i < steps; i++) {
            s = leapfrog(s, p, 0.05);
            x += s.x();
        }
        return s.energy(p.k()) + x;
    }

    /** A helper with a loop, called in a loop, and assigned to a var. */
    @Differentiable
    static double substepped(double x0, double v0, double k, int steps) {
        State s = new State(x0, v0);
        for (int i = 0; i < steps; i++) {
            s = substeps(s, k, 0.1, 3);
        }
        var last = substeps(s, k, 0.2, 1);
        return last.x() * last.v() + s.x();
    }

    /** One substep: x1 = x0 + dt (v0 - dt k x0), for an exact check. */
    @Differentiable
    static double oneSubstep(double x0, double v0, double k) {
        State s = substeps(new State(x0, v0), k, 0.1, 1);
        return s.x();
    }

    /** A helper that calls a helper and branches, in a loop. */
    @Differentiable
    static double bouncing(Spring p, double x0, double v0, int steps) {
        State s = new State(x0, v0);
        for (int i = 0; i < steps; i++) {
            s = bounce(s, p, 0.2);
        }
        return s.x() + 0.5 * s.v() * s.v();
    }
}
