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

    /** One step of symplectic Euler, returned as a new record (inlined into its callers). */
    static State step(State s, Spring p, double dt) {
        return new State(s.x() + dt * (s.v() - dt * (p.k() * s.x() + p.damping() * s.v())),
                s.v() - dt * (p.k() * s.x() + p.damping() * s.v()));
    }

    /** {@link #simulate} with the step written as a helper returning the next state. */
    @Differentiable
    static double simulateWithHelper(Spring p, double x0, double v0, int steps) {
        State s = new State(x0, v0);
        for (int i = 0; i < steps; i++) {
            s = step(s, p, 0.05);
        }
        return s.energy(p.k()) + s.x;
    }

    /** A kick whose parameter names are also the caller's names, with other meanings there. */
    static State kick(State s, double x) {
        return new State(Math.sin(s.x()) * Math.PI, s.v() + x * x);
    }

    /** Stamps a state: a helper returning a nested record that builds its own State. */
    static Stamped stamp(State s, double t, int n) {
        return new Stamped(kick(s, t), t + 1, n + 1);
    }

    /** Helpers called with expressions, a new record and names the helpers reuse. */
    @Differentiable
    static double helpersWithSharedNames(double a, double b, int steps) {
        State s = new State(a, b);
        double x = 0.25 * b;
        for (int i = 0; i < steps; i++) {
            s = kick(new State(s.v(), s.x()), s.x() * x);
        }
        var st = stamp(s, a * x, 2);
        return st.s().x() * st.t() + st.s().v() + st.step() + s.x();
    }
}
