package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directionalVector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * mHvp and mHessian through helpers that write into the arrays they receive (WritingFx), by
 * forward over reverse: the gradient's accessors equal the generated gradient's, the products
 * equal finite differences of the generated gradient along v, and RK4's equal Hipparchus'
 * Hessian times v.
 */
class WritingHessianTest {
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

    /** H·v against FD of the gradient along v. */
    private static void check(Function<double[], double[]> gradient, double[] x, double[] v,
            double[] hvp, double h) {
        close(directionalVector(gradient, x, v, h), hvp, "FD of the generated gradient along v");
    }

    @Test
    void rk4WithAnOutParameterRightHandSide() {
        double[] y0 = Y0.clone();
        double[] dy0 = DY0.clone();
        var hv = WritingFxGrad.rk4Hvp(y0, 1.7, 0.05, 40, dy0, -0.6);
        assertArrayEquals(Y0, y0, 0.0, "y0 untouched");
        assertArrayEquals(DY0, dy0, 0.0, "v untouched");
        assertEquals(WritingFx.rk4(Y0.clone(), 1.7, 0.05, 40), hv.value(), 0.0);
        var g = WritingFxGrad.rk4(Y0.clone(), 1.7, 0.05, 40);
        assertArrayEquals(concat(g.y0(), g.k()), concat(hv.y0(), hv.k()), 1e-12, "gradient");
        double[] hvp = concat(hv.y0Hvp(), hv.kHvp());
        check(p -> {
            var gp = WritingFxGrad.rk4(Arrays.copyOf(p, 2), p[2], 0.05, 40);
            return concat(gp.y0(), gp.k());
        }, concat(Y0, 1.7), concat(DY0, -0.6), hvp, 1e-4);
        ForwardCheck.Second ds = ForwardCheck.hipparchus(
                d -> WritingTangentTest.rk4(d, 0.05, 40), 0.9, -0.4, 1.7);
        assertArrayEquals(ds.times(concat(DY0, -0.6)), hvp, 1e-9, "Hipparchus H·v");
        var full = WritingFxGrad.rk4Hessian(Y0.clone(), 1.7, 0.05, 40);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(ds.hessian()[i], full.hessian()[i], 1e-9, "Hessian row " + i);
        }
    }

    @Test
    void eulerThroughAnAccumulatingAxpy() {
        var hv = WritingFxGrad.eulerHvp(Y0.clone(), 1.3, 0.1, 25, DY0.clone(), 0.4);
        assertEquals(WritingFx.euler(Y0.clone(), 1.3, 0.1, 25), hv.value(), 0.0);
        check(p -> {
            var gp = WritingFxGrad.euler(Arrays.copyOf(p, 2), p[2], 0.1, 25);
            return concat(gp.y0(), gp.k());
        }, concat(Y0, 1.3), concat(DY0, 0.4), concat(hv.y0Hvp(), hv.kHvp()), 1e-4);
    }

    @Test
    void predictorInALoop() {
        var hv = WritingFxGrad.trackHvp(Y0.clone(), 0.2, 15, DY0.clone(), -1.1);
        assertEquals(WritingFx.track(Y0.clone(), 0.2, 15), hv.value(), 0.0);
        check(p -> {
            var gp = WritingFxGrad.track(Arrays.copyOf(p, 2), p[2], 15);
            return concat(gp.s0(), gp.dt());
        }, concat(Y0, 0.2), concat(DY0, -1.1), concat(hv.s0Hvp(), hv.dtHvp()), 1e-4);
    }

    @Test
    void resultAndOutParameterAtOnce() {
        double[][] q = {{1.0, 0.5, -0.2}, {0.3, -1.1, 0.7}};
        double[] x = {0.4, -0.8, 1.3};
        double[][] dq = {{0.2, -0.1, 0.5}, {1.0, 0.3, -0.4}};
        double[] dx = {-0.3, 0.9, 0.6};
        var hv = WritingFxGrad.quadraticHvp(q, x, dq, dx);
        assertEquals(WritingFx.quadratic(q, x), hv.value(), 0.0);
        check(p -> {
            var gp = WritingFxGrad.quadratic(new double[][] {Arrays.copyOfRange(p, 0, 3),
                Arrays.copyOfRange(p, 3, 6)}, Arrays.copyOfRange(p, 6, 9));
            return concat(flat(gp.q()), gp.x());
        }, concat(flat(q), x), concat(flat(dq), dx), concat(flat(hv.qHvp()), hv.xHvp()), 1e-4);
    }

    @Test
    void matrixWrittenWholeAndByRow() {
        double[][] w = {{0.3, -0.7, 1.1}, {0.5, 0.2, -0.4}};
        double[] f = {1.3, -0.6};
        double[][] dw = {{1, 0.5, -0.5}, {0.25, -1, 0.75}};
        double[] df = {0.4, 0.8};
        var hv = WritingFxGrad.rowsHvp(w, f, 0.9, dw, df, -0.7);
        assertEquals(WritingFx.rows(w, f, 0.9), hv.value(), 0.0);
        check(p -> {
            var gp = WritingFxGrad.rows(new double[][] {Arrays.copyOfRange(p, 0, 3),
                Arrays.copyOfRange(p, 3, 6)}, Arrays.copyOfRange(p, 6, 8), p[8]);
            return concat(concat(flat(gp.w()), gp.f()), gp.a());
        }, concat(concat(flat(w), f), 0.9), concat(concat(flat(dw), df), -0.7),
                concat(concat(flat(hv.wHvp()), hv.fHvp()), hv.aHvp()), 1e-4);
    }

    @Test
    void chainOfWritingHelpersInALoop() {
        var hv = WritingFxGrad.chainedHvp(Y0.clone(), 0.8, 6, DY0.clone(), 0.3);
        assertEquals(WritingFx.chained(Y0.clone(), 0.8, 6), hv.value(), 0.0);
        check(p -> {
            var gp = WritingFxGrad.chained(Arrays.copyOf(p, 2), p[2], 6);
            return concat(gp.y0(), gp.k());
        }, concat(Y0, 0.8), concat(DY0, 0.3), concat(hv.y0Hvp(), hv.kHvp()), 1e-4);
    }

    @Test
    void recursiveWritingHelper() {
        double[] x = {0.3, -0.9, 1.4, 0.2};
        double[] dx = {0.5, 0.1, -0.8, 1.2};
        var hv = WritingFxGrad.recursiveHvp(x.clone(), 0.6, dx.clone(), -0.4);
        assertEquals(WritingFx.recursive(x.clone(), 0.6), hv.value(), 0.0);
        check(p -> {
            var gp = WritingFxGrad.recursive(Arrays.copyOf(p, 4), p[4]);
            return concat(gp.x(), gp.c());
        }, concat(x, 0.6), concat(dx, -0.4), concat(hv.xHvp(), hv.cHvp()), 1e-4);
    }

    @Test
    void privateHelperAndIntIndicesWritten() {
        double[] x = {0.3, -0.9, 1.4};
        double[] dx = {0.5, 0.1, -0.8};
        var hv = WritingFxGrad.viaPrivateHvp(x.clone(), 0.5, dx.clone(), 0.9);
        assertEquals(WritingFx.viaPrivate(x.clone(), 0.5), hv.value(), 0.0);
        check(p -> {
            var gp = WritingFxGrad.viaPrivate(Arrays.copyOf(p, 3), p[3]);
            return concat(gp.x(), gp.hi());
        }, concat(x, 0.5), concat(dx, 0.9), concat(hv.xHvp(), hv.hiHvp()), 1e-5);
        double[] v = {0.4, -0.2, 1.1, 0.6};
        double[] dv = {1, -0.5, 0.25, 0.7};
        var hi = WritingFxGrad.viaIndicesHvp(v.clone(), 1.2, dv.clone(), -0.3);
        assertEquals(WritingFx.viaIndices(v.clone(), 1.2), hi.value(), 0.0);
        check(p -> {
            var gp = WritingFxGrad.viaIndices(Arrays.copyOf(p, 4), p[4]);
            return concat(gp.x(), gp.c());
        }, concat(v, 1.2), concat(dv, -0.3), concat(hi.xHvp(), hi.cHvp()), 1e-5);
    }
}
