package dev.adjoint.forward;

import dev.adjoint.Activations;
import dev.adjoint.Checkpointed;
import dev.adjoint.Differentiable;
import dev.adjoint.Losses;
import dev.adjoint.Mode;

/** Fixtures of forward mode and second order: one per construct the gradient supports. */
final class TangentFx {
    private TangentFx() {
    }

    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double math(double x, double y) {
        double a = Math.sin(x * y) + Math.exp(x) / (1 + y * y);
        double b = Math.atan2(y, x) * Math.sqrt(x * x + y * y) - Math.log1p(x * x);
        return a * b + Math.pow(x, 3) - Math.tanh(y) % 0.7;
    }

    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double branches(double x, double y) {
        double s;
        if (x > y) {
            s = x * x * y;
        } else if (x < -1) {
            s = Math.cos(x) + y;
        } else {
            s = x / y;
        }
        double t = x > 0 ? s * y : s * s;
        return t + Math.max(x, y) * Math.abs(y);
    }

    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double loops(double x, double y, int n) {
        double s = y;
        outer:
        for (int i = 0; i < n; i++) {
            s = Math.sin(s) * x + y;
            int k = 0;
            while (k < i) {
                k++;
                if (k == 3) {
                    continue;
                }
                s = s * 0.9 + x * k;
                if (s > 100) {
                    break outer;
                }
            }
            if (i == 7) {
                return s * s;
            }
        }
        int m = 0;
        do {
            s = s * x + 0.1;
            m++;
        } while (s * s < 0.01 && m < 5);
        return s;
    }

    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double arrays(double[] x, double[][] w, double scale) {
        double[] h = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            double z = 0;
            for (int i = 0; i < x.length; i++) {
                z += w[j][i] * x[i];
            }
            h[j] = Math.tanh(z) * scale;
        }
        double total = 0;
        for (double v : h) {
            total += v * v;
        }
        return total;
    }

    static double helper(double u, double v) {
        return u * Math.sin(v) + v * v;
    }

    static double power(double x, int n) {
        return n == 0 ? 1 : x * power(x, n - 1);
    }

    @Differentiable(modes = {Mode.TANGENT})
    static double calls(double x, double y, int n) {
        double a = helper(x, y) * helper(y, x);
        return a + power(x + y, n) + (x > 0 ? helper(a, 1) : 2);
    }

    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double network(double x, double y, double w1, double b1, double w2, double b2) {
        double z1 = w1 * x + b1;
        double a1 = Activations.sigmoid(z1);
        double z2 = w2 * a1 + b2;
        double a2 = Activations.softplus(z2);
        return Losses.squaredError(a2, y);
    }

    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double losses(double[] p, double[] t) {
        return Losses.mse(p, t) + Losses.softmaxCrossEntropy(p, 1);
    }

    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    @Checkpointed(every = 3)
    static double checkpointed(double x, double a, int n) {
        double s = x;
        for (int i = 0; i < n; i++) {
            s = Math.sin(s) * a + 0.1 * s * s;
        }
        return s;
    }

    /** Residuals of an exponential model at four times: more outputs than inputs. */
    @Differentiable(modes = {Mode.JACOBIAN, Mode.TANGENT}, wrt = {"p"})
    static double[] residuals(double[] p, double[] times, double[] observed) {
        double[] r = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            r[i] = p[0] * Math.exp(p[1] * times[i]) + p[2] - observed[i];
        }
        return r;
    }

    /** Two outputs of five inputs: reverse sweeps are fewer. */
    @Differentiable(modes = {Mode.JACOBIAN})
    static double[] pair(double[] x, double scale) {
        double[] out = new double[2];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
            out[1] += Math.sin(x[i] * scale);
        }
        out[0] = Math.sqrt(s) * scale;
        return out;
    }

    /** The seed's two-layer network, as the seed writes it. */
    @Differentiable(modes = Mode.HESSIAN)
    static double seed(double x, double y, double w1, double b1, double w2, double b2) {
        double z1 = w1 * x + b1;
        double a1 = Activations.relu(z1);
        double z2 = w2 * a1 + b2;
        double a2 = Activations.relu(z2);
        return Losses.squaredError(a2, y);
    }
}
