package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;

import dev.adjoint.Activations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Activations / Losses, inactive-only calls, and the documented conventions at kinks. */
class RuntimeAndSpecialPointsTest {

    @ParameterizedTest
    @CsvSource({"1.5, 0.7", "-1.5, 0.7"})
    void relu(double x, double y) {
        RuntimeFxGrad.ReluGradient g = RuntimeFxGrad.relu(x, y);
        Check.sameValue(RuntimeFx.relu(x, y), g.value());
        Check.exact(x > 0 ? y : 0, g.x(), "dx");
        Check.exact(Math.max(0, x), g.y(), "dy");
        Check.fd(p -> RuntimeFx.relu(p[0], p[1]), v(x, y), v(g.x(), g.y()));
    }

    @ParameterizedTest
    @CsvSource({"1.5, 0.1", "-1.5, 0.1"})
    void leakyRelu(double x, double s) {
        RuntimeFxGrad.LeakyReluGradient g = RuntimeFxGrad.leakyRelu(x, s);
        Check.sameValue(RuntimeFx.leakyRelu(x, s), g.value());
        Check.exact(x > 0 ? 1 : s, g.x(), "dx");
        Check.exact(x > 0 ? 0 : x, g.slope(), "dslope");
        Check.fd(p -> RuntimeFx.leakyRelu(p[0], p[1]), v(x, s), v(g.x(), g.slope()));
    }

    @Test
    void sigmoidSoftplusBceSquaredError() {
        double x = 0.8, y = -1.1;
        double s = Activations.sigmoid(x * y);
        RuntimeFxGrad.SigmoidGradient sg = RuntimeFxGrad.sigmoid(x, y);
        Check.sameValue(RuntimeFx.sigmoid(x, y), sg.value());
        Check.exact(s * (1 - s) * y, sg.x(), "sigmoid dx");
        Check.exact(s * (1 - s) * x, sg.y(), "sigmoid dy");
        Check.fd(p -> RuntimeFx.sigmoid(p[0], p[1]), v(x, y), v(sg.x(), sg.y()));
        Check.hipparchus(d -> d[0].multiply(d[1]).negate().exp().add(1).reciprocal(), v(x, y),
                v(sg.x(), sg.y()), "sigmoid");

        RuntimeFxGrad.SoftplusGradient sp = RuntimeFxGrad.softplus(x, y);
        Check.sameValue(RuntimeFx.softplus(x, y), sp.value());
        Check.exact(Activations.sigmoid(x) * y, sp.x(), "softplus dx");
        Check.fd(p -> RuntimeFx.softplus(p[0], p[1]), v(x, y), v(sp.x(), sp.y()));
        Check.hipparchus(d -> d[0].exp().log1p().multiply(d[1]), v(x, y), v(sp.x(), sp.y()), "softplus");

        double p = 0.3, label = 0.8;
        RuntimeFxGrad.BceGradient b = RuntimeFxGrad.bce(p, label);
        Check.sameValue(RuntimeFx.bce(p, label), b.value());
        // -(l log p + (1-l) log(1-p))
        Check.exact(-(label / p - (1 - label) / (1 - p)), b.p(), "bce dp");
        Check.exact(-(Math.log(p) - Math.log(1 - p)), b.label(), "bce dlabel");
        Check.fd(q -> RuntimeFx.bce(q[0], q[1]), v(p, label), v(b.p(), b.label()));

        double pr = 1.3, t = 0.4;
        RuntimeFxGrad.SquaredErrorGradient se = RuntimeFxGrad.squaredError(pr, t);
        Check.sameValue(RuntimeFx.squaredError(pr, t), se.value());
        Check.exact((pr * pr - t) * 2 * pr, se.p(), "se dp");
        Check.exact(-(pr * pr - t), se.t(), "se dt");
        Check.fd(q -> RuntimeFx.squaredError(q[0], q[1]), v(pr, t), v(se.p(), se.t()));
    }

