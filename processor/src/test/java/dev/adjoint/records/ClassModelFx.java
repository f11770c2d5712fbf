package dev.adjoint.records;

import dev.adjoint.Differentiable;

/**
 * A class (not a record) whose fields are final (issue 17): its instance methods are
 * differentiated with respect to the receiver, whose gradient is a ClassModelFxGrad.Gradient.
 */
final class ClassModelFx {
    /** A nested record field: its gradient is a Spring inside the Gradient. */
    record Spring(double k, double rest) {}

    final double[] w;
    final double b;
    final double[][] m;
    final Spring spring;
    final int n;
    final String name;

    ClassModelFx(double[] w, double b, double[][] m, Spring spring, String name) {
        this.w = w.clone();
        this.b = b;
        this.m = m;
        this.spring = spring;
        this.n = w.length;
        this.name = name;
    }

    /** Fields read by name, through this, and a nested record's accessor; a helper on this. */
    @Differentiable
    double loss(double[] x) {
        double s = b;
        for (int i = 0; i < n; i++) {
            s += this.w[i] * Math.sin(x[i]);
        }
        double q = 0;
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                q += row[j] * row[j] * x[j % x.length];
            }
        }
        double stretch = s - spring.rest();
        return 0.5 * spring.k() * stretch * stretch + q + penalty(0.25);
    }

    /** A helper of the class, differentiated because a gradient calls it. */
    double penalty(double lambda) {
        double p = 0;
        for (double v : w) {
            p += v * v;
        }
        return lambda * p + Math.exp(b);
    }

    /** The receiver only, a component path in wrt, a call on this. */
    @Differentiable(wrt = {"self.w"})
    double onlyW(double t) {
        return t * this.penalty(t) + w[0] * b;
    }

    /** A parameter only: the fields are read, not differentiated. */
    @Differentiable(wrt = {"t"})
    double readsFields(double t) {
        return fieldTerm(t);
    }

    /** The body of readsFields, differentiated with respect to self too where both calls it. */
    double fieldTerm(double t) {
        return Math.cos(t * w[1]) + b * t * t;
    }

    /** Calls between annotated instance methods. */
    @Differentiable
    double both(double[] x, double t) {
        return loss(x) * fieldTerm(t) + this.penalty(t);
    }

    /** A method named like a field: a method, not the field. */
    double b() {
        return 3 * b;
    }

    @Differentiable
    double callsLikeAField(double t) {
        return b() * t + this.b() * b;
    }
}
