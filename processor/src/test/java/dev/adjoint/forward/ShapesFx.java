package dev.adjoint.forward;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;
import dev.adjoint.Partial;
import java.util.Arrays;

/** More shapes under forward mode: array-returning calls, switch, private helpers, rows. */
final class ShapesFx {
    private ShapesFx() {
    }

    @Differentiable(modes = {Mode.TANGENT, Mode.JACOBIAN})
    static double[] layer(double[][] w, double[] x) {
        double[] h = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            double[] row = w[j];
            double s = 0;
            for (double v : row) {
                s += v;
            }
            for (int i = 0; i < x.length; i++) {
                s += row[i] * x[i];
            }
            h[j] = Math.tanh(s);
        }
        return h;
    }

    private static double squash(double u, int kind) {
        switch (kind) {
            case 0:
                return u * u;
            case 1:
                return Math.sin(u);
            default:
                return u;
        }
    }

    @Differentiable(modes = Mode.TANGENT)
    static double network(double[][] w, double[] x, int kind) {
        double[] h = layer(w, x);
        double[] c = Arrays.copyOf(h, h.length);
        double total = 0;
        outer:
        for (int j = 0; j < c.length; j++) {
            for (int k = 0; k < 3; k++) {
                if (k == 2 && c[j] < -0.9) {
                    break outer;
                }
                total += squash(c[j] * (k + 1), kind);
            }
        }
        return total;
    }

    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
    static double over(double x) {
        return softClip(x) * x;
    }

    @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN}, wrt = "y")
    static double over(double x, double y) {
        return softClip(x * y) + y * y * x;
    }

    static double softClip(double u) {
        return u / (1 + Math.abs(u));
    }

    @Partial(of = "softClip", wrt = "u")
    private static double softClipDerivative(double u) {
        double d = 1 + Math.abs(u);
        return 1 / (d * d);
    }
}
