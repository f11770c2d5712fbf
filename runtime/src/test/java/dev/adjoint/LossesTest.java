package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossesTest {

    @Test
    void squaredErrorValues() {
        assertEquals(2.0, Losses.squaredError(7.0, 5.0));
        assertEquals(2.0, Losses.squaredError(5.0, 7.0));
        assertEquals(0.0, Losses.squaredError(1.5, 1.5));
        assertEquals(2.0, Losses.squaredErrorDerivative(7.0, 5.0));
        assertEquals(-2.0, Losses.squaredErrorTargetDerivative(7.0, 5.0));
    }

    @Test
    void binaryCrossEntropyValues() {
        assertEquals(Math.log(2.0), Losses.binaryCrossEntropy(0.5, 1.0), 1e-16);
        assertEquals(Math.log(2.0), Losses.binaryCrossEntropy(0.5, 0.0), 1e-16);
        assertEquals(-Math.log(0.75), Losses.binaryCrossEntropy(0.25, 0.0), 1e-16);
        assertEquals(-Math.log(0.25), Losses.binaryCrossEntropy(0.25, 1.0), 1e-15);
        assertEquals(-(0.3 * Math.log(0.6) + 0.7 * Math.log(0.4)),
                Losses.binaryCrossEntropy(0.6, 0.3), 1e-15);
    }

    @Test
    void binaryCrossEntropyAtCertainty() {
        assertEquals(0.0, Losses.binaryCrossEntropy(1.0, 1.0), "0·log 0 = 0, not NaN");
        assertEquals(0.0, Losses.binaryCrossEntropy(0.0, 0.0), "0·log 0 = 0, not NaN");
        assertEquals(Double.POSITIVE_INFINITY, Losses.binaryCrossEntropy(0.0, 1.0));
        assertEquals(Double.POSITIVE_INFINITY, Losses.binaryCrossEntropy(1.0, 0.0));
        assertEquals(-1.0, Losses.binaryCrossEntropyDerivative(1.0, 1.0));
        assertEquals(1.0, Losses.binaryCrossEntropyDerivative(0.0, 0.0));
        // Tiny probabilities keep precision because log(1-p) is evaluated with log1p.
        assertEquals(1e-20, Losses.binaryCrossEntropy(1e-20, 0.0), 1e-35);
    }

    @Test
    void binaryCrossEntropyDerivativeMatchesClosedForm() {
        double p = 0.35;
        double y = 0.8;
        assertEquals((p - y) / (p * (1.0 - p)), Losses.binaryCrossEntropyDerivative(p, y), 1e-14);
        assertEquals(Math.log(1.0 - p) - Math.log(p),
                Losses.binaryCrossEntropyLabelDerivative(p, y), 1e-15);
    }

    @Test
    void mseValues() {
        assertEquals(4.0 / 3.0, Losses.mse(new double[] {1, 2, 3}, new double[] {1, 2, 5}), 1e-15);
        assertEquals(0.0, Losses.mse(new double[] {4}, new double[] {4}));
        assertEquals(9.0, Losses.mse(new double[] {1}, new double[] {-2}));
    }

    @Test
    void mseRejectsBadArguments() {
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(new double[] {1, 2}, new double[] {1}));
        assertTrue(mismatch.getMessage().contains("length"), mismatch.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> Losses.msePullback(new double[] {1, 2}, new double[] {1}, 1.0, null, null));
        assertThrows(IllegalArgumentException.class, () -> Losses.msePullback(
                new double[] {1, 2}, new double[] {1, 2}, 1.0, new double[3], null));
    }

    @Test
    void softmaxCrossEntropyValues() {
        assertEquals(Math.log(2.0), Losses.softmaxCrossEntropy(new double[] {0, 0}, 0), 1e-16);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.log(z) - 3.0, Losses.softmaxCrossEntropy(new double[] {1, 2, 3}, 2),
                1e-15);
        assertEquals(Math.log(z) - 1.0, Losses.softmaxCrossEntropy(new double[] {1, 2, 3}, 0),
                1e-15);
        assertEquals(0.0, Losses.softmaxCrossEntropy(new double[] {5}, 0));
    }

    @Test
    void softmaxCrossEntropyIsStable() {
        assertEquals(1000.0, Losses.softmaxCrossEntropy(new double[] {1000, 0}, 1));
        assertEquals(0.0, Losses.softmaxCrossEntropy(new double[] {1000, 0}, 0));
        assertEquals(Math.log(2.0),
                Losses.softmaxCrossEntropy(new double[] {-1000, -1000}, 1), 1e-16);
        // Precision when the correct class dominates: -log(1/(1+e)) = log1p(e) ≈ e - e²/2.
        double e = Math.exp(-30.0);
        assertEquals(e - e * e / 2, Losses.softmaxCrossEntropy(new double[] {30, 0}, 0),
                1e-15 * e);
    }

    @Test
    void softmaxCrossEntropyRejectsBadLabel() {
        assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(new double[] {1, 2}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(new double[] {1, 2}, -1));
        assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(new double[0], 0));
        assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropyPullback(new double[] {1}, 1, 1.0, null));
    }

    @Test
    void softmaxValues() {
        assertArrayEquals(new double[] {0.5, 0.5}, Losses.softmax(new double[] {1000, 1000}));
        assertArrayEquals(new double[] {0.0, 1.0}, Losses.softmax(new double[] {-1000, 0}));
        double[] logits = {1, 2, 3};
        double[] p = Losses.softmax(logits);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new double[] {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z}, p,
                1e-15);
        assertArrayEquals(new double[] {1, 2, 3}, logits, "input must not be modified");
        assertEquals(0, Losses.softmax(new double[0]).length);
    }
}
