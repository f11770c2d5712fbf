package dev.adjoint.forward;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Fixtures of forward mode on records: a record parameter, a nested record with an array and a
 * component that carries no derivative, wrt restricting components, an instance method of a
 * record (self), and a class of final fields (its direction is a Gradient).
 */
final class RecordTangentFx {
    private RecordTangentFx() {
    }

    /** A plain record. */
    record P(double a, double b) {
    }

    /** A nested record, an array and an int that carries no derivative. */
    record Net(P p, double[] w, int n) {
    }

    @Differentiable(modes = Mode.TANGENT)
    static double norm(P p, double s) {
        return s * Math.sin(p.a() * p.b()) + p.a() * p.a() + Math.exp(p.b()) * s;
    }

    @Differentiable(modes = Mode.TANGENT)
    static double net(double x, Net q) {
        double s = q.p().a() * x;
        for (int i = 0; i < q.n(); i++) {
            s += Math.tanh(q.w()[i] * x + q.p().b()) * s;
        }
        return s * s + Math.log1p(q.p().b() * q.p().b());
    }

    @Differentiable(wrt = {"q.p.a", "q.w", "x"}, modes = Mode.TANGENT)
    static double some(double x, Net q) {
        double s = q.p().a() * x + q.p().b();
        for (int i = 0; i < q.n(); i++) {
            s += q.w()[i] * Math.sin(s * x);
        }
        return s * s;
    }

    /** Residuals of a record (5 values, 2 + 2 columns: forward sweeps). */
    @Differentiable(modes = {Mode.TANGENT, Mode.JACOBIAN})
    static double[] residuals(P p, double[] t) {
        double[] r = new double[5];
        for (int i = 0; i < 5; i++) {
            r[i] = p.a() * Math.exp(p.b() * i) - t[i % 2] * i;
        }
        return r;
    }

    /** Residuals of a nested record under wrt (2 values, 1 + 3 + 1 columns: reverse sweeps). */
    @Differentiable(wrt = {"q.p.b", "q.w", "x"}, modes = Mode.JACOBIAN)
    static double[] fit(Net q, double x) {
        double s = q.p().a() + q.p().b() * x;
        for (int i = 0; i < q.n(); i++) {
            s += q.w()[i] * Math.sin(i + x);
        }
        return new double[] {s * s, Math.cos(s) * x};
    }

    /** An instance method of a record: the receiver is differentiated as self. */
    record Model(double w, double b, double[] v) {
        @Differentiable(modes = Mode.TANGENT)
        double loss(double x) {
            double s = w * x + b;
            for (double e : v) {
                s = s * e + Math.cos(x * e) + shift(e);
            }
            return s * s;
        }

        /** A method of the record the tangent calls through its entry point over the leaves. */
        double shift(double t) {
            return b * t * t + Math.sin(w * t);
        }
    }

    /** A call to the record parameter's method: its tangent entry point takes the leaves. */
    @Differentiable(modes = Mode.TANGENT)
    static double viaModel(Model m, double x) {
        return m.loss(x) * x + m.shift(x);
    }

    /** A class of final fields: its direction is a RecordTangentFxGrad.Gradient. */
    static final class Layer {
        final double[] w;
        final P bias;
        final int n;

        Layer(double[] w, P bias) {
            this.w = w.clone();
            this.bias = bias;
            this.n = w.length;
        }

        @Differentiable(modes = Mode.TANGENT)
        double out(double x) {
            double s = bias.a();
            for (int i = 0; i < n; i++) {
                s += Math.sin(w[i] * x) * bias.b();
            }
            return s * x;
        }

        /** Two values; the columns are the receiver's (w[0], w[1], bias.a, bias.b), then x. */
        @Differentiable(modes = Mode.JACOBIAN)
        double[] outs(double x) {
            double s = bias.a();
            for (int i = 0; i < n; i++) {
                s += Math.sin(w[i] * x) * bias.b();
            }
            return new double[] {s * x, s * s};
        }
    }
}
