package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directional;
import static dev.adjoint.forward.ForwardCheck.directionalVector;
import static dev.adjoint.forward.ForwardCheck.dot;
import static dev.adjoint.forward.ForwardCheck.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mTangent and mHvp against the gradient and finite differences (ReturnedArrayModesFx). */
class ReturnedArrayModesTest {
    private static final double[][] C = {{0.3, -0.2}, {0.8, 0.5}, {-0.4, 0.9}};
    private static final double[] X = {0.6, -0.1};
    private static final double[][] DC = {{1, -0.5}, {0.25, 0}, {-0.75, 0.5}};
    private static final double[] DX = {0.4, -0.9};
    private static final double DBETA = 0.3;

    private static double[] flat(double[][] c, double[] x, double beta) {
        double[] p = new double[9];
        for (int k = 0; k < 3; k++) {
            p[2 * k] = c[k][0];
            p[2 * k + 1] = c[k][1];
        }
        p[6] = x[0];
        p[7] = x[1];
        p[8] = beta;
        return p;
    }

    private static double[][] c(double[] p) {
        return new double[][] {{p[0], p[1]}, {p[2], p[3]}, {p[4], p[5]}};
    }

    private static double[] gradient(double[] p) {
        var g = ReturnedArrayModesFxGrad.energy(c(p), new double[] {p[6], p[7]}, p[8]);
        return flat(g.c(), g.x(), g.beta());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.7, 1.6})
    void tangentMatchesTheGradientAndDifferences(double beta) {
        var t = ReturnedArrayModesFxGrad.energyTangent(C, X, beta, DC, DX, DBETA);
        assertEquals(ReturnedArrayModesFx.energy(C, X, beta), t.value(), 0.0);
        double[] v = flat(DC, DX, DBETA);
        exact(dot(gradient(flat(C, X, beta)), v), t.tangent(), "gradient · v");
        close(directional(p -> ReturnedArrayModesFx.energy(c(p), new double[] {p[6], p[7]},
                p[8]), flat(C, X, beta), v, 1e-4), t.tangent(), "FD");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.7, 1.6})
    void hvpMatchesDifferencesOfTheGradient(double beta) {
        var h = ReturnedArrayModesFxGrad.energyHvp(C, X, beta, DC, DX, DBETA);
        double[] p = flat(C, X, beta);
        double[] v = flat(DC, DX, DBETA);
        exact(gradient(p), flat(h.c(), h.x(), h.beta()), "the gradient");
        close(directionalVector(ReturnedArrayModesTest::gradient, p, v, 1e-4),
                flat(h.cHvp(), h.xHvp(), h.betaHvp()), "H v");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.4, 1.3})
    void writingHelperReturningItsArgument(double a) {
        var t = ReturnedArrayModesFxGrad.clippedTangent(a, 0.7);
        assertEquals(ReturnedArrayModesFx.clipped(a), t.value(), 0.0);
        double g = ReturnedArrayModesFxGrad.clipped(a).a();
        exact(0.7 * g, t.tangent(), "gradient · v");
        close(directional(p -> ReturnedArrayModesFx.clipped(p[0]), new double[] {a},
                new double[] {0.7}, 1e-4), t.tangent(), "FD");
        var h = ReturnedArrayModesFxGrad.clippedHvp(a, 0.7);
        exact(g, h.a(), "the gradient");
        close(directionalVector(p -> new double[] {ReturnedArrayModesFxGrad.clipped(p[0]).a()},
                new double[] {a}, new double[] {0.7}, 1e-4), new double[] {h.aHvp()}, "H v");
    }
}
