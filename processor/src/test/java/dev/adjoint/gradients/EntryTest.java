package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.Tape;
import org.junit.jupiter.api.Test;

/** wrt, pass-through parameters, nested classes and the low-level mAdjoint entry point. */
class EntryTest {

    @Test
    void wrtRestrictsAndOtherParamsPassThrough() {
        double a = 0.7, b = -1.2;
        double[] g = Check.gradient(EntryFxGrad.class, "restricted", new String[] {"b"},
                a, b, 3, true, "four", 5L, 0.5f);
        Check.sameValue(EntryFx.restricted(a, b, 3, true, "four", 5L, 0.5f), g[0]);
        Check.exact(a * 3 + 2 * b + 4 + 0.5, g[1], "db");
        Check.fd(p -> EntryFx.restricted(a, p[0], 3, true, "four", 5L, 0.5f), v(b), v(g[1]));
        double[] h = Check.gradient(EntryFxGrad.class, "restricted", new String[] {"b"},
                a, b, -2, false, "", 5L, 0.25f);
        Check.exact(a * -2 + 0.25, h[1], "db flag=false");
        double[] adj = {0.0};
        Check.sameValue(EntryFx.restricted(a, b, 3, true, "four", 5L, 0.5f),
                EntryFxGrad.restrictedAdjoint(a, b, 3, true, "four", 5L, 0.5f, 1.0, adj, null));
        Check.exact(g[1], adj[0], "adjoint[0]");
    }

    @Test
    void wrtOutOfOrder() {
        double a = 0.3, b = 0.4, c = 0.5;
        EntryFxGrad.OutOfOrderGradient g = EntryFxGrad.outOfOrder(a, b, c);
        Check.sameValue(EntryFx.outOfOrder(a, b, c), g.value());
        Check.exact(2 + c, g.a(), "da");
        Check.exact(5 + a, g.c(), "dc");
        assertEquals(3, g.getClass().getRecordComponents().length, "value, a, c only");
        // adjoints[k] for the k-th differentiated parameter: checked against the record, by name
        double[] adj = new double[2];
        EntryFxGrad.outOfOrderAdjoint(a, b, c, 1.0, adj, null);
        double[] byParamOrder = v(g.a(), g.c());
        double[] byWrtOrder = v(g.c(), g.a());
        boolean param = adj[0] == byParamOrder[0] && adj[1] == byParamOrder[1];
        boolean wrt = adj[0] == byWrtOrder[0] && adj[1] == byWrtOrder[1];
        org.junit.jupiter.api.Assertions.assertTrue(param || wrt,
                "adjoints " + java.util.Arrays.toString(adj) + " match neither order");
        // Record-component order is documented as parameter order.
        String comps = java.util.Arrays.toString(java.util.Arrays.stream(g.getClass().getRecordComponents())
                .map(rc -> rc.getName()).toArray());
        org.junit.jupiter.api.Assertions.assertTrue(
                comps.equals("[value, a, c]") || comps.equals("[value, c, a]"), comps);
        // and the adjoint array follows the same order as the record components
        assertEquals(comps.equals("[value, a, c]"), param, "adjoint order == record order");
    }

    @Test
    void nestedClassesGetUnderscoredGradClasses() {
        Outer_check();
    }

    private static void Outer_check() {
        EntryFx_InnerGrad.NestedGradient g = EntryFx_InnerGrad.nested(1.5, -2.0);
        Check.sameValue(EntryFx.Inner.nested(1.5, -2.0), g.value());
        Check.exact(2 * 1.5 * -2.0, g.x(), "dx");
        Check.exact(2.25, g.y(), "dy");
        EntryFx_Inner_DeeperGrad.DeeperGradient d = EntryFx_Inner_DeeperGrad.deeper(-0.5);
        Check.sameValue(EntryFx.Inner.Deeper.deeper(-0.5), d.value());
        Check.exact(0.75, d.x(), "dx deeper");
    }

    @Test
    void seedScalesGradient() {
        double x = 0.8, y = 1.7;
        EntryFxGrad.TwoParamsGradient g = EntryFxGrad.twoParams(x, y);
        Check.exact(Math.cos(x) * y * y, g.x(), "dx");
        Check.exact(2 * Math.sin(x) * y, g.y(), "dy");
        Check.fd(p -> EntryFx.twoParams(p[0], p[1]), v(x, y), v(g.x(), g.y()));
        double[] adj = new double[2];
        double value = EntryFxGrad.twoParamsAdjoint(x, y, 2.5, adj, null);
        Check.sameValue(EntryFx.twoParams(x, y), value);
        Check.exact(v(2.5 * g.x(), 2.5 * g.y()), adj, "seed 2.5");
        double[] neg = new double[2];
        EntryFxGrad.twoParamsAdjoint(x, y, -1.0, neg, null);
        Check.exact(v(-g.x(), -g.y()), neg, "seed -1");
        double[] zero = new double[2];
        EntryFxGrad.twoParamsAdjoint(x, y, 0.0, zero, null);
        Check.exact(v(0, 0), zero, "seed 0");
    }

    @Test
    void adjointsAccumulate() {
        double x = 0.8, y = 1.7;
        EntryFxGrad.TwoParamsGradient g = EntryFxGrad.twoParams(x, y);
        double[] adj = {1.0, 1.0};
        EntryFxGrad.twoParamsAdjoint(x, y, 1.0, adj, null);
        Check.exact(v(1.0 + g.x(), 1.0 + g.y()), adj, "accumulate");
        EntryFxGrad.twoParamsAdjoint(x, y, 1.0, adj, null);
        Check.exact(v(1.0 + 2 * g.x(), 1.0 + 2 * g.y()), adj, "accumulate twice");
    }

    @Test
    void adjointArrayLongerThanNeededIsUntouchedBeyondK() {
        double[] adj = {0.0, 0.0, 42.0};
        EntryFxGrad.twoParamsAdjoint(0.8, 1.7, 1.0, adj, null);
        Check.exact(42.0, adj[2], "adj[2] untouched");
    }

    @Test
    void explicitTapeGivesSameResultAndCanBeReused() {
        double x = 0.8, y = 1.7;
        EntryFxGrad.TwoParamsGradient g = EntryFxGrad.twoParams(x, y);
        Tape tape = new Tape();
        for (int i = 0; i < 3; i++) {
            double[] adj = new double[2];
            double value = EntryFxGrad.twoParamsAdjoint(x, y, 1.0, adj, tape);
            Check.sameValue(EntryFx.twoParams(x, y), value);
            Check.exact(v(g.x(), g.y()), adj, "with tape, round " + i);
        }
        // with a tape and a loop-bearing method too
        Tape t2 = new Tape();
        for (int i = 0; i < 2; i++) {
            double[] adj = new double[1];
            LoopsFxGrad.forIntAdjoint(0.9, 5, 1.0, adj, t2);
            Check.exact(LoopsFxGrad.forInt(0.9, 5).a(), adj[0], "loop with reused tape, round " + i);
        }
    }
}
