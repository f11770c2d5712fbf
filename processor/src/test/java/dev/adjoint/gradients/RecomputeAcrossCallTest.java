package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.dot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link RecomputeAcrossCallFx}: exact gradients, 5-point central differences, mTangent against
 * the gradient and mHvp against central differences of the gradient.
 */
class RecomputeAcrossCallTest {

    private static final double[] X = {0.7, -1.3, 0.4};
    private static final double[] V = {0.3, -0.5, 0.9};

    @Test
    void aTemporaryReadBeforeAHelperOverwritesItsArray() {
        // y[i] = 1.5^(i+1) x_i when read after the call, a = (1.5^i x_i)^2:
        // s = sum 1.5^(3i+1) x_i^3 + 1.5^(2i+2) x_i^2
        double[] g = RecomputeAcrossCallFxGrad.acrossCall(X.clone()).x();
        double[] exact = new double[X.length];
        double value = 0;
        for (int i = 0; i < X.length; i++) {
            value += Math.pow(1.5, 3 * i + 1) * Math.pow(X[i], 3)
                    + Math.pow(1.5, 2 * i + 2) * X[i] * X[i];
            exact[i] = 3 * Math.pow(1.5, 3 * i + 1) * X[i] * X[i]
                    + 2 * Math.pow(1.5, 2 * i + 2) * X[i];
        }
        Check.exact(value, RecomputeAcrossCallFx.acrossCall(X.clone()), "value");
        Check.exact(exact, g, "gradient");
        Check.fd(p -> RecomputeAcrossCallFx.acrossCall(p.clone()), X, g);
        assertEquals(dot(g, V), RecomputeAcrossCallFxGrad.acrossCallTangent(X.clone(), V.clone())
                .tangent(), 1e-12);
        Check.hvpMatchesDifferences(p -> RecomputeAcrossCallFxGrad.acrossCall(p.clone()).x(), X,
                V, RecomputeAcrossCallFxGrad.acrossCallHvp(X.clone(), V.clone()).xHvp());
    }

    @Test
    void aTemporaryReadBeforeAHelperOverwritesARow() {
        // a = 1.5^i x_i * x_i, m[0][i] = 1.5^(i+1) x_i after the call: s = sum 1.5^(2i+1) x_i^3
        double[] g = RecomputeAcrossCallFxGrad.acrossCallOnARow(X.clone()).x();
        double[] exact = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            exact[i] = 3 * Math.pow(1.5, 2 * i + 1) * X[i] * X[i];
        }
        Check.exact(exact, g, "gradient");
        Check.fd(p -> RecomputeAcrossCallFx.acrossCallOnARow(p.clone()), X, g);
        assertEquals(dot(g, V), RecomputeAcrossCallFxGrad.acrossCallOnARowTangent(X.clone(),
                V.clone()).tangent(), 1e-12);
        Check.hvpMatchesDifferences(
                p -> RecomputeAcrossCallFxGrad.acrossCallOnARow(p.clone()).x(), X, V,
                RecomputeAcrossCallFxGrad.acrossCallOnARowHvp(X.clone(), V.clone()).xHvp());
    }
}
