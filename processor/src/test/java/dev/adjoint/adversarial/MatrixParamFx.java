package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;
import java.util.Arrays;

/**
 * Writes into the rows of a double[][] parameter (entry copies written through to the caller)
 * placed against recomputed temporaries, sum loops and row aliases.
 */
final class MatrixParamFx {
    private MatrixParamFx() {
    }

    static void scale(double[] y, double c) {
        for (int k = 0; k < y.length; k++) {
            y[k] = y[k] * c;
        }
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double helperOnParameterRow(double[][] m) {
        m[0][0] = m[0][0] * 1.25;
        double s = 0;
        for (int i = 0; i < m[0].length; i++) {
            double a = m[0][i] * m[1][i];
            scale(m[1], 1.5);
            s += a * m[1][i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double rowAliasBetweenSumLoops(double[][] m) {
        double[] r = m[1];
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += m[1][i] * m[1][i];
        }
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.sin(r[i]) + m[0][i];
        }
        double t = 0;
        for (int i = 0; i < r.length; i++) {
            t += m[1][i] * m[0][i];
        }
        return s * t;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double rowNamesSwappedThenWritten(double[][] m) {
        double s = 0;
        double[] p = m[0];
        double[] q = m[1];
        for (int i = 0; i < p.length; i++) {
            double a = m[0][i] * m[0][i];
            double[] t = p;
            p = q;
            q = t;
            p[i] = p[i] * a;
            s += a * m[1][i] + m[0][i] * q[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double fillParameterRow(double[][] m) {
        double s = 0;
        for (int i = 0; i < m[0].length; i++) {
            double a = m[0][i] * m[1][i];
            Arrays.fill(m[0], a);
            s += a * m[0][i] + Math.exp(m[1][i]);
        }
        return s;
    }
}
