package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedTest {

    @ParameterizedTest
    @CsvSource({"3, 6", "2, 4", "-3, -6"})
    void square(double w, double expected) {
        SeedFxGrad.SquareGradient g = SeedFxGrad.square(w);
        Check.sameValue(SeedFx.square(w), g.value());
        Check.exact(expected, g.w(), "dw");
        Check.fd(p -> SeedFx.square(p[0]), v(w), v(g.w()), "w");
    }

    @ParameterizedTest
    @CsvSource({"0.5, 2.0, 0.3, 1.7", "-1.25, 3.0, 2.0, -4.0", "2.0, -0.5, 0.0, 0.0"})
    void linearUnit(double w, double x, double b, double y) {
        SeedFxGrad.LinearUnitGradient g = SeedFxGrad.linearUnit(w, x, b, y);
        double a = w * x + b;
        Check.sameValue(SeedFx.linearUnit(w, x, b, y), g.value());
        Check.exact((a - y) * x, g.w(), "dw");
        Check.exact(a - y, g.b(), "db");
        Check.exact((a - y) * w, g.x(), "dx");
        Check.exact(-(a - y), g.y(), "dy");
        Check.fd(p -> SeedFx.linearUnit(p[0], p[1], p[2], p[3]), v(w, x, b, y),
                v(g.w(), g.x(), g.b(), g.y()), "w", "x", "b", "y");
        SeedFxGrad.LinearUnitWrtGradient h = SeedFxGrad.linearUnitWrt(w, x, b, y);
        Check.sameValue(SeedFx.linearUnitWrt(w, x, b, y), h.value());
        Check.exact((a - y) * x, h.w(), "dw");
        Check.exact(a - y, h.b(), "db");
    }

    @Test
    void twoLayerSeedValues() {
        SeedFxGrad.TwoLayerGradient g = SeedFxGrad.twoLayer(1, 5, 2, 0, 3, 1);
        Check.exact(2.0, g.value(), "J");
        Check.sameValue(SeedFx.twoLayer(1, 5, 2, 0, 3, 1), g.value());
        Check.exact(6.0, g.w1(), "dw1");
        Check.exact(6.0, g.b1(), "db1");
        Check.exact(4.0, g.w2(), "dw2");
        Check.exact(2.0, g.b2(), "db2");
        // a2 = 7: dJ/dx = (a2-y)*w2*w1 = 2*3*2 ; dJ/dy = -(a2-y) = -2
        Check.exact(12.0, g.x(), "dx");
        Check.exact(-2.0, g.y(), "dy");
        Check.fd(p -> SeedFx.twoLayer(p[0], p[1], p[2], p[3], p[4], p[5]), v(1, 5, 2, 0.01, 3, 1),
                toArray(SeedFxGrad.twoLayer(1, 5, 2, 0.01, 3, 1)));
    }

    @Test
    void twoLayerDeadUnits() {
        // first unit dead: z1 = -1 -> everything upstream of a1 gets 0
        SeedFxGrad.TwoLayerGradient g = SeedFxGrad.twoLayer(1, 5, -1, 0, 3, 1);
        Check.exact(0.0, g.w1(), "dw1");
        Check.exact(0.0, g.b1(), "db1");
        Check.exact(0.0, g.w2(), "dw2");
        Check.exact(-4.0, g.b2(), "db2");
        // ReLU'(0) = 0 at z1 = 0 exactly
        SeedFxGrad.TwoLayerGradient k = SeedFxGrad.twoLayer(1, 5, 0, 0, 3, 1);
        Check.exact(0.0, k.w1(), "relu'(0) dw1");
        Check.exact(0.0, k.b1(), "relu'(0) db1");
        // second unit dead
        SeedFxGrad.TwoLayerGradient d = SeedFxGrad.twoLayer(1, 5, 2, 0, -3, 1);
        Check.exact(0.0, d.b2(), "db2 dead");
        Check.exact(0.0, d.w1(), "dw1 dead");
        Check.exact(0.0, d.w2(), "dw2 dead");
        Check.exact(5.0, d.y(), "dy dead");
    }

    static double[] toArray(SeedFxGrad.TwoLayerGradient g) {
        return v(g.x(), g.y(), g.w1(), g.b1(), g.w2(), g.b2());
    }
}
