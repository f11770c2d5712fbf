package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directional;
import static dev.adjoint.forward.ForwardCheck.directionalVector;
import static dev.adjoint.forward.ForwardCheck.dot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * mTangent and mJacobian through helpers that write into the arrays they receive (WritingFx):
 * against finite differences of the original along the direction, against the generated
 * gradient (tangent = gradient · direction) and, for RK4, against Hipparchus.
 */
class WritingTangentTest {
    private static final double[] Y0 = {0.9, -0.4};
    private static final double[] DY0 = {0.7, 1.3};

    private static double[] concat(double[] a, double... b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] flat(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }

    /** The tangent against FD of the original along v and against gradient · v. */
    private static void check(ToDoubleFunction<double[]> f, double[] x, double[] v,
            double[] gradient, double tangent, double h) {
        close(directional(f, x, v, h), tangent, "FD of the original along v");
        double expected = dot(gradient, v);
        assertEquals(expected, tangent, 1e-10 * Math.max(1, Math.abs(expected)), "gradient · v");
    }

    @Test
    void rk4WithAnOutParameterRightHandSide() {
        double[] y0 = Y0.clone();
        double[] dy0 = DY0.clone();
        var t = WritingFxGrad.rk4Tangent(y0, 1.7, 0.05, 40, dy0, -0.6);
        assertEquals(WritingFx.rk4(Y0.clone(), 1.7, 0.05, 40), t.value(), 0.0);
        assertArrayEquals(Y0, y0, 0.0, "y0 untouched");
        assertArrayEquals(DY0, dy0, 0.0, "its direction untouched");
        var g = WritingFxGrad.rk4(Y0.clone(), 1.7, 0.05, 40);
        check(p -> WritingFx.rk4(Arrays.copyOf(p, 2), p[2], 0.05, 40), concat(Y0, 1.7),
                concat(DY0, -0.6), concat(g.y0(), g.k()), t.tangent(), 1e-4);
        ForwardCheck.Second ds = ForwardCheck.hipparchus(d -> rk4(d, 0.05, 40), 0.9, -0.4, 1.7);
        assertEquals(dot(ds.gradient(), concat(DY0, -0.6)), t.tangent(), 1e-10, "Hipparchus");
    }

    /** {@link WritingFx#rk4} over Hipparchus' DerivativeStructure: y0[0], y0[1], k. */
    static DerivativeStructure rk4(DerivativeStructure[] v, double h, int steps) {
        DerivativeStructure[] y = {v[0], v[1]};
        DerivativeStructure k = v[2];
        for (int s = 0; s < steps; s++) {
            DerivativeStructure[] k1 = rhs(y, k);
            DerivativeStructure[] k2 = rhs(axpy(y, 0.5 * h, k1), k);
            DerivativeStructure[] k3 = rhs(axpy(y, 0.5 * h, k2), k);
            DerivativeStructure[] k4 = rhs(axpy(y, h, k3), k);
            for (int i = 0; i < 2; i++) {
                y[i] = y[i].add(k1[i].add(k2[i].multiply(2)).add(k3[i].multiply(2)).add(k4[i])
                        .multiply(h / 6));
            }
        }
        return y[0].multiply(y[0]).add(y[1].multiply(0.5));
    }

    static DerivativeStructure[] rhs(DerivativeStructure[] y, DerivativeStructure k) {
        return new DerivativeStructure[] {y[1],
            k.negate().multiply(y[0].sin()).subtract(y[1].multiply(0.1))};
    }

    static DerivativeStructure[] axpy(DerivativeStructure[] y, double a,
            DerivativeStructure[] x) {
        return new DerivativeStructure[] {y[0].add(x[0].multiply(a)), y[1].add(x[1].multiply(a))};
    }

    @Test
    void eulerThroughAnAccumulatingAxpy() {
        var t = WritingFxGrad.eulerTangent(Y0.clone(), 1.3, 0.1, 25, DY0.clone(), 0.4);
        assertEquals(WritingFx.euler(Y0.clone(), 1.3, 0.1, 25), t.value(), 0.0);
        var g = WritingFxGrad.euler(Y0.clone(), 1.3, 0.1, 25);
        check(p -> WritingFx.euler(Arrays.copyOf(p, 2), p[2], 0.1, 25), concat(Y0, 1.3),
                concat(DY0, 0.4), concat(g.y0(), g.k()), t.tangent(), 1e-4);
    }

    @Test
    void predictorInALoop() {
        var t = WritingFxGrad.trackTangent(Y0.clone(), 0.2, 15, DY0.clone(), -1.1);
        assertEquals(WritingFx.track(Y0.clone(), 0.2, 15), t.value(), 0.0);
        var g = WritingFxGrad.track(Y0.clone(), 0.2, 15);
        check(p -> WritingFx.track(Arrays.copyOf(p, 2), p[2], 15), concat(Y0, 0.2),
                concat(DY0, -1.1), concat(g.s0(), g.dt()), t.tangent(), 1e-4);
    }

