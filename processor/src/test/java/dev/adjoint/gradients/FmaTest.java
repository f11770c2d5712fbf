package dev.adjoint.gradients;

import org.junit.jupiter.api.Test;

class FmaTest {

    @Test
    void fmaWithThreeActiveArguments() {
        double a = 0.7;
        double b = -1.9;
        double c = 0.45;
        var g = FmaFxGrad.fma3(a, b, c);
        Check.sameValue(FmaFx.fma3(a, b, c), g.value());
        double[] analytic = {g.a(), g.b(), g.c()};
        Check.fd(p -> FmaFx.fma3(p[0], p[1], p[2]), new double[] {a, b, c}, analytic);
        Check.hipparchus(d -> d[0].multiply(d[1]).add(d[2])
                .multiply(d[2].multiply(d[0]).add(d[1].multiply(d[1]))),
                new double[] {a, b, c}, analytic, "fma3");
        double u = a * b + c;
        double v = c * a + b * b;
        Check.exact(new double[] {b * v + u * c, a * v + u * 2 * b, v + u * a}, analytic, "exact");
    }

    @Test
    void hornerWithStrictMathFma() {
        double[] x = {0.3, -1.2, 2.5, 0.8};
        double w = 1.3;
        var g = FmaFxGrad.horner(x, w);
        Check.sameValue(FmaFx.horner(x, w), g.value());
        // s = x0 w^3 + x1 w^2 + x2 w + x3
        Check.exact(new double[] {w * w * w, w * w, w, 1}, g.x(), "x");
        Check.exact(3 * x[0] * w * w + 2 * x[1] * w + x[2], g.w(), "w");
        Check.fd(p -> FmaFx.horner(java.util.Arrays.copyOf(p, 4), p[4]),
                new double[] {x[0], x[1], x[2], x[3], w},
                new double[] {g.x()[0], g.x()[1], g.x()[2], g.x()[3], g.w()});
    }
}
