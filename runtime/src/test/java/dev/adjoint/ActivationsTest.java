package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivationsTest {

    @Test
    void reluValues() {
        assertEquals(0.0, Activations.relu(-1.0));
        assertEquals(0.0, Activations.relu(0.0));
        assertEquals(2.5, Activations.relu(2.5));
        assertEquals(0.0, Activations.relu(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Activations.relu(Double.NaN)), "relu propagates NaN");
    }

    @Test
    void reluIsBitForBitMathMax() {
        java.util.Random random = new java.util.Random(15);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE,
            1.0, -1.0, Double.MIN_NORMAL, Double.longBitsToDouble(0x7ff8000000000123L)};
        for (double x : special) {
            assertBitsEqual(Math.max(0.0, x), Activations.relu(x), x);
        }
        for (int i = 0; i < 10_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong());
            assertBitsEqual(Math.max(0.0, x), Activations.relu(x), x);
        }
    }

    private static void assertBitsEqual(double expected, double actual, double x) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> "relu(" + x + ") = " + actual + ", Math.max(0, x) = " + expected);
    }

    @Test
    void reluDerivativeConvention() {
        assertEquals(0.0, Activations.reluDerivative(-1.0));
        assertEquals(0.0, Activations.reluDerivative(0.0), "ReLU'(0) = 0 by convention");
        assertEquals(1.0, Activations.reluDerivative(Double.MIN_VALUE));
        assertEquals(1.0, Activations.reluDerivative(3.0));
    }

    @Test
    void leakyReluValues() {
        assertEquals(-0.2, Activations.leakyRelu(-2.0, 0.1));
        assertEquals(0.0, Activations.leakyRelu(0.0, 0.1));
        assertEquals(3.0, Activations.leakyRelu(3.0, 0.1));
        assertEquals(1.0, Activations.leakyReluDerivative(3.0, 0.1));
        assertEquals(0.1, Activations.leakyReluDerivative(-2.0, 0.1));
        assertEquals(0.0, Activations.leakyReluSlopeDerivative(3.0, 0.1));
        assertEquals(-2.0, Activations.leakyReluSlopeDerivative(-2.0, 0.1));
    }

    @Test
    void sigmoidDerivativeIsSTimesOneMinusSToTheLastBits() {
        // e/(1+e)^2 with e = exp(-|x|) against the former sigmoid(x)*sigmoid(-x): 2 ulps everywhere,
        // so both keep relative precision in the tails (where s - s*s would lose it).
        for (double x = -745.0; x <= 745.0; x += 0.173) {
            double reference = Activations.sigmoid(x) * Activations.sigmoid(-x);
            double d = Activations.sigmoidDerivative(x);
            assertEquals(reference, d, 2 * Math.ulp(reference), "sigmoid'(" + x + ")");
        }
        assertEquals(0.25, Activations.sigmoidDerivative(0.0));
        assertEquals(0.25, Activations.sigmoidDerivative(-0.0));
        assertEquals(0.0, Activations.sigmoidDerivative(800.0));
        assertEquals(0.0, Activations.sigmoidDerivative(-800.0));
        assertEquals(Math.exp(-40.0), Activations.sigmoidDerivative(-40.0), 1e-15 * Math.exp(-40.0));
        assertTrue(Double.isNaN(Activations.sigmoidDerivative(Double.NaN)));
    }

    @Test
    void sigmoidValues() {
        assertEquals(0.5, Activations.sigmoid(0.0));
        assertEquals(0.75, Activations.sigmoid(Math.log(3.0)), 1e-15);
        assertEquals(0.25, Activations.sigmoid(-Math.log(3.0)), 1e-15);
        assertEquals(0.25, Activations.sigmoidDerivative(0.0));
        for (double x : new double[] {-7.5, -1.0, 0.3, 2.0, 12.0}) {
            assertEquals(1.0, Activations.sigmoid(x) + Activations.sigmoid(-x), 1e-15);
            assertEquals(1.0 / (1.0 + Math.exp(-x)), Activations.sigmoid(x), 1e-15);
        }
    }

    @Test
    void sigmoidIsStableInTheTails() {
        assertEquals(0.0, Activations.sigmoid(-800.0), "sigmoid(-800) must be 0, not NaN");
        assertEquals(1.0, Activations.sigmoid(800.0));
        assertEquals(0.0, Activations.sigmoidDerivative(-800.0));
        assertEquals(0.0, Activations.sigmoidDerivative(800.0));
        // Full relative precision in the tails: sigmoid(-40) = e^-40 / (1 + e^-40).
        double e = Math.exp(-40.0);
        assertEquals(e / (1.0 + e), Activations.sigmoid(-40.0), 1e-15 * e);
        // s(1-s) evaluated naively would be 0 here; the true value is about 4.2e-18.
        double expected = e / ((1.0 + e) * (1.0 + e));
        assertEquals(expected, Activations.sigmoidDerivative(40.0), 1e-14 * expected);
        assertEquals(expected, Activations.sigmoidDerivative(-40.0), 1e-14 * expected);
        assertFalse(Double.isNaN(Activations.sigmoid(-Double.MAX_VALUE)));
        assertEquals(0.0, Activations.sigmoid(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Activations.sigmoid(Double.POSITIVE_INFINITY));
    }

    @Test
    void softplusValues() {
        assertEquals(Math.log(2.0), Activations.softplus(0.0), 1e-16);
        assertEquals(Math.log1p(Math.E), Activations.softplus(1.0), 1e-15);
        assertEquals(Math.log1p(Math.exp(-3.0)), Activations.softplus(-3.0), 1e-16);
        assertEquals(800.0, Activations.softplus(800.0), "softplus(800) must be 800, not Infinity");
        assertEquals(0.0, Activations.softplus(-800.0));
        // log1p(e) = e - e²/2 + O(e³) for e = e^-30.
        double e = Math.exp(-30.0);
        assertEquals(e - e * e / 2, Activations.softplus(-30.0), 1e-15 * e);
        assertEquals(0.5, Activations.softplusDerivative(0.0));
        assertEquals(Activations.sigmoid(1.7), Activations.softplusDerivative(1.7));
    }
}
