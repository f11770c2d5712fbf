package dev.adjoint.gradients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * ReLU differentiated from its result (ReluResultsFx): bit for bit the gradients of the twins
 * that keep relu's derivative on its argument, and finite differences away from the kinks.
 */
class ReluResultsTest {
    private static final double[][] XS = {{0.4, -1.1, 2.0}, {-0.3, 0.8, 0.5}, {1.2, 0.1, -0.9}};

    private static double[][] w1() {
        return new double[][] {{0.5, -0.2, 0.3}, {-0.7, 0.4, 0.1}, {0.2, 0.9, -0.6},
            {-0.1, -0.3, -0.2}};
    }

    @Test
    void netMatchesItsTwinAndDifferences() {
        double[][] w1 = w1();
        double[] w2 = {0.3, -1.2, 0.8, 0.5};
        var g = ReluResultsFxGrad.net(XS, w1, w2);
        var plain = ReluResultsFxGrad.netPlain(XS, w1, w2);
        Check.sameValue(ReluResultsFx.net(XS, w1, w2), g.value());
        for (int j = 0; j < w1.length; j++) {
            assertArrayEquals(plain.w1()[j], g.w1()[j], 0.0, "w1 row " + j);
        }
        assertArrayEquals(plain.w2(), g.w2(), 0.0, "w2");
        double[] flat = new double[16];
        double[] analytic = new double[16];
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 3; i++) {
                flat[3 * j + i] = w1[j][i];
                analytic[3 * j + i] = g.w1()[j][i];
            }
            flat[12 + j] = w2[j];
            analytic[12 + j] = g.w2()[j];
        }
        Check.fd(p -> {
            double[][] v1 = new double[4][];
            for (int j = 0; j < 4; j++) {
                v1[j] = Arrays.copyOfRange(p, 3 * j, 3 * j + 3);
            }
            return ReluResultsFx.net(XS, v1, Arrays.copyOfRange(p, 12, 16));
        }, flat, analytic);
    }

    @Test
    void deadUnitsAndTheKinkFollowTheConvention() {
        // unit 3 is dead for every sample, unit 0 sits exactly at z = 0 for the first one
        double[][] w1 = {{0.0, 0.0, 0.0}, {-0.7, 0.4, 0.1}, {0.2, 0.9, -0.6}, {-9, -9, -9}};
        double[][] xs = {{1.0, 1.0, 1.0}, {-0.3, 0.8, 0.5}};
        double[] w2 = {0.3, -1.2, 0.8, 0.5};
        var g = ReluResultsFxGrad.net(xs, w1, w2);
        var plain = ReluResultsFxGrad.netPlain(xs, w1, w2);
        for (int j = 0; j < w1.length; j++) {
            assertArrayEquals(plain.w1()[j], g.w1()[j], 0.0, "w1 row " + j);
        }
        assertArrayEquals(new double[3], g.w1()[0], 0.0, "relu'(0) = 0");
        assertArrayEquals(new double[3], g.w1()[3], 0.0, "dead unit");
        assertArrayEquals(plain.w2(), g.w2(), 0.0, "w2");
    }

    @Test
    void overwrittenAfterTheLoop() {
        double[] x = {1.3, -0.4, 0.9, 2.1, -1.7};
        var g = ReluResultsFxGrad.overwrittenAfter(x);
        var plain = ReluResultsFxGrad.overwrittenAfterPlain(x);
        Check.sameValue(ReluResultsFx.overwrittenAfter(x), g.value());
        assertArrayEquals(plain.x(), g.x(), 0.0);
        Check.fd(p -> ReluResultsFx.overwrittenAfter(p), x.clone(), g.x());
    }

    @Test
    void chainedAndLocal() {
        double[] x = {1.3, -0.4, 0.9, 2.1, -1.7};
        double w = 0.6;
        var g = ReluResultsFxGrad.chained(x, w);
        var plain = ReluResultsFxGrad.chainedPlain(x, w);
        Check.sameValue(ReluResultsFx.chained(x, w), g.value());
        assertArrayEquals(plain.x(), g.x(), 0.0);
        assertEquals(plain.w(), g.w(), 0.0);
        double[] analytic = Arrays.copyOf(g.x(), 6);
        analytic[5] = g.w();
        double[] at = Arrays.copyOf(x, 6);
        at[5] = w;
        Check.fd(p -> ReluResultsFx.chained(Arrays.copyOf(p, 5), p[5]), at, analytic);
    }
    @Test
    void overwrittenBlindlyAfterTheLoop() {
        double[] x = {1.3, -0.9, 0.2, 2.1, -1.7};
        var g = ReluResultsFxGrad.overwrittenBlindly(x);
        var plain = ReluResultsFxGrad.overwrittenBlindlyPlain(x);
        Check.sameValue(ReluResultsFx.overwrittenBlindly(x), g.value());
        assertArrayEquals(plain.x(), g.x(), 0.0);
        double[] exact = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            exact[j] = (x[j] * x[j] - 0.5 > 0 ? 2 * x[j] : 0) + 8 * x[j];
        }
        assertArrayEquals(exact, g.x(), 1e-12);
        Check.fd(p -> ReluResultsFx.overwrittenBlindly(p), x.clone(), g.x());
    }
}
