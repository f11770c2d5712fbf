package dev.adjoint.gradients;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Gradients through helpers that write into the arrays they receive (see OutParamsFx). */
class OutParamsTest {
    private static final double[] Y0 = {0.9, -0.4};

    private static double[] concat(double[] a, double... b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void rk4WithAnOutParameterRightHandSide() {
        double[] y0 = Y0.clone();
        var g = OutParamsFxGrad.rk4(y0, 1.7, 0.05, 40);
        Check.sameValue(OutParamsFx.rk4(Y0.clone(), 1.7, 0.05, 40), g.value());
        org.junit.jupiter.api.Assertions.assertArrayEquals(Y0, y0, 0.0, "y0 untouched");
        Check.fd(p -> OutParamsFx.rk4(Arrays.copyOf(p, 2), p[2], 0.05, 40), concat(Y0, 1.7),
                concat(g.y0(), g.k()));
    }

    @Test
    void eulerThroughAnAccumulatingAxpy() {
        var g = OutParamsFxGrad.euler(Y0.clone(), 1.3, 0.1, 25);
        Check.sameValue(OutParamsFx.euler(Y0.clone(), 1.3, 0.1, 25), g.value());
        Check.fd(p -> OutParamsFx.euler(Arrays.copyOf(p, 2), p[2], 0.1, 25), concat(Y0, 1.3),
                concat(g.y0(), g.k()));
    }
}
