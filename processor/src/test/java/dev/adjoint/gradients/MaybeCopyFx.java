package dev.adjoint.gradients;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Helpers returning the array they received on one path and a new array on another (issue 13,
 * Gaps.maybeCopy): the caller's result is chosen by reference identity, and its shadow with it.
 */
final class MaybeCopyFx {
    private MaybeCopyFx() {
    }

    /** The argument, or a copy with its first element doubled. */
    static double[] maybeCopy(double[] v, boolean copy) {
        if (copy) {
            double[] w = v.clone();
            w[0] = 2 * w[0];
            return w;
        }
        return v;
    }

    /** The first argument, the second, or a new array, by the sign of s. */
    static double[] either(double[] u, double[] v, double s) {
        if (s > 0.5) {
            return u;
        }
        if (s < -0.5) {
            return v;
        }
        return new double[] {s * u[0], v[1] * v[1]};
    }

    /** Returns maybeCopy's result: it may return its argument too. */
    static double[] passOn(double[] v, double c) {
        return maybeCopy(v, c > 0);
    }

    /** Reads through q and the original after the call. */
    @Differentiable
    static double reads(double[] x, double c) {
        double[] q = maybeCopy(x, c > 0);
        return q[0] * q[1] + x[0] * c + Math.sin(q[2]) * x[1];
    }

    /** Writes through q and through x after the call, then reads both. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double writes(double[] x, double c) {
        double[] w = {x[0] * c, x[1] + c, x[2]};
        double[] q = maybeCopy(w, c > 0);
        double before = w[0] * q[1];
        q[1] = q[1] * q[0] + c;
        w[0] = Math.cos(w[0]) * q[2];
        return before + q[0] * q[1] + w[0] * w[1] + q[2] * w[2];
    }

    /** The result of a helper that returns maybeCopy's result. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double passed(double[] x, double c) {
        double[] q = passOn(x, c);
        return q[0] * q[1] * q[1] + x[0];
    }

    /** Two candidate arguments and a new array. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double chooses(double[] x, double[] y, double s) {
        double[] q = either(x, y, s);
        q[0] = q[0] * s;
        return q[0] * q[1] + x[0] * y[1];
    }

    /** In a loop: the path changes with the iteration, and q is written through. */
    @Differentiable
    static double inLoop(double[] x, int k) {
        double[] h = {x[0], x[1], x[2]};
        double s = 0;
        for (int i = 0; i < 4; i++) {
            double[] q = maybeCopy(h, (i + k) % 2 == 1);
            s += q[0] * q[1];
            q[1] = Math.sin(q[1]) + q[0];
            h[2] = h[2] * q[1];
        }
        return s + h[0] * h[1] * h[2];
    }

    /** A constant table as the candidate: an active value is written through q into it. */
    @Differentiable
    static double intoConstant(double a, boolean copy) {
        double[] k = {1.5, -0.5};
        double[] q = maybeCopy(k, copy);
        q[1] = a * q[1];
        return k[1] * a + q[0] * q[1];
    }

    /** Time stepping: the array reassigned to the call's result, written through each step. */
    @Differentiable
    static double stepping(double[] x, int k) {
        double[] h = {x[0], x[1], x[2]};
        for (int i = 0; i < 5; i++) {
            h = maybeCopy(h, (i + k) % 3 == 0);
            h[1] = h[1] * Math.cos(h[0]) + h[2];
        }
        return h[0] * h[1] + h[2];
    }
}
