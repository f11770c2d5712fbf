package dev.adjoint.gradients;

import java.util.Arrays;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/** Gradients through helpers that write into the arrays they receive (see OutParamsFx). */
class OutParamsTest {
    private static final double[] Y0 = {0.9, -0.4};

    private static double[] concat(double[] a, double... b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void rk4WithAnOutParameterRightHandSide() {
        double[] y0 = Y0.clone();
        var g = OutParamsFxGrad.rk4(y0, 1.7, 0.05, 40);
        Check.sameValue(OutParamsFx.rk4(Y0.clone(), 1.7, 0.05, 40), g.value());
        org.junit.jupiter.api.Assertions.assertArrayEquals(Y0, y0, 0.0, "y0 untouched");
        Check.fd(p -> OutParamsFx.rk4(Arrays.copyOf(p, 2), p[2], 0.05, 40), concat(Y0, 1.7),
                concat(g.y0(), g.k()));
    }

    @Test
    void eulerThroughAnAccumulatingAxpy() {
        var g = OutParamsFxGrad.euler(Y0.clone(), 1.3, 0.1, 25);
        Check.sameValue(OutParamsFx.euler(Y0.clone(), 1.3, 0.1, 25), g.value());
        Check.fd(p -> OutParamsFx.euler(Arrays.copyOf(p, 2), p[2], 0.1, 25), concat(Y0, 1.3),
                concat(g.y0(), g.k()));
    }

    @Test
    void predictorInALoop() {
        var g = OutParamsFxGrad.track(Y0.clone(), 0.2, 15);
        Check.sameValue(OutParamsFx.track(Y0.clone(), 0.2, 15), g.value());
        Check.fd(p -> OutParamsFx.track(Arrays.copyOf(p, 2), p[2], 15), concat(Y0, 0.2),
                concat(g.s0(), g.dt()));
    }

    @Test
    void resultAndOutParameterAtOnce() {
        double[][] q = {{1.0, 0.5, -0.2}, {0.3, -1.1, 0.7}};
        double[] x = {0.4, -0.8, 1.3};
        var g = OutParamsFxGrad.quadratic(q, x);
        Check.sameValue(OutParamsFx.quadratic(q, x), g.value());
        // r = sum_i (Qx)_i x_i (i < 2), s = sum_ij Q_ij x_j: exact gradients
        double[] qx = {0, 0};
        double s = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                qx[i] += q[i][j] * x[j];
            }
            s += qx[i];
        }
        double[] gx = new double[3];
        double[][] gq = new double[2][3];
        for (int i = 0; i < 2; i++) {
            gx[i] += qx[i];
            for (int j = 0; j < 3; j++) {
                gx[j] += q[i][j] * x[i] + s * q[i][j];
                gq[i][j] = x[j] * x[i] + s * x[j];
            }
        }
        Check.exact(gx, g.x(), "x");
        Check.exact(gq[0], g.q()[0], "q[0]");
        Check.exact(gq[1], g.q()[1], "q[1]");
    }

    @Test
    void helpersWritingAMatrixAndOneOfItsRows() {
        double[][] w = {{0.3, -0.6, 0.9}, {1.2, 0.4, -0.7}};
        double[] f = {1.4, -0.8};
        var g = OutParamsFxGrad.rows(w, f, 0.35);
        Check.sameValue(OutParamsFx.rows(w, f, 0.35), g.value());
        double[] x = concat(concat(concat(w[0], w[1]), f), 0.35);
        Check.fd(p -> OutParamsFx.rows(new double[][] {Arrays.copyOfRange(p, 0, 3),
                Arrays.copyOfRange(p, 3, 6)}, Arrays.copyOfRange(p, 6, 8), p[8]), x,
                concat(concat(concat(g.w()[0], g.w()[1]), g.f()), g.a()));
    }

    @Test
    void chainedVoidHelpers() {
        var g = OutParamsFxGrad.chained(Y0.clone(), 0.9, 6);
        Check.sameValue(OutParamsFx.chained(Y0.clone(), 0.9, 6), g.value());
        Check.fd(p -> OutParamsFx.chained(Arrays.copyOf(p, 2), p[2], 6), concat(Y0, 0.9),
                concat(g.y0(), g.k()));
    }

    @Test
    void recursiveWritingHelper() {
        double[] x = {0.2, -0.5, 0.8, 1.1};
        var g = OutParamsFxGrad.recursive(x, 0.6);
        Check.sameValue(OutParamsFx.recursive(x.clone(), 0.6), g.value());
        Check.fd(p -> OutParamsFx.recursive(Arrays.copyOf(p, 4), p[4]), concat(x, 0.6),
                concat(g.x(), g.c()));
    }

    @Test
    void privateVoidHelper() {
        double[] x = {0.7, -0.3, 0.5};
        var g = OutParamsFxGrad.viaPrivate(x, 0.6);
        Check.sameValue(OutParamsFx.viaPrivate(x.clone(), 0.6), g.value());
        Check.fd(p -> OutParamsFx.viaPrivate(Arrays.copyOf(p, 3), p[3]), concat(x, 0.6),
                concat(g.x(), g.hi()));
    }

    @Test
    void intArrayWrittenByAHelper() {
        double[] x = {0.7, -0.3, 0.2, 0.9};
        var g = OutParamsFxGrad.viaIndices(x, 1.3);
        Check.sameValue(OutParamsFx.viaIndices(x.clone(), 1.3), g.value());
        Check.fd(p -> OutParamsFx.viaIndices(Arrays.copyOf(p, 4), p[4]), concat(x, 1.3),
                concat(g.x(), g.c()));
    }

    @Test
    void rk4AgainstHipparchus() {
        double h = 0.05;
        int steps = 30;
        var g = OutParamsFxGrad.rk4(Y0.clone(), 1.7, h, steps);
        Check.hipparchus(v -> {
            DerivativeStructure[] y = {v[0], v[1]};
            DerivativeStructure k = v[2];
            for (int s = 0; s < steps; s++) {
                DerivativeStructure[] k1 = f(y, k);
                DerivativeStructure[] k2 = f(step(y, k1, 0.5 * h), k);
                DerivativeStructure[] k3 = f(step(y, k2, 0.5 * h), k);
                DerivativeStructure[] k4 = f(step(y, k3, h), k);
                for (int i = 0; i < 2; i++) {
                    y[i] = y[i].add(k1[i].add(k2[i].multiply(2)).add(k3[i].multiply(2)).add(k4[i])
                            .multiply(h / 6));
                }
            }
            return y[0].multiply(y[0]).add(y[1].multiply(0.5));
        }, concat(Y0, 1.7), concat(g.y0(), g.k()), "rk4");
    }

    private static DerivativeStructure[] f(DerivativeStructure[] y, DerivativeStructure k) {
        return new DerivativeStructure[] {y[1],
            k.negate().multiply(y[0].sin()).subtract(y[1].multiply(0.1))};
    }

    private static DerivativeStructure[] step(DerivativeStructure[] y, DerivativeStructure[] d,
            double c) {
        return new DerivativeStructure[] {y[0].add(d[0].multiply(c)), y[1].add(d[1].multiply(c))};
    }
}
