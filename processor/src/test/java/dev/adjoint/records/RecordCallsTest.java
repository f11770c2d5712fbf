package dev.adjoint.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import dev.adjoint.records.RecordCallsFx.Net;
import dev.adjoint.records.RecordCallsFx.Pair;
import org.junit.jupiter.api.Test;

/** Calls into @Differentiable methods that take records: gradients against differences. */
class RecordCallsTest {
    private static final double TOL = 1e-6;

    @Test
    void recordPassedOnExact() {
        // outer = (w sin x + b^2 x) x + w; d/dw = x sin x + 1, d/db = 2 b x^2,
        // d/dx = (w cos x + b^2) x + w sin x + b^2 x
        double w = 0.7;
        double b = -1.3;
        double x = 0.4;
        RecordCallsFxGrad.OuterGradient g = RecordCallsFxGrad.outer(new Pair(w, b), x);
        assertEquals(RecordCallsFx.outer(new Pair(w, b), x), g.value(), 0.0);
        assertEquals(x * Math.sin(x) + 1, g.p().w(), 1e-14);
        assertEquals(2 * b * x * x, g.p().b(), 1e-14);
        assertEquals((w * Math.cos(x) + b * b) * x + w * Math.sin(x) + b * b * x, g.x(), 1e-14);
    }

    @Test
    void callsInALoop() {
        double[] xs = {0.3, -0.9, 1.4, 0.2};
        RecordCallsFxGrad.InLoopGradient g = RecordCallsFxGrad.inLoop(new Pair(1.1, 0.6), xs);
        assertEquals(RecordCallsFx.inLoop(new Pair(1.1, 0.6), xs), g.value(), 0.0);
        GradientCheck.compare(v -> RecordCallsFx.inLoop(new Pair(v[0], v[1]), xs),
                new double[] {1.1, 0.6}, new double[] {g.p().w(), g.p().b()}, "w", "b")
                .assertWithin(TOL);
        GradientCheck.compare(v -> RecordCallsFx.inLoop(new Pair(1.1, 0.6), v), xs.clone(),
                g.xs()).assertWithin(TOL);
    }

    @Test
    void calleeWhoseWrtLeavesAComponentOut() {
        RecordCallsFxGrad.CallsOnlyWGradient g = RecordCallsFxGrad.callsOnlyW(
                new Pair(0.8, 2.5), 1.7);
        assertEquals(RecordCallsFx.callsOnlyW(new Pair(0.8, 2.5), 1.7), g.value(), 0.0);
        assertEquals(0.0, g.p().b());
        GradientCheck.compare(v -> RecordCallsFx.callsOnlyW(new Pair(v[0], 2.5), v[1]),
                new double[] {0.8, 1.7}, new double[] {g.p().w(), g.x()}, "w", "x")
                .assertWithin(TOL);
    }

    @Test
    void recordLocalAndNewRecordPassed() {
        RecordCallsFxGrad.LocalsGradient g = RecordCallsFxGrad.locals(0.9, -0.5);
        assertEquals(RecordCallsFx.locals(0.9, -0.5), g.value(), 0.0);
        GradientCheck.compare(v -> RecordCallsFx.locals(v[0], v[1]), new double[] {0.9, -0.5},
                new double[] {g.w(), g.x()}, "w", "x").assertWithin(TOL);
    }

    @Test
    void recordOutsideWrtPassedThroughItsAccessors() {
        Pair p = new Pair(1.2, -0.4);
        RecordCallsFxGrad.OpaqueGradient g = RecordCallsFxGrad.opaque(p, 0.6);
        assertEquals(RecordCallsFx.opaque(p, 0.6), g.value(), 0.0);
        // d/dx (w sin x + b^2 x) x = (w cos x + b^2) x + w sin x + b^2 x
        double expected = (1.2 * Math.cos(0.6) + 0.16) * 0.6 + 1.2 * Math.sin(0.6) + 0.16 * 0.6;
        assertEquals(expected, g.x(), 1e-14);
    }

