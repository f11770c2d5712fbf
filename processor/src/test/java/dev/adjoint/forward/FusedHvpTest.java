package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directionalVector;
import static dev.adjoint.forward.ForwardCheck.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * mHvp over fused sum loops ({@link FusedHvpFx}): the value and gradient as the gradient method
 * gives them, H·v against the closed form where there is one, against Hipparchus
 * DerivativeStructure of order 2 and against 5-point differences of the generated gradient
 * along v; mHessian against Hipparchus.
 */
class FusedHvpTest {

    private static double[] point(int p, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        double[] x = new double[p];
        for (int i = 0; i < p; i++) {
            x[i] = 2 * rnd.nextDouble() - 1;
        }
        return x;
    }

    private static void nearly(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1, Math.abs(expected[i])),
                    what + "[" + i + "]");
        }
    }

    /** H·v of extended Rosenbrock from its 2×2 blocks. */
    private static double[] rosenbrockHv(double[] x, double[] v) {
        double[] hv = new double[x.length];
        for (int i = 0; i < x.length / 2; i++) {
            double a = x[2 * i];
            double b = x[2 * i + 1];
            double haa = 1200 * a * a - 400 * b + 2;
            double hab = -400 * a;
            hv[2 * i] = haa * v[2 * i] + hab * v[2 * i + 1];
            hv[2 * i + 1] = hab * v[2 * i] + 200 * v[2 * i + 1];
        }
        return hv;
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
        double[] x = point(p, 11 + p);
        double[] v = point(p, 17 + p);
        FusedHvpFxGrad.RosenbrockHvp h = FusedHvpFxGrad.rosenbrockHvp(x, v);
        assertEquals(FusedHvpFx.rosenbrock(x), h.value(), 0.0, "value");
        exact(FusedHvpFxGrad.rosenbrock(x).x(), h.x(), "gradient");
        nearly(rosenbrockHv(x, v), h.xHvp(), 1e-13, "closed form");
        if (p > 0) {
            hessianAgainstHipparchus(FusedHvpTest::rosenbrock, x, v, h.xHvp());
            close(directionalVector(q -> FusedHvpFxGrad.rosenbrock(q).x(), x, v, 1e-4),
                    h.xHvp(), "FD of the gradient");
            double[][] full = FusedHvpFxGrad.rosenbrockHessian(x).hessian();
            nearly(ForwardCheck.hipparchus(FusedHvpTest::rosenbrock, x).hessian()[0], full[0],
                    1e-12, "mHessian row 0");
        }
    }

    private static void hessianAgainstHipparchus(
            Function<DerivativeStructure[], DerivativeStructure> f, double[] at, double[] v,
            double[] hv) {
        ForwardCheck.Second ds = ForwardCheck.hipparchus(f, at);
        nearly(ds.times(v), hv, 1e-11, "Hipparchus");
    }

    private static final double[][] XS = {{0.5, -1.0, 0.3}, {-0.2, 0.8, 1.1}, {1.5, 0.1, -0.7},
        {0.0, -0.4, 0.9}};
    private static final double[] YS = {0.3, -0.5, 0.9, 0.1};

    private static DerivativeStructure tanhUnit(DerivativeStructure[] d) {
        DerivativeStructure loss = d[0].getField().getZero();
        for (int n = 0; n < XS.length; n++) {
            DerivativeStructure z = d[3];
            for (int i = 0; i < 3; i++) {
                z = z.add(d[i].multiply(XS[n][i]));
            }
            DerivativeStructure e = z.tanh().subtract(YS[n]);
            loss = loss.add(e.multiply(e));
        }
        return loss.multiply(0.5).divide(XS.length);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void tanhUnit(long seed) {
        double[] w = point(3, seed);
        double b = 0.4 * seed - 0.7;
        double[] vw = point(3, seed + 40);
        double vb = -0.6;
        FusedHvpFxGrad.TanhUnitHvp h = FusedHvpFxGrad.tanhUnitHvp(w, b, XS, YS, vw, vb);
        assertEquals(FusedHvpFx.tanhUnit(w, b, XS, YS), h.value(), 0.0, "value");
        FusedHvpFxGrad.TanhUnitGradient g = FusedHvpFxGrad.tanhUnit(w, b, XS, YS);
        exact(g.w(), h.w(), "gradient w");
        exact(g.b(), h.b(), "gradient b");
        double[] hv = {h.wHvp()[0], h.wHvp()[1], h.wHvp()[2], h.bHvp()};
        double[] at = {w[0], w[1], w[2], b};
        double[] v = {vw[0], vw[1], vw[2], vb};
        hessianAgainstHipparchus(FusedHvpTest::tanhUnit, at, v, hv);
        close(directionalVector(q -> {
            FusedHvpFxGrad.TanhUnitGradient r = FusedHvpFxGrad.tanhUnit(
                    new double[] {q[0], q[1], q[2]}, q[3], XS, YS);
            return new double[] {r.w()[0], r.w()[1], r.w()[2], r.b()};
        }, at, v, 1e-4), hv, "FD of the gradient");
    }

    private static DerivativeStructure expSum(DerivativeStructure[] d) {
        int p = d.length - 1;
        DerivativeStructure a = d[p];
        DerivativeStructure s = a.getField().getZero();
        for (int i = 0; i < p; i++) {
            DerivativeStructure u = a.multiply(d[i]).exp();
            DerivativeStructure r = u.multiply(d[i]).multiply(d[i]).add(1).sqrt();
            s = s.add(u.multiply(r));
        }
        return s.divide(p);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void expSum(int p) {
        double[] x = point(p, 5 + p);
        double a = 0.3 * p - 0.8;
        double[] vx = point(p, 9 + p);
        double va = 0.7;
        FusedHvpFxGrad.ExpSumHvp h = FusedHvpFxGrad.expSumHvp(x, a, vx, va);
        assertEquals(FusedHvpFx.expSum(x, a), h.value(), 0.0, "value");
        FusedHvpFxGrad.ExpSumGradient g = FusedHvpFxGrad.expSum(x, a);
        exact(g.x(), h.x(), "gradient x");
        exact(g.a(), h.a(), "gradient a");
        double[] at = concat(x, a);
        double[] v = concat(vx, va);
        double[] hv = concat(h.xHvp(), h.aHvp());
        hessianAgainstHipparchus(FusedHvpTest::expSum, at, v, hv);
        close(directionalVector(q -> {
            FusedHvpFxGrad.ExpSumGradient r = FusedHvpFxGrad.expSum(
                    java.util.Arrays.copyOf(q, p), q[p]);
            return concat(r.x(), r.a());
        }, at, v, 1e-4), hv, "FD of the gradient");
    }

    private static DerivativeStructure scaledRosenbrock(DerivativeStructure[] x,
            DerivativeStructure c, int p) {
        DerivativeStructure f = c.getField().getZero();
        for (int i = 0; i < p / 2; i++) {
            DerivativeStructure t1 = x[2 * i + 1].subtract(x[2 * i].multiply(x[2 * i]))
                    .multiply(c);
            DerivativeStructure t2 = x[2 * i].negate().add(1);
            f = f.add(t1.multiply(t1)).add(t2.multiply(t2));
        }
        return f;
    }

    private static DerivativeStructure caller(DerivativeStructure[] d) {
        int p = d.length - 1;
        DerivativeStructure c = d[p];
        DerivativeStructure r = scaledRosenbrock(d, c, p);
        DerivativeStructure two = c.getField().getZero().add(2);
        return r.add(1).log().add(c.multiply(scaledRosenbrock(d, two, p)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void throughTheAdjointJvpOfAFusedHelper(int p) {
        double[] x = point(p, 21 + p);
        double c = 1.5;
        double[] vx = point(p, 23 + p);
        double vc = -0.4;
        FusedHvpFxGrad.CallerHvp h = FusedHvpFxGrad.callerHvp(x, c, vx, vc);
        assertEquals(FusedHvpFx.caller(x, c), h.value(), 0.0, "value");
        FusedHvpFxGrad.CallerGradient g = FusedHvpFxGrad.caller(x, c);
        exact(g.x(), h.x(), "gradient x");
        exact(g.c(), h.c(), "gradient c");
        double[] at = concat(x, c);
        double[] v = concat(vx, vc);
        double[] hv = concat(h.xHvp(), h.cHvp());
        hessianAgainstHipparchus(FusedHvpTest::caller, at, v, hv);
        close(directionalVector(q -> {
            FusedHvpFxGrad.CallerGradient r = FusedHvpFxGrad.caller(
                    java.util.Arrays.copyOf(q, p), q[p]);
            return concat(r.x(), r.c());
        }, at, v, 1e-4), hv, "FD of the gradient");
    }

    private static double[] concat(double[] a, double b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    private static DerivativeStructure sumOfCalls(DerivativeStructure[] d) {
        DerivativeStructure s = d[0].getField().getZero();
        for (int k = 0; k < 3; k++) {
            DerivativeStructure v = d[0].multiply(d[1]);
            s = s.add(v.sin().add(2).cbrt());
        }
        return s.divide(3);
    }

    /**
     * Fuzz finding (seed 15291730, sumTerms): a fused sum of calls adds the callee's adjoint
     * call's value, which forward over reverse cannot take: mHvp keeps the two sweeps (it was
     * silently wrong, the tangents of the callee's adjoints dropped).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1179113628460211, -0.8, 1.3})
    void aFusedSumOfCalls(double p1) {
        double p2 = -0.4670706597093821;
        double[] v = {-0.239800941263554, -0.17683217418586494};
        FusedHvpFxGrad.SumOfCallsHvp h = FusedHvpFxGrad.sumOfCallsHvp(p1, p2, v[0], v[1]);
        assertEquals(FusedHvpFx.sumOfCalls(p1, p2), h.value(), 0.0, "value");
        FusedHvpFxGrad.SumOfCallsGradient g = FusedHvpFxGrad.sumOfCalls(p1, p2);
        exact(g.p1(), h.p1(), "gradient p1");
        exact(g.p2(), h.p2(), "gradient p2");
        double[] at = {p1, p2};
        double[] hv = {h.p1Hvp(), h.p2Hvp()};
        hessianAgainstHipparchus(FusedHvpTest::sumOfCalls, at, v, hv);
        close(directionalVector(q -> {
            FusedHvpFxGrad.SumOfCallsGradient r = FusedHvpFxGrad.sumOfCalls(q[0], q[1]);
            return new double[] {r.p1(), r.p2()};
        }, at, v, 1e-4), hv, "FD of the gradient");
    }
}
