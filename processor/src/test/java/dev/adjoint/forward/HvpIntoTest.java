package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directionalVector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.forward.RecordHessianFx.Net;
import dev.adjoint.forward.RecordHessianFx.P;
import java.util.Arrays;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mHvpInto}, the Hessian-vector product added into caller arrays (the tangent of the
 * adjoint entry point seeded with exactly 1): the same value, gradient and H·v as {@code mHvp}
 * (equal, not merely close: the same sweeps), H·v against the closed form, Hipparchus
 * DerivativeStructure of order 2 and 5-point differences of the generated gradient, and the
 * accumulating convention (a second call adds as much again). Over {@link FusedHvpFx} (a fused
 * loop, a tape, a helper's {@code mAdjointJvp}, scalars only) and {@link RecordHessianFx}
 * (records flattened into leaves, as the adjoint entry point takes them).
 */
class HvpIntoTest {

    private static double[] point(int p, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        double[] x = new double[p];
        for (int i = 0; i < p; i++) {
            x[i] = 2 * rnd.nextDouble() - 1;
        }
        return x;
    }

    /** Equal values (a signed zero equals the other zero: {@code 0.0 + a} is how it adds). */
    private static void same(double expected, double actual, String what) {
        assertEquals(expected, actual, 0.0, what);
    }

    private static void same(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            same(expected[i], actual[i], what + "[" + i + "]");
        }
    }

    private static void twice(double[] once, double[] accumulated, String what) {
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], accumulated[i], 1e-13 * Math.max(1, Math.abs(once[i])),
                    what + "[" + i + "] after two calls");
        }
    }

    private static DerivativeStructure rosenbrock(DerivativeStructure[] x) {
        DerivativeStructure f = x[0].getField().getZero();
        for (int i = 0; i < x.length / 2; i++) {
            DerivativeStructure t1 = x[2 * i + 1].subtract(x[2 * i].multiply(x[2 * i]))
                    .multiply(10);
            DerivativeStructure t2 = x[2 * i].negate().add(1);
            f = f.add(t1.multiply(t1)).add(t2.multiply(t2));
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 6, 10})
    void rosenbrock(int p) {
        double[] x = point(p, 31 + p);
        double[] v = point(p, 37 + p);
        double[] none = new double[0];
        double[] grad = new double[p];
        double[] hv = new double[p];
        double value = FusedHvpFxGrad.rosenbrockHvpInto(x, v, none, none, grad, hv);
        FusedHvpFxGrad.RosenbrockHvp h = FusedHvpFxGrad.rosenbrockHvp(x, v);
        same(FusedHvpFx.rosenbrock(x), value, "value");
        same(h.x(), grad, "gradient");
        same(h.xHvp(), hv, "H·v");
        for (int i = 0; i < p / 2; i++) { // the 2×2 blocks
            double a = x[2 * i];
            double b = x[2 * i + 1];
            double haa = 1200 * a * a - 400 * b + 2;
            double hab = -400 * a;
            assertEquals(haa * v[2 * i] + hab * v[2 * i + 1], hv[2 * i], 1e-12, "closed form");
            assertEquals(hab * v[2 * i] + 200 * v[2 * i + 1], hv[2 * i + 1], 1e-12,
                    "closed form");
        }
        if (p > 0) {
            double[] ds = ForwardCheck.hipparchus(HvpIntoTest::rosenbrock, x).times(v);
            for (int i = 0; i < p; i++) {
                assertEquals(ds[i], hv[i], 1e-11 * Math.max(1, Math.abs(ds[i])), "Hipparchus");
            }
            close(directionalVector(q -> FusedHvpFxGrad.rosenbrock(q).x(), x, v, 1e-4), hv,
                    "FD of the gradient");
        }
        FusedHvpFxGrad.rosenbrockHvpInto(x, v, none, none, grad, hv);
        twice(h.x(), grad, "gradient");
        twice(h.xHvp(), hv, "H·v");
    }

    private static final double[][] XS = {{0.5, -1.0, 0.3}, {-0.2, 0.8, 1.1}, {1.5, 0.1, -0.7}};
    private static final double[] YS = {0.3, -0.5, 0.9};

    /** A scalar parameter (into adjoints[0]) beside an array, and a tape of its own. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void tanhUnit(long seed) {
        double[] w = point(3, seed);
        double b = 0.4 * seed - 0.7;
        double[] vw = point(3, seed + 40);
        double vb = -0.6;
        double[] adjoints = new double[1];
        double[] adjointsDot = new double[1];
        double[] wAdj = new double[3];
        double[] wAdjDot = new double[3];
        double value = FusedHvpFxGrad.tanhUnitHvpInto(w, b, XS, YS, vw, vb, adjoints,
                adjointsDot, wAdj, wAdjDot);
        FusedHvpFxGrad.TanhUnitHvp h = FusedHvpFxGrad.tanhUnitHvp(w, b, XS, YS, vw, vb);
        same(h.value(), value, "value");
        same(h.w(), wAdj, "gradient w");
        same(h.b(), adjoints[0], "gradient b");
        same(h.wHvp(), wAdjDot, "H·v w");
        same(h.bHvp(), adjointsDot[0], "H·v b");
        double[] at = {w[0], w[1], w[2], b};
        double[] v = {vw[0], vw[1], vw[2], vb};
        close(directionalVector(q -> {
            FusedHvpFxGrad.TanhUnitGradient r = FusedHvpFxGrad.tanhUnit(
                    new double[] {q[0], q[1], q[2]}, q[3], XS, YS);
            return new double[] {r.w()[0], r.w()[1], r.w()[2], r.b()};
        }, at, v, 1e-4), new double[] {wAdjDot[0], wAdjDot[1], wAdjDot[2], adjointsDot[0]},
                "FD of the gradient");
        FusedHvpFxGrad.tanhUnitHvpInto(w, b, XS, YS, vw, vb, adjoints, adjointsDot, wAdj,
                wAdjDot);
        twice(h.wHvp(), wAdjDot, "H·v w");
        twice(new double[] {h.bHvp()}, adjointsDot, "H·v b");
    }

    /** Through a helper: the reverse sweep calls its {@code mAdjointJvp}. */
    @ParameterizedTest
    @ValueSource(ints = {2, 8})
    void throughAHelper(int p) {
        double[] x = point(p, 21 + p);
        double[] vx = point(p, 23 + p);
        double[] adjoints = new double[1];
        double[] adjointsDot = new double[1];
        double[] xAdj = new double[p];
        double[] xAdjDot = new double[p];
        double value = FusedHvpFxGrad.callerHvpInto(x, 1.5, vx, -0.4, adjoints, adjointsDot, xAdj,
                xAdjDot);
        FusedHvpFxGrad.CallerHvp h = FusedHvpFxGrad.callerHvp(x, 1.5, vx, -0.4);
        same(h.value(), value, "value");
        same(h.x(), xAdj, "gradient x");
        same(h.c(), adjoints[0], "gradient c");
        same(h.xHvp(), xAdjDot, "H·v x");
        same(h.cHvp(), adjointsDot[0], "H·v c");
        double[] at = Arrays.copyOf(x, p + 1);
        at[p] = 1.5;
        double[] v = Arrays.copyOf(vx, p + 1);
        v[p] = -0.4;
        double[] hv = Arrays.copyOf(xAdjDot, p + 1);
        hv[p] = adjointsDot[0];
        close(directionalVector(q -> {
            FusedHvpFxGrad.CallerGradient r = FusedHvpFxGrad.caller(Arrays.copyOf(q, p), q[p]);
            double[] g = Arrays.copyOf(r.x(), p + 1);
            g[p] = r.c();
            return g;
        }, at, v, 1e-4), hv, "FD of the gradient");
    }

    /** Scalars only, a sum of calls kept in two sweeps (a tape). */
    @ParameterizedTest
    @ValueSource(doubles = {0.1179113628460211, -0.8})
    void scalarsOnly(double p1) {
        double p2 = -0.4670706597093821;
        double[] adjoints = new double[2];
        double[] adjointsDot = new double[2];
        double value = FusedHvpFxGrad.sumOfCallsHvpInto(p1, p2, -0.24, -0.18, adjoints,
                adjointsDot);
        FusedHvpFxGrad.SumOfCallsHvp h = FusedHvpFxGrad.sumOfCallsHvp(p1, p2, -0.24, -0.18);
        same(h.value(), value, "value");
        same(new double[] {h.p1(), h.p2()}, adjoints, "gradient");
        same(new double[] {h.p1Hvp(), h.p2Hvp()}, adjointsDot, "H·v");
    }

    /** Records come as their leaves: P's a and b, then s, into adjoints in that order. */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, -1.1})
    void aRecordParameter(double a) {
        double b = 0.7;
        double s = -1.3;
        double[] adjoints = new double[3];
        double[] adjointsDot = new double[3];
        double value = RecordHessianFxGrad.normHvpInto(a, b, s, 0.5, -0.2, 0.9, adjoints,
                adjointsDot);
        RecordHessianFxGrad.NormHvp h = RecordHessianFxGrad.normHvp(new P(a, b), s,
                new P(0.5, -0.2), 0.9);
        same(h.value(), value, "value");
        same(new double[] {h.p().a(), h.p().b(), h.s()}, adjoints, "gradient");
        same(new double[] {h.pHvp().a(), h.pHvp().b(), h.sHvp()}, adjointsDot, "H·v");
        double[] ds = ForwardCheck.hipparchus(d -> d[2].multiply(d[0].multiply(d[1]).sin())
                .add(d[0].multiply(d[0])).add(d[1].exp().multiply(d[2])),
                new double[] {a, b, s}).times(new double[] {0.5, -0.2, 0.9});
        for (int i = 0; i < 3; i++) {
            assertEquals(ds[i], adjointsDot[i], 1e-12 * Math.max(1, Math.abs(ds[i])),
                    "Hipparchus");
        }
    }

    /** A nested record with an array leaf (its adjoint array after adjoints) and an int. */
    @ParameterizedTest
    @ValueSource(doubles = {0.4, -0.9})
    void aNestedRecordWithAnArray(double x) {
        double[] w = {0.3, -0.5, 0.8};
        double[] dw = {0.1, 0.2, -0.3};
        double[] adjoints = new double[3];
        double[] adjointsDot = new double[3];
        double[] wAdj = new double[3];
        double[] wAdjDot = new double[3];
        double value = RecordHessianFxGrad.netHvpInto(x, 0.6, -0.2, w, 3, 0.7, -0.1, 0.4, dw,
                adjoints, adjointsDot, wAdj, wAdjDot);
        RecordHessianFxGrad.NetHvp h = RecordHessianFxGrad.netHvp(x, new Net(new P(0.6, -0.2), w,
                3), 0.7, new Net(new P(-0.1, 0.4), dw, 3));
        same(h.value(), value, "value");
        same(new double[] {h.x(), h.q().p().a(), h.q().p().b()}, adjoints, "gradient scalars");
        same(h.q().w(), wAdj, "gradient w");
        same(new double[] {h.xHvp(), h.qHvp().p().a(), h.qHvp().p().b()}, adjointsDot,
                "H·v scalars");
        same(h.qHvp().w(), wAdjDot, "H·v w");
    }

    /** A record's instance method: the receiver's leaves come last, as mAdjointJvp takes them. */
    @ParameterizedTest
    @ValueSource(doubles = {0.35, -0.6})
    void aRecordsInstanceMethod(double x) {
        double[] v = {0.4, -0.3};
        double[] dv = {0.2, 0.5};
        double[] adjoints = new double[3];
        double[] adjointsDot = new double[3];
        double[] vAdj = new double[2];
        double[] vAdjDot = new double[2];
        double value = RecordHessianFx_ModelGrad.lossHvpInto(x, 0.8, -0.1, v, 0.3, -0.7, 0.6, dv,
                adjoints, adjointsDot, vAdj, vAdjDot);
        RecordHessianFx_ModelGrad.LossHvp h = RecordHessianFx_ModelGrad.lossHvp(
                new RecordHessianFx.Model(0.8, -0.1, v), x,
                new RecordHessianFx.Model(-0.7, 0.6, dv), 0.3);
        same(h.value(), value, "value");
        same(new double[] {h.x(), h.self().w(), h.self().b()}, adjoints, "gradient scalars");
        same(h.self().v(), vAdj, "gradient v");
        same(new double[] {h.xHvp(), h.selfHvp().w(), h.selfHvp().b()}, adjointsDot,
                "H·v scalars");
        same(h.selfHvp().v(), vAdjDot, "H·v v");
    }
}