    @Test
    void methodsOfRecordParametersTakingRecords() {
        Net a = new Net(new double[] {0.5, -0.7}, new Pair(0.3, 1.1), 2);
        Net b = new Net(new double[] {1.3, 0.4}, new Pair(-0.8, 0.6), 3);
        Pair q = new Pair(0.9, -1.4);
        double x = 0.35;
        RecordCallsFxGrad.NetCallsGradient g = RecordCallsFxGrad.netCalls(a, b, q, x);
        assertEquals(RecordCallsFx.netCalls(a, b, q, x), g.value(), 0.0);
        double[] at = {0.5, -0.7, 0.3, 1.1, 1.3, 0.4, -0.8, 0.6, 0.9, -1.4, 0.35};
        double[] grad = {g.a().w()[0], g.a().w()[1], g.a().p().w(), g.a().p().b(),
            g.b().w()[0], g.b().w()[1], g.b().p().w(), g.b().p().b(), g.q().w(), g.q().b(),
            g.x()};
        GradientCheck.compare(v -> RecordCallsFx.netCalls(
                new Net(new double[] {v[0], v[1]}, new Pair(v[2], v[3]), 2),
                new Net(new double[] {v[4], v[5]}, new Pair(v[6], v[7]), 3),
                new Pair(v[8], v[9]), v[10]), at, grad).assertWithin(TOL);
        assertEquals(2, g.a().n());
    }

    @Test
    void nestedRecordsPrivateCalleeAndRecursion() {
        double[] v = {0.25, 9.0};
        RecordCallsFx.Outer o = new RecordCallsFx.Outer(new Pair(0.6, -0.9), v, "o");
        RecordCallsFxGrad.MixedGradient g = RecordCallsFxGrad.mixed(o, 0.45);
        assertEquals(RecordCallsFx.mixed(o, 0.45), g.value(), 0.0);
        assertEquals(0.0, g.o().v()[0]);
        GradientCheck.compare(a -> RecordCallsFx.mixed(
                new RecordCallsFx.Outer(new Pair(a[0], a[1]), v, "o"), a[2]),
                new double[] {0.6, -0.9, 0.45},
                new double[] {g.o().in().w(), g.o().in().b(), g.y()}, "w", "b", "y")
                .assertWithin(TOL);
        // power(p, n) = w^n b: exact partials through the recursion
        RecordCallsFxGrad.PowerGradient pg = RecordCallsFxGrad.power(new Pair(1.5, 2.0), 3);
        assertEquals(3 * 1.5 * 1.5 * 2.0, pg.p().w(), 1e-14);
        assertEquals(1.5 * 1.5 * 1.5, pg.p().b(), 1e-14);
    }

    @Test
    void receiversComponentsPassedOn() {
        Net a = new Net(new double[] {0.5, -0.7}, new Pair(0.3, 1.1), 2);
        RecordCallsFx_NetGrad.PassesOwnGradient g = RecordCallsFx_NetGrad.passesOwn(a, 0.6);
        assertEquals(a.passesOwn(0.6), g.value(), 0.0);
        Net d = g.self();
        GradientCheck.compare(v -> new Net(new double[] {v[0], v[1]}, new Pair(v[2], v[3]), 2)
                .passesOwn(v[4]), new double[] {0.5, -0.7, 0.3, 1.1, 0.6},
                new double[] {d.w()[0], d.w()[1], d.p().w(), d.p().b(), g.x()}).assertWithin(TOL);
    }

    @Test
    void classFieldRecordPassedOn() {
        RecordCallsFx.Body body = new RecordCallsFx.Body(new Pair(0.8, -0.3), 1.7);
        RecordCallsFx_BodyGrad.EnergyGradient g = RecordCallsFx_BodyGrad.energy(body, 0.9);
        assertEquals(body.energy(0.9), g.value(), 0.0);
        GradientCheck.compare(v -> new RecordCallsFx.Body(new Pair(v[0], v[1]), v[2])
                .energy(v[3]), new double[] {0.8, -0.3, 1.7, 0.9},
                new double[] {g.self().spring().w(), g.self().spring().b(), g.self().mass(),
                    g.x()}).assertWithin(TOL);
    }
}
