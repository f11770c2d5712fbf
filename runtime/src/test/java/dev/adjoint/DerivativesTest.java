package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Checks every {@link Partial} and {@link Pullback} of the runtime helpers against two oracles:
 * 5-point central finite differences (implemented here, independently of {@link GradientCheck})
 * and Hipparchus forward-mode {@link DerivativeStructure}s.
 */
class DerivativesTest {

    private static final double FD_TOLERANCE = 1e-8;
    private static final double DS_TOLERANCE = 1e-13;

    /** Independent 5-point central difference of f along coordinate i. */
    private static double finiteDifference(ToDoubleFunction<double[]> f, double[] x, int i) {
        double h = 1e-3 * Math.max(1.0, Math.abs(x[i]));
        double[] y = x.clone();
        y[i] = x[i] + h;
        double fp1 = f.applyAsDouble(y);
        y[i] = x[i] - h;
        double fm1 = f.applyAsDouble(y);
        y[i] = x[i] + 2 * h;
        double fp2 = f.applyAsDouble(y);
        y[i] = x[i] - 2 * h;
        double fm2 = f.applyAsDouble(y);
        return (8 * (fp1 - fm1) - (fp2 - fm2)) / (12 * h);
    }

    /** Value and gradient of a DerivativeStructure model of the function at x. */
    private static double[] dsValueAndGradient(Function<DerivativeStructure[], DerivativeStructure> g,
            double[] x) {
        DSFactory factory = new DSFactory(x.length, 1);
        DerivativeStructure[] vars = new DerivativeStructure[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = factory.variable(i, x[i]);
        }
        DerivativeStructure y = g.apply(vars);
        double[] out = new double[x.length + 1];
        out[0] = y.getValue();
        for (int i = 0; i < x.length; i++) {
            int[] orders = new int[x.length];
            orders[i] = 1;
            out[i + 1] = y.getPartialDerivative(orders);
        }
        return out;
    }