    @Test
    void inactiveArgs() {
        double x = 0.6, k = 1.2;
        int n = 4;
        RuntimeFxGrad.InactiveArgsGradient g = RuntimeFxGrad.inactiveArgs(x, k, n);
        Check.sameValue(RuntimeFx.inactiveArgs(x, k, n), g.value());
        double c = Math.sin(n) + Math.sqrt(2.0) + Math.exp(k) + 4 + 4 + k * k + Math.cos(k)
                + Activations.sigmoid(k);
        Check.exact(c + 2 * x, g.x(), "dx");
        Check.fd(p -> RuntimeFx.inactiveArgs(p[0], k, n), v(x), v(g.x()));
        Check.gradient(RuntimeFxGrad.class, "inactiveArgs", new String[] {"x"}, x, k, n);
    }

    // ---- conventions at non-differentiable points (exact values only: FD is meaningless here) ----

    @Test
    void reluAtZeroIsZero() {
        Check.exact(0.0, RuntimeFxGrad.relu(0.0, 0.7).x(), "relu'(0)");
        Check.exact(0.0, RuntimeFxGrad.relu(-0.0, 0.7).x(), "relu'(-0)");
    }

    /**
     * The reverse sweep writes the runtime's piecewise partials as selects ({@code x > 0.0 ? seed :
     * 0.0}, not {@code seed * reluDerivative(x)}): bit for bit what the declared partials give, at
     * kinks, signed zeros, subnormals, infinities and NaN, for finite seeds.
     */
    @Test
    void reluAndLeakyReluSelectsAreTheDeclaredPartials() {
        double[] xs = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1.5, -1.5, 1e300, -1e300,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        double[] seeds = {0.7, -0.7, 0.0, -0.0, 3e-320, Double.MAX_VALUE};
        for (double x : xs) {
            for (double y : seeds) {
                String at = " at x = " + x + ", y = " + y;
                bits(0.0 + y * Activations.reluDerivative(x), RuntimeFxGrad.relu(x, y).x(),
                        "relu dx" + at);
                RuntimeFxGrad.LeakyReluScaledGradient g = RuntimeFxGrad.leakyReluScaled(x, 0.1, y);
                bits(0.0 + y * Activations.leakyReluDerivative(x, 0.1), g.x(), "leaky dx" + at);
                bits(0.0 + y * Activations.leakyReluSlopeDerivative(x, 0.1), g.slope(),
                        "leaky dslope" + at);
            }
            RuntimeFxGrad.LeakyReluGradient g = RuntimeFxGrad.leakyRelu(x, 0.1);
            bits(0.0 + Activations.leakyReluDerivative(x, 0.1), g.x(), "leaky dx at " + x);
            bits(0.0 + Activations.leakyReluSlopeDerivative(x, 0.1), g.slope(), "dslope at " + x);
        }
        // Where the product gave NaN (an infinite seed times a 0 partial), the select gives 0.
        bits(0.0, RuntimeFxGrad.relu(-1.5, Double.POSITIVE_INFINITY).x(), "relu dx, infinite seed");
        bits(0.0, RuntimeFxGrad.leakyReluScaled(1.5, 0.1, Double.NEGATIVE_INFINITY).slope(),
                "leaky dslope, infinite seed");
    }

    @ParameterizedTest
    @CsvSource({"1.5, 0.1, 0.7", "-1.5, 0.1, -0.7", "-0.3, 2.5, 1.2"})
    void leakyReluScaled(double x, double s, double y) {
        RuntimeFxGrad.LeakyReluScaledGradient g = RuntimeFxGrad.leakyReluScaled(x, s, y);
        Check.sameValue(RuntimeFx.leakyReluScaled(x, s, y), g.value());
        Check.exact(x > 0 ? y : s * y, g.x(), "dx");
        Check.exact(x > 0 ? 0 : x * y, g.slope(), "dslope");
        Check.exact(Activations.leakyRelu(x, s), g.y(), "dy");
        Check.fd(p -> RuntimeFx.leakyReluScaled(p[0], p[1], p[2]), v(x, s, y),
                v(g.x(), g.slope(), g.y()));
    }

