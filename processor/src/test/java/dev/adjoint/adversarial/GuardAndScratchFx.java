package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Writes placed against the zero-adjoint guard (a reverse loop skipped when its adjoint is 0 must
 * still restore what it overwrote and balance the tape), scratch arrays read outside their
 * iteration, loop bounds that change, and helpers returning their argument.
 */
final class GuardAndScratchFx {
    private GuardAndScratchFx() {
    }

    static double total(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s;
    }

    static double[] scaled(double[] y, double c) {
        for (int k = 0; k < y.length; k++) {
            y[k] *= c;
        }
        return y;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double guardSkipsLoopThatOverwrites(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * y[i] * y[i];
        }
        double t = 0;
        for (int i = 0; i < y.length; i++) {
            t += y[i];
            y[i] = 0.5 * y[i] * y[i] + 1;
        }
        return x[0] > 100 ? t : s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double guardSkipsLoopThatRecords(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < y.length; i++) {
                s = Math.sin(s) + y[i];
            }
        }
        double t = 0;
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < y.length; i++) {
                t = Math.sin(t) * y[i];
                y[i] = Math.cos(y[i]);
            }
        }
        return x[1] > 100 ? t : s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double guardSkipsHelperLoop(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += Math.exp(y[i]) * y[i];
        }
        double t = 0;
        for (int i = 0; i < y.length; i++) {
            t += total(scaled(y, 1.5));
        }
        return x[2] > 100 ? t : s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double scratchReadNextIteration(double[] x) {
        double[] w = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            w[i] = x[i] * x[i];
            if (i > 0) {
                s += w[i - 1] * w[i];
            }
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double scratchReadAfterThroughHelper(double[] x) {
        double[] w = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            w[i] = Math.sin(x[i]);
            s += w[i] * x[i];
        }
        return s * total(w);
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double scratchReadThroughAlias(double[] x) {
        double[] w = new double[x.length];
        double[] v = w;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            w[i] = x[i] * x[i];
            s += w[i];
        }
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            t += v[i] * x[i];
        }
        return s * t;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double scratchOverwrittenInFusedPair(double[] x) {
        double[] w = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            w[i] = x[i] * x[i];
            s += w[i];
        }
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            w[i] = w[i] * x[i];
            t += w[i] * w[i];
        }
        return s + t + w[1];
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double boundArrayReassigned(double[] x) {
        double[] y = x.clone();
        double[] z = new double[x.length - 1];
        for (int i = 0; i < z.length; i++) {
            z[i] = x[i + 1] * 2;
        }
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * y[i];
            if (i == 1) {
                y = z;
            }
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double writeThroughReturnedArgument(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            scaled(y, 0.8)[i] += a;
            s += a * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double oldNameWrittenAfterHandOver(double[] x) {
        double[] h = x.clone();
        double s = 0;
        for (int t = 0; t < 3; t++) {
            double[] next = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                next[i] = Math.sin(h[i]) + x[i];
            }
            double[] old = h;
            h = next;
            old[0] = h[1] * h[2];
            s += old[0] * h[0] + old[1];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double strideLocalsWrittenBetween(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length / 2; i++) {
            s += y[2 * i] * y[2 * i] + y[2 * i + 1];
            y[2 * i] = s * 0.1 + y[2 * i + 1];
            s += y[2 * i] * y[2 * i + 1];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double aliasIndexWriteSameIteration(double[] x) {
        double[] y = x.clone();
        double[] z = y;
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i];
            z[(i + 1) % y.length] = a * a;
            s += a * y[(i + 1) % y.length] + Math.exp(y[i]);
        }
        return s;
    }
}
