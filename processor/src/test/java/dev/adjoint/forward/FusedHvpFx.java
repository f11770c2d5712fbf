package dev.adjoint.forward;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Second order over sums of independent terms, whose gradient runs each iteration's forward and
 * reverse in one fused loop: mHvp and mAdjointJvp take the tangent of that fused loop
 * ({@code FusedHvpTest} checks the values, {@code processor/FusedHvpSourceTest} the shape).
 */
final class FusedHvpFx {
    private FusedHvpFx() {
    }

    /** Extended Rosenbrock: a block-diagonal Hessian known in closed form. */
    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double rosenbrock(double[] x) {
        double f = 0;
        for (int i = 0; i < x.length / 2; i++) {
            double t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]);
            double t2 = 1 - x[2 * i];
            f += t1 * t1 + t2 * t2;
        }
        return f;
    }

    /**
     * A tanh unit per example, squared error, averaged: the reverse of the division after the
     * loop runs before the fused loop, the inner loop records on the tape.
     */
    @Differentiable(wrt = {"w", "b"}, modes = {Mode.TANGENT, Mode.HESSIAN})
    static double tanhUnit(double[] w, double b, double[][] xs, double[] ys) {
        double loss = 0;
        for (int n = 0; n < xs.length; n++) {
            double z = b;
            for (int i = 0; i < w.length; i++) {
                z += w[i] * xs[n][i];
            }
            double h = Math.tanh(z);
            double e = h - ys[n];
            loss += e * e;
        }
        return 0.5 * loss / xs.length;
    }

    /** Exponentials and square roots held in locals: their tangents read the locals. */
    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double expSum(double[] x, double a) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double u = Math.exp(a * x[i]);
            double r = Math.sqrt(1 + u * x[i] * x[i]);
            s += u * r;
        }
        return s / x.length;
    }

    /** The fused Rosenbrock as a helper: the caller's mHvp calls its mAdjointJvp. */
    static double scaledRosenbrock(double[] x, double c) {
        double f = 0;
        for (int i = 0; i < x.length / 2; i++) {
            double t1 = c * (x[2 * i + 1] - x[2 * i] * x[2 * i]);
            double t2 = 1 - x[2 * i];
            f += t1 * t1 + t2 * t2;
        }
        return f;
    }

    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double caller(double[] x, double c) {
        double r = scaledRosenbrock(x, c);
        return Math.log(1 + r) + c * scaledRosenbrock(x, 2);
    }

    static double cbrtTerm(double a, double b) {
        return Math.cbrt(2 + Math.sin(b));
    }

    /** Fuzz seed 15291730 (loopChain, sumTerms): a sum of calls, each reading the loop's locals. */
    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double sumOfCalls(double p1, double p2) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
            double u = p1;
            double v = 0;
            v += u * p2;
            s = s + cbrtTerm(u, v);
        }
        return s / 3;
    }
}