    private static void assertRelative(double expected, double actual, double tolerance,
            String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        if (!(Math.abs(expected - actual) <= tolerance * scale)) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    private static void assertFd(double expected, double actual, String what) {
        double scale = Math.max(1.0, Math.max(Math.abs(expected), Math.abs(actual)));
        if (!(Math.abs(expected - actual) <= FD_TOLERANCE * scale)) {
            fail(what + ": finite difference " + expected + " but analytic " + actual);
        }
    }

    /**
     * Checks one scalar partial: the function against its DS model, and the partial along
     * coordinate {@code wrt} against finite differences and the DS derivative.
     */
    private static void checkPartial(String name, ToDoubleFunction<double[]> f,
            Function<DerivativeStructure[], DerivativeStructure> model, int wrt,
            ToDoubleFunction<double[]> partial, double[]... points) {
        for (double[] x : points) {
            String at = name + " at " + java.util.Arrays.toString(x);
            double analytic = partial.applyAsDouble(x);
            double[] ds = dsValueAndGradient(model, x);
            assertRelative(ds[0], f.applyAsDouble(x), DS_TOLERANCE, at + " value vs Hipparchus");
            assertRelative(ds[wrt + 1], analytic, DS_TOLERANCE, at + " derivative vs Hipparchus");
            assertFd(finiteDifference(f, x, wrt), analytic, at + " derivative vs FD");
        }
    }

    @Test
    void relu() {
        checkPartial("reluDerivative", x -> Activations.relu(x[0]),
                v -> v[0].getValue() > 0 ? v[0] : v[0].multiply(0.0), 0,
                x -> Activations.reluDerivative(x[0]),
                new double[] {-2.5}, new double[] {-0.3}, new double[] {0.7}, new double[] {3.0});
    }

    @Test
    void leakyRelu() {
        Function<DerivativeStructure[], DerivativeStructure> model =
                v -> v[0].getValue() > 0 ? v[0] : v[1].multiply(v[0]);
        double[][] points = {{-2.5, 0.1}, {-0.4, 0.3}, {0.7, 0.1}, {3.0, 0.02}};
        checkPartial("leakyReluDerivative", x -> Activations.leakyRelu(x[0], x[1]), model, 0,
                x -> Activations.leakyReluDerivative(x[0], x[1]), points);
        checkPartial("leakyReluSlopeDerivative", x -> Activations.leakyRelu(x[0], x[1]), model,
                1, x -> Activations.leakyReluSlopeDerivative(x[0], x[1]), points);
    }

    @Test
    void sigmoid() {
        checkPartial("sigmoidDerivative", x -> Activations.sigmoid(x[0]),
                v -> v[0].negate().exp().add(1.0).reciprocal(), 0,
                x -> Activations.sigmoidDerivative(x[0]),
                new double[] {-40.0}, new double[] {-3.0}, new double[] {-0.5},
                new double[] {0.0}, new double[] {0.8}, new double[] {4.0}, new double[] {40.0});
    }

    @Test
    void softplus() {
        checkPartial("softplusDerivative", x -> Activations.softplus(x[0]),
                v -> v[0].exp().log1p(), 0, x -> Activations.softplusDerivative(x[0]),
                new double[] {-20.0}, new double[] {-1.5}, new double[] {0.0},
                new double[] {0.9}, new double[] {6.0}, new double[] {30.0});
    }

    @Test
    void squaredError() {
        Function<DerivativeStructure[], DerivativeStructure> model =
                v -> v[0].subtract(v[1]).square().multiply(0.5);
        double[][] points = {{7.0, 5.0}, {-1.25, 3.5}, {0.0, 0.0}, {120.0, -80.0}};
        checkPartial("squaredErrorDerivative", x -> Losses.squaredError(x[0], x[1]), model, 0,
                x -> Losses.squaredErrorDerivative(x[0], x[1]), points);
        checkPartial("squaredErrorTargetDerivative", x -> Losses.squaredError(x[0], x[1]), model,
                1, x -> Losses.squaredErrorTargetDerivative(x[0], x[1]), points);
    }

    @Test
    void binaryCrossEntropy() {
        // -(y·log p + (1-y)·log(1-p))
        Function<DerivativeStructure[], DerivativeStructure> model = v -> v[1].multiply(v[0].log())
                .add(v[1].negate().add(1.0).multiply(v[0].negate().add(1.0).log())).negate();
        // Probabilities stay away from 0 and 1, where the FD truncation error h^4·f'''''/30 blows up.
        double[][] points = {{0.3, 1.0}, {0.3, 0.0}, {0.62, 0.25}, {0.15, 0.9}, {0.85, 0.5}};
        checkPartial("binaryCrossEntropyDerivative",
                x -> Losses.binaryCrossEntropy(x[0], x[1]), model, 0,
                x -> Losses.binaryCrossEntropyDerivative(x[0], x[1]), points);
        checkPartial("binaryCrossEntropyLabelDerivative",
                x -> Losses.binaryCrossEntropy(x[0], x[1]), model, 1,
                x -> Losses.binaryCrossEntropyLabelDerivative(x[0], x[1]), points);
    }

    @Test
    void msePullbackMatchesOracles() {
        double[] predictions = {0.5, -1.25, 3.0};
        double[] targets = {1.0, 0.75, -2.0};
        int n = predictions.length;
        double seed = 1.7;
        double[] predictionsAdj = new double[n];
        double[] targetsAdj = new double[n];

        Losses.msePullback(predictions, targets, seed, predictionsAdj, targetsAdj);

        assertArrayEquals(new double[] {0.5, -1.25, 3.0}, predictions, "input modified");
        assertArrayEquals(new double[] {1.0, 0.75, -2.0}, targets, "input modified");
        double[] joint = concat(predictions, targets);
        ToDoubleFunction<double[]> f =
                z -> Losses.mse(java.util.Arrays.copyOfRange(z, 0, n),
                        java.util.Arrays.copyOfRange(z, n, 2 * n));
        double[] ds = dsValueAndGradient(v -> {
            DerivativeStructure sum = v[0].multiply(0.0);
            for (int i = 0; i < n; i++) {
                sum = sum.add(v[i].subtract(v[n + i]).square());
            }
            return sum.divide(n);
        }, joint);
        assertRelative(ds[0], f.applyAsDouble(joint), DS_TOLERANCE, "mse value vs Hipparchus");
        for (int i = 0; i < n; i++) {
            double gp = predictionsAdj[i];
            double gt = targetsAdj[i];
            assertRelative(seed * ds[1 + i], gp, DS_TOLERANCE, "predictionsAdj[" + i + "] vs DS");
            assertRelative(seed * ds[1 + n + i], gt, DS_TOLERANCE, "targetsAdj[" + i + "] vs DS");
            assertFd(seed * finiteDifference(f, joint, i), gp, "predictionsAdj[" + i + "]");
            assertFd(seed * finiteDifference(f, joint, n + i), gt, "targetsAdj[" + i + "]");
        }
    }

    @Test
    void msePullbackAddsIntoTheAdjoints() {
        double[] predictions = {0.5, -1.25, 3.0};
        double[] targets = {1.0, 0.75, -2.0};
        double[] fresh = new double[3];
        double[] freshTargets = new double[3];
        Losses.msePullback(predictions, targets, 1.7, fresh, freshTargets);
        double[] predictionsAdj = {10.0, 20.0, 30.0};
        double[] targetsAdj = {-1.0, -2.0, -3.0};
        Losses.msePullback(predictions, targets, 1.7, predictionsAdj, targetsAdj);
        for (int i = 0; i < 3; i++) {
            assertEquals(10.0 * (i + 1) + fresh[i], predictionsAdj[i], "accumulates, not assigns");
            assertEquals(-(i + 1.0) + freshTargets[i], targetsAdj[i], "accumulates, not assigns");
        }
        Losses.msePullback(predictions, targets, 1.7, fresh, null);
        assertEquals(2 * freshTargets[0], -fresh[0], 1e-15, "second call adds again");
    }

    @Test
    void msePullbackSkipsNullAdjoints() {
        double[] predictions = {2.0, 4.0};
        double[] targets = {1.0, 1.0};
        double[] targetsAdj = {0.0, 0.0};
        Losses.msePullback(predictions, targets, 1.0, null, targetsAdj);
        assertArrayEquals(new double[] {-1.0, -3.0}, targetsAdj, 1e-15);
        double[] predictionsAdj = {0.0, 0.0};
        Losses.msePullback(predictions, targets, 2.0, predictionsAdj, null);
        assertArrayEquals(new double[] {2.0, 6.0}, predictionsAdj, 1e-15);
        Losses.msePullback(predictions, targets, 1.0, null, null); // nothing to do, no exception
    }

    @Test
    void softmaxCrossEntropyPullbackMatchesOracles() {
        double[][] cases = {{0.2, -1.0, 2.5, 0.0}, {3.0, 3.0, 3.0, 3.0}, {-4.0, 1.5, 0.25, 7.0}};
        for (double[] logits : cases) {
            for (int label = 0; label < logits.length; label++) {
                int k = label;
                double seed = -0.6;
                double[] adj = new double[logits.length];
                double[] before = logits.clone();
                Losses.softmaxCrossEntropyPullback(logits, k, seed, adj);
                assertArrayEquals(before, logits, "logits modified");
                double[] accumulated = {1.0, 2.0, 3.0, 4.0};
                Losses.softmaxCrossEntropyPullback(logits, k, seed, accumulated);
                for (int i = 0; i < logits.length; i++) {
                    assertEquals(i + 1.0 + adj[i], accumulated[i], "accumulates, not assigns");
                }
                ToDoubleFunction<double[]> f = z -> Losses.softmaxCrossEntropy(z, k);
                double[] ds = dsValueAndGradient(v -> {
                    DerivativeStructure sum = v[0].exp();
                    for (int i = 1; i < v.length; i++) {
                        sum = sum.add(v[i].exp());
                    }
                    return sum.log().subtract(v[k]);
                }, logits);
                String at = "softmaxCrossEntropy " + java.util.Arrays.toString(logits)
                        + " label " + k;
                assertRelative(ds[0], f.applyAsDouble(logits), DS_TOLERANCE, at + " value");
                for (int i = 0; i < logits.length; i++) {
                    double g = adj[i];
                    assertRelative(seed * ds[1 + i], g, DS_TOLERANCE, at + " adj[" + i + "] vs DS");
                    assertFd(seed * finiteDifference(f, logits, i), g, at + " adj[" + i + "]");
                }
            }
        }
    }

    @Test
    void softmaxCrossEntropyPullbackIsStableAndSkipsNull() {
        double[] adj = new double[2];
        Losses.softmaxCrossEntropyPullback(new double[] {1000, 0}, 1, 1.0, adj);
        assertArrayEquals(new double[] {1.0, -1.0}, adj);
        Losses.softmaxCrossEntropyPullback(new double[] {1000, 0}, 0, 1.0, adj);
        assertArrayEquals(new double[] {1.0, -1.0}, adj, "softmax_0 - 1 = 0, softmax_1 = 0");
        Losses.softmaxCrossEntropyPullback(new double[] {1000, 0}, 0, 1.0, null);
        // The gradient of the correct class keeps relative precision: -(e^-30)/(1+e^-30).
        double[] small = new double[2];
        Losses.softmaxCrossEntropyPullback(new double[] {30, 0}, 0, 1.0, small);
        double e = Math.exp(-30.0);
        assertRelative(-e / (1.0 + e), small[0], 1e-14, "dominant-class gradient");
        assertTrue(small[0] < 0.0);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
