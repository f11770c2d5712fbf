package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;

import org.junit.jupiter.api.Test;

class PrivateTest {

    @Test
    void privateHelpersInBlackScholes() {
        double s = 100, k = 95, r = 0.05, sigma = 0.2, t = 1.0;
        PrivateFxGrad.CallGradient g = PrivateFxGrad.call(s, k, r, sigma, t);
        Check.sameValue(PrivateFx.call(s, k, r, sigma, t), g.value());
        Check.fd(p -> PrivateFx.call(p[0], p[1], p[2], p[3], p[4]), v(s, k, r, sigma, t),
                v(g.s(), g.k(), g.r(), g.sigma(), g.t()));
    }

    @Test
    void privateTables() {
        double[] x = {1, 2, 3};
        PrivateFxGrad.WeightedGradient g = PrivateFxGrad.weighted(x);
        Check.sameValue(PrivateFx.weighted(x), g.value());
        Check.exact(v(2 * 0.5 * 1 - 4, 2 * -1.25 * 2, 2 * 2.0 * 3), g.x(), "x");
        Check.fd(PrivateFx::weighted, x, g.x());
    }

    @Test
    void privateDifferentiableMethod() {
        Check.sameValue(PrivateFx.squareFromOutside(1.5), PrivateFxGrad.square(1.5).value());
        Check.exact(3.0, PrivateFxGrad.square(1.5).a(), "a");
    }

    @Test
    void methodOfPrivateNestedClassWithPrivateHelper() {
        double a = 0.8;
        PrivateFx_InnerGrad.CubeGradient g = PrivateFx_InnerGrad.cube(a);
        Check.sameValue(PrivateFx.cubeFromOutside(a), g.value());
        Check.exact(3 * a * a + Math.cos(a), g.a(), "a");
    }
}
