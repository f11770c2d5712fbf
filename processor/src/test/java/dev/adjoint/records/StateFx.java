package dev.adjoint.records;

import dev.adjoint.Differentiable;

/** Records as local values (issue 17, step 4): the per-step state of a simulation. */
final class StateFx {
    private StateFx() {
    }

    /** A particle's position and velocity. */
    record State(double x, double v) {
        /** Its energy in a spring of stiffness k. */
        double energy(double k) {
            return 0.5 * v * v + 0.5 * k * x * x;
        }
    }

    /** A spring's parameters. */
    record Spring(double k, double damping) {
    }

    /** A state with its time, nested. */
    record Stamped(State s, double t, int step) {
    }

    /** Symplectic Euler: the state reassigned with a new record each step. */
    @Differentiable
    static double simulate(Spring p, double x0, double v0, int steps) {
        double dt = 0.05;
        State s = new State(x0, v0);
        for (int i = 0; i < steps; i++) {
            double v = s.v() - dt * (p.k() * s.x() + p.damping() * s.v());
            s = new State(s.x() + dt * v, v);
        }
        return s.energy(p.k()) + s.x;
    }

    /** Both components read from the old state in the new one's arguments. */
    @Differentiable
    static double rotate(double x0, double y0, double angle, int steps) {
        State s = new State(x0, y0);
        for (int i = 0; i < steps; i++) {
            s = new State(Math.cos(angle) * s.x() - Math.sin(angle) * s.v(),
                    Math.sin(angle) * s.x() + Math.cos(angle) * s.v());
        }
        State last = s;
        return last.x() * last.x() + 3 * last.v();
    }

    /** A nested record local, built from a parameter's values and copied. */
    @Differentiable
    static double nestedLocal(Spring p, double x0) {
        var st = new Stamped(new State(x0, p.k()), 0.5, 3);
        for (int i = 0; i < st.step(); i++) {
            st = new Stamped(new State(st.s().x() * p.damping() + st.t(), st.s().v()), st.t() * 2,
                    st.step());
        }
        return st.s().x() * st.s().v() + st.t();
    }
}
