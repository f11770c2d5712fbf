package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;

import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalsTest {

    @ParameterizedTest
    @ValueSource(doubles = {1.5, -0.75, 3.0})
    void declNoInit(double w) {
        LocalsFxGrad.DeclNoInitGradient g = LocalsFxGrad.declNoInit(w);
        Check.sameValue(LocalsFx.declNoInit(w), g.value());
        Check.exact(w > 0 ? 40 * w : 16 * w, g.w(), "dw");
        Check.fd(p -> LocalsFx.declNoInit(p[0]), v(w), v(g.w()));
    }

    @Test
    void multiDecl() {
        double w = 1.3, x = -0.7;
        LocalsFxGrad.MultiDeclGradient g = LocalsFxGrad.multiDecl(w, x);
        Check.sameValue(LocalsFx.multiDecl(w, x), g.value());
        Check.exact(4 * w * x + 3 * x, g.w(), "dw");
        Check.exact(2 * w * w + 3 * w + 15, g.x(), "dx");
        Check.fd(p -> LocalsFx.multiDecl(p[0], p[1]), v(w, x), v(g.w(), g.x()));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.8, -0.6})
    void varLocals(double w) {
        double x = 1.7;
        LocalsFxGrad.VarLocalsGradient g = LocalsFxGrad.varLocals(w, x);
        Check.sameValue(LocalsFx.varLocals(w, x), g.value());
        if (w * x > 0) {
            Check.exact(5 * x + 3, g.w(), "dw");
            Check.exact(5 * w, g.x(), "dx");
        } else {
            Check.exact(x - 3, g.w(), "dw");
            Check.exact(w, g.x(), "dx");
        }
        Check.fd(p -> LocalsFx.varLocals(p[0], p[1]), v(w, x), v(g.w(), g.x()));
    }

    @Test
    void reassignParams() {
        double w = 0.9, x = 0.4;
        LocalsFxGrad.ReassignParamsGradient g = LocalsFxGrad.reassignParams(w, x);
        Check.sameValue(LocalsFx.reassignParams(w, x), g.value());
        double u = x + w * w;
        Check.exact(2 * w * Math.sin(u) + (w * w + 1) * Math.cos(u) * 2 * w, g.w(), "dw");
        Check.exact((w * w + 1) * Math.cos(u), g.x(), "dx");
        Check.fd(p -> LocalsFx.reassignParams(p[0], p[1]), v(w, x), v(g.w(), g.x()));
    }

    @Test
    void reassignLocals() {
        double w = -1.1, x = 0.6;
        LocalsFxGrad.ReassignLocalsGradient g = LocalsFxGrad.reassignLocals(w, x);
        Check.sameValue(LocalsFx.reassignLocals(w, x), g.value());
        Check.exact(2 * w * x * x * x + x, g.w(), "dw");
        Check.exact(3 * w * w * x * x + w, g.x(), "dx");
        Check.fd(p -> LocalsFx.reassignLocals(p[0], p[1]), v(w, x), v(g.w(), g.x()));
    }

    @Test
    void compound() {
        double w = 0.7, x = 1.9;
        LocalsFxGrad.CompoundGradient g = LocalsFxGrad.compound(w, x);
        Check.sameValue(LocalsFx.compound(w, x), g.value());
        Check.fd(p -> LocalsFx.compound(p[0], p[1]), v(w, x), v(g.w(), g.x()));
        Check.hipparchus(d -> {
            DerivativeStructure a = d[0];
            a = a.add(d[1]);
            a = a.subtract(d[0].multiply(2));
            a = a.multiply(d[1]);
            a = a.divide(d[0].multiply(d[0]).add(1));
            a = a.add(a);
            a = a.multiply(a);
            a = a.subtract(d[0]);
            a = a.divide(d[1]);
            return a;
        }, v(w, x), v(g.w(), g.x()), "compound");
    }

    @Test
    void compoundParams() {
        double w = 0.7, x = 1.9;
        LocalsFxGrad.CompoundParamsGradient g = LocalsFxGrad.compoundParams(w, x);
        Check.sameValue(LocalsFx.compoundParams(w, x), g.value());
        Check.fd(p -> LocalsFx.compoundParams(p[0], p[1]), v(w, x), v(g.w(), g.x()));
        // w4 = w + 1/x - x ; result = x * w4^2
        double w4 = w + 1 / x - x;
        Check.exact(2 * x * w4, g.w(), "dw");
        Check.exact(w4 * w4 + 2 * x * w4 * (-1 / (x * x) - 1), g.x(), "dx");
    }

    @Test
    void compoundInts() {
        double w = 0.35;
        LocalsFxGrad.CompoundIntsGradient g = LocalsFxGrad.compoundInts(w);
        Check.sameValue(LocalsFx.compoundInts(w), g.value());
        Check.exact(1 + 36 * w, g.w(), "dw");
        Check.fd(p -> LocalsFx.compoundInts(p[0]), v(w), v(g.w()));
    }

    @Test
    void compoundNarrowing() {
        double w = 1.23; // k = (int) 14.3 = 14, m = (long) 1.23 = 1
        LocalsFxGrad.CompoundNarrowingGradient g = LocalsFxGrad.compoundNarrowing(w);
        Check.sameValue(LocalsFx.compoundNarrowing(w), g.value());
        Check.exact(15.0, g.w(), "dw");
        Check.fd(p -> LocalsFx.compoundNarrowing(p[0]), v(w), v(g.w()));
    }

    @Test
    void incDec() {
        double w = 0.6, x = -1.4;
        LocalsFxGrad.IncDecGradient g = LocalsFxGrad.incDec(w, x);
        Check.sameValue(LocalsFx.incDec(w, x), g.value());
        Check.exact(x + x * (w + 1) + (w * x + 1) + x * x, g.w(), "dw");
        Check.exact(w + w * (w + 1) + 2 * w * x + 3, g.x(), "dx");
        Check.fd(p -> LocalsFx.incDec(p[0], p[1]), v(w, x), v(g.w(), g.x()));
    }

    @Test
    void nestedBlocks() {
        double w = 0.6, x = 1.4;
        LocalsFxGrad.NestedBlocksGradient g = LocalsFxGrad.nestedBlocks(w, x);
        Check.sameValue(LocalsFx.nestedBlocks(w, x), g.value());
        Check.fd(p -> LocalsFx.nestedBlocks(p[0], p[1]), v(w, x), v(g.w(), g.x()));
        Check.hipparchus(d -> {
            DerivativeStructure t = d[0].multiply(d[1]);
            DerivativeStructure s = d[0].add(t);
            s = s.multiply(t).subtract(d[0]);
            return s.multiply(t);
        }, v(w, x), v(g.w(), g.x()), "nestedBlocks");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.45, -0.45})
    void siblingScopes(double w) {
        double x = 0.8;
        LocalsFxGrad.SiblingScopesGradient g = LocalsFxGrad.siblingScopes(w, x);
        Check.sameValue(LocalsFx.siblingScopes(w, x), g.value());
        Check.fd(p -> LocalsFx.siblingScopes(p[0], p[1]), v(w, x), v(g.w(), g.x()));
        Check.hipparchus(d -> {
            DerivativeStructure s = d[0].add(d[0].multiply(d[1])).multiply(3);
            s = s.multiply(s).add(d[0]);
            s = w > 0 ? s.multiply(d[1]) : s.multiply(7);
            for (int i = 0; i < 2; i++) {
                s = s.multiply(0.5).add(d[1]);
            }
            for (int i = 0; i < 2; i++) {
                s = s.getValue() > 0 ? s.multiply(d[0]) : s;
            }
            return s;
        }, v(w, x), v(g.w(), g.x()), "siblingScopes");
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.5, 0.5})
    void shadowSequential(double w) {
        LocalsFxGrad.ShadowSequentialGradient g = LocalsFxGrad.shadowSequential(w);
        Check.sameValue(LocalsFx.shadowSequential(w), g.value());
        Check.exact(w > 1 ? 2 + 2 * w : 2 * w, g.w(), "dw");
        Check.fd(p -> LocalsFx.shadowSequential(p[0]), v(w), v(g.w()));
    }
}