    @Test
    void resultAndOutParameterAtOnce() {
        double[][] q = {{1.0, 0.5, -0.2}, {0.3, -1.1, 0.7}};
        double[] x = {0.4, -0.8, 1.3};
        double[][] dq = {{0.2, -0.1, 0.5}, {1.0, 0.3, -0.4}};
        double[] dx = {-0.3, 0.9, 0.6};
        var t = WritingFxGrad.quadraticTangent(q, x, dq, dx);
        assertEquals(WritingFx.quadratic(q, x), t.value(), 0.0);
        var g = WritingFxGrad.quadratic(q, x);
        check(p -> WritingFx.quadratic(new double[][] {Arrays.copyOfRange(p, 0, 3),
                Arrays.copyOfRange(p, 3, 6)}, Arrays.copyOfRange(p, 6, 9)),
                concat(flat(q), x), concat(flat(dq), dx), concat(flat(g.q()), g.x()),
                t.tangent(), 1e-4);
    }

    @Test
    void matrixWrittenWholeAndByRow() {
        double[][] w = {{0.3, -0.7, 1.1}, {0.5, 0.2, -0.4}};
        double[] f = {1.3, -0.6};
        double[][] dw = {{1, 0.5, -0.5}, {0.25, -1, 0.75}};
        double[] df = {0.4, 0.8};
        var t = WritingFxGrad.rowsTangent(w, f, 0.9, dw, df, -0.7);
        assertEquals(WritingFx.rows(w, f, 0.9), t.value(), 0.0);
        var g = WritingFxGrad.rows(w, f, 0.9);
        check(p -> WritingFx.rows(new double[][] {Arrays.copyOfRange(p, 0, 3),
                Arrays.copyOfRange(p, 3, 6)}, Arrays.copyOfRange(p, 6, 8), p[8]),
                concat(concat(flat(w), f), 0.9), concat(concat(flat(dw), df), -0.7),
                concat(concat(flat(g.w()), g.f()), g.a()), t.tangent(), 1e-4);
    }

    @Test
    void chainOfWritingHelpersInALoop() {
        var t = WritingFxGrad.chainedTangent(Y0.clone(), 0.8, 6, DY0.clone(), 0.3);
        assertEquals(WritingFx.chained(Y0.clone(), 0.8, 6), t.value(), 0.0);
        var g = WritingFxGrad.chained(Y0.clone(), 0.8, 6);
        check(p -> WritingFx.chained(Arrays.copyOf(p, 2), p[2], 6), concat(Y0, 0.8),
                concat(DY0, 0.3), concat(g.y0(), g.k()), t.tangent(), 1e-4);
    }

    @Test
    void recursiveWritingHelper() {
        double[] x = {0.3, -0.9, 1.4, 0.2};
        double[] dx = {0.5, 0.1, -0.8, 1.2};
        var t = WritingFxGrad.recursiveTangent(x.clone(), 0.6, dx.clone(), -0.4);
        assertEquals(WritingFx.recursive(x.clone(), 0.6), t.value(), 0.0);
        var g = WritingFxGrad.recursive(x.clone(), 0.6);
        check(p -> WritingFx.recursive(Arrays.copyOf(p, 4), p[4]), concat(x, 0.6),
                concat(dx, -0.4), concat(g.x(), g.c()), t.tangent(), 1e-4);
    }

    @Test
    void privateHelperAndIntIndicesWritten() {
        double[] x = {0.3, -0.9, 1.4};
        double[] dx = {0.5, 0.1, -0.8};
        var t = WritingFxGrad.viaPrivateTangent(x.clone(), 0.5, dx.clone(), 0.9);
        assertEquals(WritingFx.viaPrivate(x.clone(), 0.5), t.value(), 0.0);
        var g = WritingFxGrad.viaPrivate(x.clone(), 0.5);
        check(p -> WritingFx.viaPrivate(Arrays.copyOf(p, 3), p[3]), concat(x, 0.5),
                concat(dx, 0.9), concat(g.x(), g.hi()), t.tangent(), 1e-5);
        double[] v = {0.4, -0.2, 1.1, 0.6};
        double[] dv = {1, -0.5, 0.25, 0.7};
        var ti = WritingFxGrad.viaIndicesTangent(v.clone(), 1.2, dv.clone(), -0.3);
        assertEquals(WritingFx.viaIndices(v.clone(), 1.2), ti.value(), 0.0);
        var gi = WritingFxGrad.viaIndices(v.clone(), 1.2);
        check(p -> WritingFx.viaIndices(Arrays.copyOf(p, 4), p[4]), concat(v, 1.2),
                concat(dv, -0.3), concat(gi.x(), gi.c()), ti.tangent(), 1e-5);
    }

    @Test
    void jacobianOfAVectorMethodThroughOutParameters() {
        var j = WritingFxGrad.flowJacobian(Y0.clone(), 1.4, 12);
        assertArrayEquals(WritingFx.flow(Y0.clone(), 1.4, 12), j.values(), 0.0);
        assertEquals(3, j.jacobian().length);
        double[] at = concat(Y0, 1.4);
        for (int k = 0; k < 3; k++) {
            double[] unit = new double[3];
            unit[k] = 1;
            double[] column = directionalVector(p -> WritingFx.flow(Arrays.copyOf(p, 2), p[2], 12),
                    at, unit, 1e-4);
            for (int i = 0; i < 3; i++) {
                close(column[i], j.jacobian()[i][k], "FD J[" + i + "][" + k + "]");
            }
        }
        for (int i = 0; i < 3; i++) {
            double[] seed = new double[3];
            seed[i] = 1;
            var row = WritingFxGrad.flow(Y0.clone(), 1.4, 12, seed);
            double[] expected = concat(row.y0(), row.k());
            for (int k = 0; k < 3; k++) {
                assertEquals(expected[k], j.jacobian()[i][k], 1e-10, "VJP row " + i);
            }
        }
    }
}
