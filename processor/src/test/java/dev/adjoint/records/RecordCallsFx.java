package dev.adjoint.records;

import dev.adjoint.Differentiable;

/** Calls from one @Differentiable method to another that takes a record (issue 17). */
final class RecordCallsFx {
    private RecordCallsFx() {
    }

    /** Two scalars. */
    record Pair(double w, double b) {
    }

    /** A record with an array, a nested record and a size that carries no derivative. */
    record Net(double[] w, Pair p, int n) {
        /** Takes another record besides the receiver. */
        @Differentiable
        double fit(Pair q, double x) {
            return w[0] * q.w() * x + q.b() * p.b() + w[1] * Math.sin(q.w());
        }

        @Differentiable
        double loss(double x) {
            return w[0] * w[1] * x + p.w() * p.w() * n;
        }

        /** The receiver's own nested component, and the receiver's components, passed on. */
        @Differentiable
        double passesOwn(double x) {
            return inner(p, x) * inner(this.p(), w[0]) + fit(new Pair(w[1], x), x);
        }
    }

    @Differentiable
    static double inner(Pair p, double x) {
        return p.w() * Math.sin(x) + p.b() * p.b() * x;
    }

    /** The record parameter passed on as it is. */
    @Differentiable
    static double outer(Pair p, double x) {
        return inner(p, x) * x + p.w();
    }

    /** Calls in a loop. */
    @Differentiable
    static double inLoop(Pair p, double[] xs) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            s += inner(p, xs[i]) * xs[i];
        }
        return s;
    }

    /** A callee whose wrt leaves a component out. */
    @Differentiable(wrt = {"p.w", "x"})
    static double onlyW(Pair p, double x) {
        return p.w() * p.w() * x + p.b();
    }

    /** Calls it with the left-out component inactive. */
    @Differentiable(wrt = {"p.w", "x"})
    static double callsOnlyW(Pair p, double x) {
        return onlyW(p, x) * 2 + inner(p, x);
    }

    /** A record local and a new record passed. */
    @Differentiable
    static double locals(double w, double x) {
        Pair p = new Pair(w, 2.0 * w);
        return inner(p, x) + inner(new Pair(x * w, 1.5), w);
    }

    /** A record parameter outside wrt passed: its components are read through accessors. */
    @Differentiable(wrt = {"x"})
    static double opaque(Pair p, double x) {
        return inner(p, x) * x;
    }

    /** Methods of records called on record parameters, passing records and nested records. */
    @Differentiable
    static double netCalls(Net a, Net b, Pair q, double x) {
        return a.fit(q, x) + b.loss(x) * a.fit(b.p(), x) + inner(a.p(), x);
    }

    /** Nested records. */
    record Outer(Pair in, double[] v, String tag) {
    }

    /** A private callee: generated code calls its copy over the components. */
    @Differentiable
    private static double hidden(Pair p, double x) {
        return Math.exp(p.w() * x) - p.b();
    }

    /** A callee taking a nested record, differentiated with respect to a nested path only. */
    @Differentiable(wrt = {"o.in", "y"})
    static double deep(Outer o, double y) {
        return o.in().w() * o.in().b() * y + o.v()[0] * y;
    }

    /** Recursion through a record parameter. */
    @Differentiable
    static double power(Pair p, int n) {
        if (n == 0) {
            return p.b();
        }
        return p.w() * power(p, n - 1);
    }

    /** Nested record parameter, a nested record built here, a private callee, recursion. */
    @Differentiable(wrt = {"o.in", "y"})
    static double mixed(Outer o, double y) {
        Pair twice = new Pair(2 * y, o.in().b());
        return deep(o, y) + deep(new Outer(twice, o.v(), "t"), y) + hidden(o.in(), y)
                + power(twice, 3);
    }

    /** A class of final fields whose record field is passed on from its method. */
    static final class Body {
        final Pair spring;
        final double mass;

        Body(Pair spring, double mass) {
            this.spring = spring;
            this.mass = mass;
        }

        @Differentiable
        double energy(double x) {
            return mass * inner(spring, x) + inner(this.spring, mass * x);
        }
    }
}
