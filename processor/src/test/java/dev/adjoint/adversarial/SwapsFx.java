package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Swaps against writes: a helper that swaps its two parameters before writing through one, a
 * time-stepping swap that hands the written parameter's array over, a temporary read through one
 * name and overwritten through the other.
 */
final class SwapsFx {
    private SwapsFx() {
    }

    static void swapWrite(double[] u, double[] v, boolean flip) {
        if (flip) {
            double[] t = u;
            u = v;
            v = t;
        }
        for (int k = 0; k < u.length; k++) {
            u[k] = u[k] * 0.5 + v[k] * v[k];
        }
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double helperSwapsItsParameters(double[] x) {
        double[] a = x.clone();
        double[] b = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Math.sin(x[i]);
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double t = a[i] * b[i];
            swapWrite(a, b, i % 2 == 1);
            s += t * a[i] + b[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double parameterHandedOverBySwap(double[] x) {
        double[] u = x;
        double[] v = new double[x.length];
        double s = 0;
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < x.length; i++) {
                double a = u[i] * u[i];
                v[i] = a * 0.5 + u[(i + 1) % x.length];
                u[i] = a - v[i];
                s += a * u[i];
            }
            double[] tmp = u;
            u = v;
            v = tmp;
        }
        return s + x[0] * x[1];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double readOneNameWriteTheOther(double[] x) {
        double[] u = x.clone();
        double[] v = new double[x.length];
        double s = 0;
        for (int t = 0; t < 4; t++) {
            double[] tmp = u;
            u = v;
            v = tmp;
            for (int i = 0; i < x.length; i++) {
                double a = v[i] * v[i];
                tmp[i] = Math.cos(a);
                s += a * v[i];
                u[i] += tmp[i];
            }
        }
        return s;
    }
}
