package dev.adjoint.forward;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Fixtures of second order on records: a record parameter, a nested record with an array and a
 * component that carries no derivative, wrt restricting components, an instance method of a
 * record (self) calling another of its methods, a class of final fields (its direction is a
 * Gradient), and static methods whose mHvp goes through a record helper and an instance helper.
 */
final class RecordHessianFx {
    private RecordHessianFx() {
    }

    /** A plain record. */
    record P(double a, double b) {
    }

    /** A nested record, an array and an int that carries no derivative. */
    record Net(P p, double[] w, int n) {
    }

    @Differentiable(modes = Mode.HESSIAN)
    static double norm(P p, double s) {
        return s * Math.sin(p.a() * p.b()) + p.a() * p.a() + Math.exp(p.b()) * s;
    }

    @Differentiable(modes = Mode.HESSIAN)
    static double net(double x, Net q) {
        double s = q.p().a() * x;
        for (int i = 0; i < q.n(); i++) {
            s += Math.tanh(q.w()[i] * x + q.p().b()) * s;
        }
        return s * s + Math.log1p(q.p().b() * q.p().b());
    }

    @Differentiable(wrt = {"q.p.a", "q.w", "x"}, modes = Mode.HESSIAN)
    static double some(double x, Net q) {
        double s = q.p().a() * x + q.p().b();
        for (int i = 0; i < q.n(); i++) {
            s += q.w()[i] * Math.sin(s * x);
        }
        return s * s;
    }

    /** An instance method of a record: the receiver is differentiated as self. */
    record Model(double w, double b, double[] v) {
        @Differentiable(modes = Mode.HESSIAN)
        double loss(double x) {
            double s = w * x + b;
            for (double e : v) {
                s = s * e + Math.cos(x * e) + shift(e);
            }
            return s * s;
        }

        /** A method of the record the Hessian goes through (its mAdjointJvp over the leaves). */
        double shift(double t) {
            return b * t * t + Math.sin(w * t);
        }
    }

    /** A static helper taking a record (its records are passed as their components). */
    @Differentiable
    static double energy(P p, double t) {
        return p.a() * Math.exp(p.b() * t) + p.b() * p.b() * t;
    }

    /** Through a record helper and an instance helper of a record parameter. */
    @Differentiable(modes = Mode.HESSIAN)
    static double through(Model m, P p, double x) {
        return m.loss(x) * x + m.shift(x) * energy(p, x) + energy(new P(x, p.a()), m.b());
    }

    /** Through a record helper, with plain parameters only (the record is a local). */
    @Differentiable(modes = Mode.HESSIAN)
    static double viaRecordHelper(double a, double b, double x) {
        return energy(new P(a, b * x), x) + Math.sin(a * b) * x;
    }

    /** A class of final fields: its direction is a RecordHessianFx_LayerGrad.Gradient. */
    static final class Layer {
        final double[] w;
        final double c;
        final int n;

        Layer(double[] w, double c) {
            this.w = w.clone();
            this.c = c;
            this.n = w.length;
        }

        @Differentiable(modes = Mode.HESSIAN)
        double out(double x) {
            double s = c * c;
            for (int i = 0; i < n; i++) {
                s += Math.sin(w[i] * x) * c + scale(w[i]);
            }
            return s * x;
        }

        /** An instance helper of the class, called on this. */
        double scale(double t) {
            return t * t * c;
        }
    }

    /** A sealed interface of records, dispatched by type: the receivers are constants. */
    sealed interface Act permits Cube, Wave {
        double apply(double z);
    }

    /** k z³. */
    record Cube(double k) implements Act {
        @Override
        public double apply(double z) {
            return k * z * z * z;
        }
    }

    /** k sin(z) z. */
    record Wave(double k) implements Act {
        @Override
        public double apply(double z) {
            return k * Math.sin(z) * z;
        }
    }

    /** Through a dispatched call of a record's method (its mAdjointJvp over the leaves). */
    @Differentiable(modes = Mode.HESSIAN)
    static double act(Act act, double x, double y) {
        return act.apply(x * y) * x + act.apply(y);
    }

    /** A record passing itself on to a static method that takes it. */
    record Pair(double a, double b) {
        @Differentiable(modes = Mode.HESSIAN)
        double energy(double x) {
            return inner(this, x) * a + Math.cos(b * x);
        }

        @Differentiable
        static double inner(Pair r, double x) {
            return r.a() * r.b() * x * x + Math.exp(r.b() * x);
        }
    }
}
