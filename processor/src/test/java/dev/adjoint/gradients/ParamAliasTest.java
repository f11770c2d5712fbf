package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.hvpMatchesDifferences;
import static dev.adjoint.gradients.Check.dot;
import static dev.adjoint.gradients.Check.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Writes into parameter arrays through other names ({@link ParamAliasFx}): values against the
 * original, the caller's arrays after every generated entry point against the original's, and
 * gradients against 5-point central differences of the original (on copies of the arrays);
 * mTangent against the gradient, mHvp against central differences of the gradient.
 */
class ParamAliasTest {

    private static final double[] X = {0.7, -1.3, 0.4, 2.1, -0.6};
    private static final double[] W = {0.5, -0.25, 1.5, 0.75, -1.0};

    @Test
    void standardizeThroughAnAlias() {
        double[] primal = X.clone();
        double expected = ParamAliasFx.standardize(primal, W);
        double[] viaGradient = X.clone();
        var g = ParamAliasFxGrad.standardize(viaGradient, W);
        Check.sameValue(expected, g.value());
        assertArrayEquals(primal, viaGradient, 0.0, "the caller's array after the gradient call");
        Check.fd(p -> ParamAliasFx.standardize(Arrays.copyOf(p, 5), Arrays.copyOfRange(p, 5, 10)),
                concat(X, W), concat(g.x(), g.w()));
        // the z-scores: exact value
        double mean = Arrays.stream(X).sum() / 5;
        double var = Arrays.stream(X).map(v -> (v - mean) * (v - mean)).sum() / 5;
        double s = 0;
        for (int i = 0; i < 5; i++) {
            s += W[i] * Math.tanh((X[i] - mean) / Math.sqrt(var));
        }
        Check.exact(s, g.value(), "value");

        double[] dx = {0.3, 0.1, -0.2, 0.5, 0.4};
        double[] dw = {-0.1, 0.2, 0.3, -0.4, 0.5};
        double[] viaTangent = X.clone();
        var t = ParamAliasFxGrad.standardizeTangent(viaTangent, W, dx, dw);
        assertArrayEquals(primal, viaTangent, 0.0, "the caller's array after the tangent call");
        Check.sameValue(expected, t.value());
        assertEquals(dot(concat(g.x(), g.w()), concat(dx, dw)), t.tangent(), 1e-12);

        double[] viaHvp = X.clone();
        var h = ParamAliasFxGrad.standardizeHvp(viaHvp, W, dx, dw);
        assertArrayEquals(primal, viaHvp, 0.0, "the caller's array after the mHvp call");
        assertArrayEquals(new double[] {0.3, 0.1, -0.2, 0.5, 0.4}, dx, 0.0,
                "the direction is left as it was passed");
        assertArrayEquals(g.x(), h.x(), 1e-12);
        hvpMatchesDifferences(p -> {
            var q = ParamAliasFxGrad.standardize(Arrays.copyOf(p, 5), Arrays.copyOfRange(p, 5, 10));
            return concat(q.x(), q.w());
        }, concat(X, W), concat(dx, dw), concat(h.xHvp(), h.wHvp()));
    }

    @Test
    void writesThroughAVarAlias() {
        double[] primal = X.clone();
        double expected = ParamAliasFx.viaVar(primal, 0.8);
        double[] viaGradient = X.clone();
        var g = ParamAliasFxGrad.viaVar(viaGradient, 0.8);
        Check.sameValue(expected, g.value());
        assertArrayEquals(primal, viaGradient, 0.0);
        Check.fd(p -> ParamAliasFx.viaVar(Arrays.copyOf(p, 5), p[5]), concat(X, 0.8),
                concat(g.x(), g.a()));
        // d/dx_i of (i+1) (a x_i + sin x_i)^2, exactly
        for (int i = 0; i < 5; i++) {
            double u = 0.8 * X[i] + Math.sin(X[i]);
            Check.exact(2 * (i + 1) * u * (0.8 + Math.cos(X[i])), g.x()[i], "x[" + i + "]");
        }
        double[] dx = {0.3, 0.1, -0.2, 0.5, 0.4};
        double[] viaTangent = X.clone();
        var t = ParamAliasFxGrad.viaVarTangent(viaTangent, 0.8, dx, -0.7);
        assertArrayEquals(primal, viaTangent, 0.0);
        assertEquals(dot(concat(g.x(), g.a()), concat(dx, -0.7)), t.tangent(), 1e-12);
        double[] viaHvp = X.clone();
        var h = ParamAliasFxGrad.viaVarHvp(viaHvp, 0.8, dx, -0.7);
        assertArrayEquals(primal, viaHvp, 0.0);
        assertArrayEquals(new double[] {0.3, 0.1, -0.2, 0.5, 0.4}, dx, 0.0,
                "the direction is left as it was passed");
        hvpMatchesDifferences(p -> {
            var q = ParamAliasFxGrad.viaVar(Arrays.copyOf(p, 5), p[5]);
            return concat(q.x(), q.a());
        }, concat(X, 0.8), concat(dx, -0.7), concat(h.xHvp(), h.aHvp()));
    }

