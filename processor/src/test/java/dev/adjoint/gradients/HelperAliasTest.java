package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Helpers writing through other names for the arrays they receive ({@link HelperAliasFx}):
 * values against the original, gradients against 5-point central differences (and an exact
 * value), mTangent against the gradient, mHvp against central differences of the gradient.
 */
class HelperAliasTest {

    private static final double[] X = {0.7, -1.3, 0.4, 1.1};

    @Test
    void writesThroughAliasesInsideHelpers() {
        for (double c : new double[] {0.8, -0.6}) {
            var g = HelperAliasFxGrad.aliases(X.clone(), c);
            Check.sameValue(HelperAliasFx.aliases(X.clone(), c), g.value());
            Check.fd(p -> HelperAliasFx.aliases(Arrays.copyOf(p, 4), p[4]), concat(X, c),
                    concat(g.x(), g.c()));
            double[] caller = X.clone();
            HelperAliasFxGrad.aliases(caller, c);
            assertArrayEquals(X, caller, 0.0, "x is only read");
            Check.modes(p -> {
                var q = HelperAliasFxGrad.aliases(Arrays.copyOf(p, 4), p[4]);
                return concat(q.x(), q.c());
            }, concat(X, c), v -> HelperAliasFxGrad.aliasesTangent(X.clone(), c,
                    Arrays.copyOf(v, 4), v[4]).tangent(), v -> {
                        var h = HelperAliasFxGrad.aliasesHvp(X.clone(), c, Arrays.copyOf(v, 4),
                                v[4]);
                        return concat(h.xHvp(), h.cHvp());
                    });
        }
        // m[1][0] = c^2 x1 + x0 (rowAlias), the only term in which x enters through m
        double c = 0.8;
        double[] w = X.clone();
        for (int i = 0; i < 4; i++) {
            w[i] *= c; // scaleAlias
        }
        double[] u = new double[4];
        for (int i = 0; i < 4; i++) {
            u[i] = X[i] * X[i] + c * Math.sin(w[i]) * X[i] * X[i]; // addAlias
        }
        double w0 = w[0] * w[1] + c; // chosenAlias, c > 0: into w
        double expected = w0 * u[1] + u[0] + w0 * X[1] + X[0] * c + c * c * X[1] + X[0];
        Check.exact(expected, HelperAliasFxGrad.aliases(X.clone(), c).value(), "value");
    }

    @Test
    void helpersSteppingThroughSwappedAliasesInALoop() {
        for (double c : new double[] {0.8, -0.6}) {
            var g = HelperAliasFxGrad.stepping(X.clone(), c);
            Check.sameValue(HelperAliasFx.stepping(X.clone(), c), g.value());
            Check.fd(p -> HelperAliasFx.stepping(Arrays.copyOf(p, 4), p[4]), concat(X, c),
                    concat(g.x(), g.c()));
            Check.modes(p -> {
                var q = HelperAliasFxGrad.stepping(Arrays.copyOf(p, 4), p[4]);
                return concat(q.x(), q.c());
            }, concat(X, c), v -> HelperAliasFxGrad.steppingTangent(X.clone(), c,
                    Arrays.copyOf(v, 4), v[4]).tangent(), v -> {
                        var h = HelperAliasFxGrad.steppingHvp(X.clone(), c, Arrays.copyOf(v, 4),
                                v[4]);
                        return concat(h.xHvp(), h.cHvp());
                    });
        }
    }

    @Test
    void oneArrayForTwoParametersOfAWritingHelper() {
        double c = -0.6; // distinct arrays
        var g = HelperAliasFxGrad.maybeSame(X.clone(), c);
        Check.sameValue(HelperAliasFx.maybeSame(X.clone(), c), g.value());
        Check.fd(p -> HelperAliasFx.maybeSame(Arrays.copyOf(p, 4), p[4]), concat(X, c),
                concat(g.x(), g.c()));
        Check.modes(p -> {
            var q = HelperAliasFxGrad.maybeSame(Arrays.copyOf(p, 4), p[4]);
            return concat(q.x(), q.c());
        }, concat(X, c), v -> HelperAliasFxGrad.maybeSameTangent(X.clone(), c,
                Arrays.copyOf(v, 4), v[4]).tangent(), v -> {
                    var h = HelperAliasFxGrad.maybeSameHvp(X.clone(), c, Arrays.copyOf(v, 4),
                            v[4]);
                    return concat(h.xHvp(), h.cHvp());
                });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HelperAliasFxGrad.maybeSame(X.clone(), 0.8));
        assertEquals("the gradient differentiates HelperAliasFx.addAlias, which may write into"
                + " 'out', for distinct arrays only: 'out' and 'in' must not be the same array",
                e.getMessage());
    }
}
