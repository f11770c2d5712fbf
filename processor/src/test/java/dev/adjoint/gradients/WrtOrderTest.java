package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;

import org.junit.jupiter.api.Test;

/** FINDING: with wrt = {"c", "a"} the record accessors a() and c() are swapped (silently wrong). */
class WrtOrderTest {
    @Test
    void accessorsMatchTheirParameterNames() {
        WrtOrderFxGrad.FGradient g = WrtOrderFxGrad.f(1.0, 1.0);
        Check.sameValue(WrtOrderFx.f(1.0, 1.0), g.value());
        Check.exact(2.0, g.a(), "df/da"); // actual: 5.0
        Check.exact(5.0, g.c(), "df/dc"); // actual: 2.0
    }

    @Test
    void finiteDifferencesAgree() {
        WrtOrderFxGrad.FGradient g = WrtOrderFxGrad.f(0.3, -0.7);
        Check.fd(p -> WrtOrderFx.f(p[0], p[1]), v(0.3, -0.7), v(g.a(), g.c()), "a", "c");
    }
}