    @Test
    void parameterOrLocalChosenByAConditional() {
        for (double c : new double[] {0.9, -0.6}) {
            double[] primal = X.clone();
            double expected = ParamAliasFx.chosen(primal, W, c);
            double[] viaGradient = X.clone();
            var g = ParamAliasFxGrad.chosen(viaGradient, W, c);
            Check.sameValue(expected, g.value());
            assertArrayEquals(primal, viaGradient, 0.0, "c = " + c);
            Check.fd(p -> ParamAliasFx.chosen(Arrays.copyOf(p, 5), Arrays.copyOfRange(p, 5, 10),
                    p[10]), concat(concat(X, W), c), concat(concat(g.x(), g.b()), g.c()));
        }
    }

    @Test
    void oneOfTwoParametersChosenByAConditional() {
        double[] z0 = {0.2, -0.9, 1.1};
        for (double c : new double[] {0.9, -0.6}) {
            double[] x1 = X.clone();
            double[] z1 = z0.clone();
            double expected = ParamAliasFx.eitherParameter(x1, z1, c);
            double[] x2 = X.clone();
            double[] z2 = z0.clone();
            var g = ParamAliasFxGrad.eitherParameter(x2, z2, c);
            Check.sameValue(expected, g.value());
            assertArrayEquals(x1, x2, 0.0, "x, c = " + c);
            assertArrayEquals(z1, z2, 0.0, "z, c = " + c);
            Check.fd(p -> ParamAliasFx.eitherParameter(Arrays.copyOf(p, 5),
                    Arrays.copyOfRange(p, 5, 8), p[8]), concat(concat(X, z0), c),
                    concat(concat(g.x(), g.z()), g.c()));
        }
    }

    @Test
    void timeSteppingThatSwapsTheParameterIn() {
        for (int steps = 0; steps <= 3; steps++) {
            int n = steps;
            double[] primal = X.clone();
            double expected = ParamAliasFx.timeSteps(primal, 0.1, n);
            double[] viaGradient = X.clone();
            var g = ParamAliasFxGrad.timeSteps(viaGradient, 0.1, n);
            Check.sameValue(expected, g.value());
            assertArrayEquals(primal, viaGradient, 0.0, steps + " steps");
            Check.fd(p -> ParamAliasFx.timeSteps(Arrays.copyOf(p, 5), p[5], n), concat(X, 0.1),
                    concat(g.u(), g.dt()));
        }
    }

    @Test
    void aReassignedParameterWrittenBeforeAndAfter() {
        double[] o0 = {0.3, -0.8, 1.2};
        double[] x1 = X.clone();
        double[] o1 = o0.clone();
        double expected = ParamAliasFx.reassigned(x1, o1, 0.7);
        double[] x2 = X.clone();
        double[] o2 = o0.clone();
        var g = ParamAliasFxGrad.reassigned(x2, o2, 0.7);
        Check.sameValue(expected, g.value());
        assertArrayEquals(x1, x2, 0.0, "x");
        assertArrayEquals(o1, o2, 0.0, "other");
        Check.fd(p -> ParamAliasFx.reassigned(Arrays.copyOf(p, 5), Arrays.copyOfRange(p, 5, 8),
                p[8]), concat(concat(X, o0), 0.7), concat(concat(g.x(), g.other()), g.a()));
    }
}