    /**
     * Bit for bit, except the sign of a zero: clean-up turns {@code a = 0.0; a += e} into
     * {@code a = e}, which keeps the {@code -0.0} of a product where the sum gave {@code +0.0}
     * (equal as values, and as gradients).
     */
    private static void bits(double expected, double actual, String what) {
        if (expected == 0.0 && actual == 0.0) {
            return;
        }
        org.junit.jupiter.api.Assertions.assertEquals(Double.doubleToRawLongBits(expected),
                Double.doubleToRawLongBits(actual), () -> what + ": " + actual + " != " + expected);
    }

    @Test
    void absAtZeroIsZero() {
        Check.exact(0.0, MathFxGrad.abs(0.0, 1.3).x(), "|x|' at 0");
        Check.exact(0.0, MathFxGrad.abs(-0.0, 1.3).x(), "|x|' at -0");
        Check.exact(0.0, MathFxGrad.strictAbs(0.0, 1.3).x(), "StrictMath |x|' at 0");
    }

    @Test
    void maxMinTiesGoToFirstArgument() {
        // max(x, y) * y at x == y: first argument wins -> d/dx = y, d/dy = x
        MathFxGrad.MaxGradient mx = MathFxGrad.max(1.5, 1.5);
        Check.exact(1.5, mx.x(), "max tie dx");
        Check.exact(1.5, mx.y(), "max tie dy");
        MathFxGrad.StrictMaxGradient smx = MathFxGrad.strictMax(1.5, 1.5);
        Check.exact(1.5, smx.x(), "StrictMath max tie dx");
        Check.exact(1.5, smx.y(), "StrictMath max tie dy");
        // min(x, y) * x at tie: first -> x*x -> (3, 0)
        MathFxGrad.MinGradient mn = MathFxGrad.min(1.5, 1.5);
        Check.exact(3.0, mn.x(), "min tie dx");
        Check.exact(0.0, mn.y(), "min tie dy");
        MathFxGrad.StrictMinGradient smn = MathFxGrad.strictMin(1.5, 1.5);
        Check.exact(3.0, smn.x(), "StrictMath min tie dx");
        Check.exact(0.0, smn.y(), "StrictMath min tie dy");
        // max(x, 2.0) * y at x == 2: first (x) wins
        Check.exact(0.7, MathFxGrad.maxOneActive(2.0, 0.7).x(), "max(x,2) tie");
        // max(2.0, x) * y at x == 2: first (the constant) wins
        Check.exact(0.0, MathFxGrad.maxConstFirst(2.0, 0.7).x(), "max(2,x) tie");
        Check.exact(0.7, MathFxGrad.minOneActive(2.0, 0.7).x(), "min(x,2) tie");
    }

    @Test
    void piecewiseConstantFunctionsHaveZeroDerivativeEvenAtJumps() {
        // f = g(x) * y + x  => d/dx = 1 exactly (g' = 0)
        Check.exact(1.0, MathFxGrad.floor(2.0, 0.7).x(), "floor at integer");
        Check.exact(1.0, MathFxGrad.ceil(2.0, 0.7).x(), "ceil at integer");
        Check.exact(1.0, MathFxGrad.rint(2.5, 0.7).x(), "rint at .5");
        Check.exact(1.0, MathFxGrad.round(2.5, 0.7).x(), "round at .5");
        Check.exact(1.0, MathFxGrad.signum(0.0, 0.7).x(), "signum at 0");
        Check.exact(1.0, MathFxGrad.strictSignum(0.0, 0.7).x(), "StrictMath signum at 0");
        Check.exact(0.0, MathFxGrad.signum(0.0, 0.7).y(), "signum(0) * y");
    }
}
