package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

    /** f(a, b, c) = a²·b + sin(c) + exp(a·c). */
    private static final ToDoubleFunction<double[]> F =
            x -> x[0] * x[0] * x[1] + Math.sin(x[2]) + Math.exp(x[0] * x[2]);

    private static double[] gradF(double[] x) {
        double e = Math.exp(x[0] * x[2]);
        return new double[] {2 * x[0] * x[1] + x[2] * e, x[0] * x[0], Math.cos(x[2]) + x[0] * e};
    }

    @Test
    void numericalGradientMatchesClosedForm() {
        double[] x = {0.7, -1.3, 0.4};
        double[] numeric = GradientCheck.numericalGradient(F, x);
        assertArrayEquals(gradF(x), numeric, 1e-10);
    }

    @Test
    void usesTheFivePointStencilWithRelativeStep() {
        // For x^5 the 5-point stencil's error is exactly -h^4·f'''''/30 = -4h^4.
        ToDoubleFunction<double[]> quintic = x -> Math.pow(x[0], 5);
        double[] atOne = GradientCheck.numericalGradient(quintic, new double[] {1.0}, 0.1);
        assertEquals(5.0 - 4e-4, atOne[0], 1e-11, "h = step at |x| <= 1");
        // At x = 10, h = 0.01·max(1, 10) = 0.1, so the error is again 4e-4, not 4e-8.
        double[] atTen = GradientCheck.numericalGradient(quintic, new double[] {10.0}, 0.01);
        assertEquals(5e4 - 4e-4, atTen[0], 1e-7, "h scales with |x|");
        // Default step 1e-3: error 4e-12.
        double[] dflt = GradientCheck.numericalGradient(quintic, new double[] {1.0});
        assertEquals(5.0, dflt[0], 1e-10);
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.numericalGradient(quintic, new double[] {1.0}, 0.0));
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.numericalGradient(quintic, new double[] {1.0}, Double.NaN));
    }

    @Test
    void doesNotMutateInputEvenIfTheFunctionDoes() {
        double[] x = {0.7, -1.3, 0.4};
        double[] copy = x.clone();
        ToDoubleFunction<double[]> vandal = z -> {
            double v = F.applyAsDouble(z);
            z[0] = 1e9; // a badly behaved function scribbling on its argument
            z[2] = -1e9;
            return v;
        };
        double[] numeric = GradientCheck.numericalGradient(vandal, x);
        assertArrayEquals(copy, x, "caller's x must not change");
        assertArrayEquals(gradF(copy), numeric, 1e-10);
        GradientCheck.compare(vandal, x, gradF(copy), "a", "b", "c").assertWithin(1e-9);
        assertArrayEquals(copy, x, "caller's x must not change");
    }

    @Test
    void passesACorrectGradient() {
        double[] x = {-0.2, 2.0, 1.1};
        double[] analytic = gradF(x);
        GradientCheck.Report report = GradientCheck.compare(F, x, analytic, "a", "b", "c");
        assertTrue(report.passes(1e-9), report::toString);
        assertTrue(report.worstRelativeError() < 1e-9);
        assertSame(report, report.assertWithin(1e-9));
        assertArrayEquals(analytic, report.analytic());
        assertArrayEquals(GradientCheck.numericalGradient(F, x), report.numeric());
    }

    @Test
    void detectsAWrongGradientWithAReadableTable() {
        double[] x = {-0.2, 2.0, 1.1};
        double[] wrong = gradF(x);
        wrong[1] *= 1.1; // 10% off in "bias"
        GradientCheck.Report report = GradientCheck.compare(F, x, wrong, "weight", "bias", "c");
        assertFalse(report.passes(1e-6));
        assertEquals("bias", report.worstParameter());
        // |0.044 - 0.04| / max(1, ...) = 0.004
        assertEquals(0.1 * x[0] * x[0], report.relativeError(1), 1e-9);
        assertTrue(report.relativeError(0) < 1e-9);
        assertEquals(report.relativeError(1), report.worstRelativeError());
        double worst = report.worstRelativeError();
        assertTrue(report.passes(worst), "tolerance is inclusive");
        assertFalse(report.passes(Math.nextDown(worst)));
        assertSame(report, report.assertWithin(worst));
        assertThrows(AssertionError.class, () -> report.assertWithin(Math.nextDown(worst)));

        AssertionError error = assertThrows(AssertionError.class, () -> report.assertWithin(1e-6));
        String message = error.getMessage();
        for (String expected : new String[] {"weight", "bias", "c", "analytic", "numeric",
                "relative error", "1.000e-06"}) {
            assertTrue(message.contains(expected), "missing '" + expected + "' in:\n" + message);
        }
        String[] lines = message.split("\\R");
        long marked = java.util.Arrays.stream(lines).filter(l -> l.contains("FAIL")).count();
        assertEquals(1, marked, message);
        assertTrue(java.util.Arrays.stream(lines)
                .anyMatch(l -> l.startsWith("bias") && l.contains("FAIL")), message);
    }

    @Test
    void tableIsAlignedAndUsesDefaultNames() {
        double[] x = {0.5, -3.0, 2.0};
        String table = GradientCheck.compare(F, x, new double[] {1e-20, -123456.789, 42})
                .toString();
        String[] lines = table.split("\\R");
        assertEquals(4, lines.length, table);
        assertTrue(lines[0].startsWith("parameter"), table);
        assertTrue(lines[1].startsWith("x[0]"), table);
        assertTrue(lines[2].startsWith("x[1]"), table);
        assertTrue(lines[3].startsWith("x[2]"), table);
        int analyticColumn = lines[0].indexOf("analytic") + "analytic".length();
        for (String line : lines) {
            assertEquals(lines[0].length(), line.length(), "ragged table:\n" + table);
            assertEquals(' ', line.charAt(analyticColumn), "columns misaligned:\n" + table);
        }
        String longNames = GradientCheck.compare(F, x, gradF(x), "a", "a.rather.long.name", "c")
                .toString();
        String[] longLines = longNames.split("\\R");
        for (String line : longLines) {
            assertEquals(longLines[0].length(), line.length(), "ragged table:\n" + longNames);
        }
    }

    @Test
    void relativeErrorDefinition() {
        ToDoubleFunction<double[]> linear = x -> 3.0 * x[0] + 0.001 * x[1];
        GradientCheck.Report report =
                GradientCheck.compare(linear, new double[] {1.0, 1.0}, new double[] {5.0, 0.002});
        assertEquals(2.0 / 5.0, report.relativeError(0), 1e-9, "divided by max |value|");
        assertEquals(0.001, report.relativeError(1), 1e-9, "divided by 1 for small values");
        assertEquals("x[0]", report.worstParameter());
    }

    @Test
    void nanGradientNeverPasses() {
        double[] x = {0.1, 0.2, 0.3};
        double[] analytic = gradF(x);
        analytic[2] = Double.NaN;
        GradientCheck.Report report = GradientCheck.compare(F, x, analytic);
        assertFalse(report.passes(1e300));
        assertTrue(Double.isNaN(report.worstRelativeError()));
        assertEquals("x[2]", report.worstParameter());
        assertThrows(AssertionError.class, () -> report.assertWithin(1.0));
    }

    @Test
    void reportIsImmutable() {
        double[] x = {0.1, 0.2, 0.3};
        double[] analytic = gradF(x);
        GradientCheck.Report report = GradientCheck.compare(F, x, analytic);
        analytic[0] = 99.0;
        report.analytic()[1] = 99.0;
        report.numeric()[2] = 99.0;
        assertTrue(report.passes(1e-9), report::toString);
    }

    @Test
    void rejectsMismatchedLengths() {
        double[] x = {0.1, 0.2, 0.3};
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.compare(F, x, new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.compare(F, x, gradF(x), "a", "b"));
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.compare(F, x, gradF(x)).assertWithin(-1.0));
    }

    @Test
    void checksTheRuntimeHelpersEndToEnd() {
        // A small model: loss = squaredError(sigmoid(w·x + b), y) with parameters (w, b).
        double x = 1.5;
        double y = 0.2;
        ToDoubleFunction<double[]> loss =
                p -> Losses.squaredError(Activations.sigmoid(p[0] * x + p[1]), y);
        double[] p = {0.4, -0.3};
        double z = p[0] * x + p[1];
        double dz = Losses.squaredErrorDerivative(Activations.sigmoid(z), y)
                * Activations.sigmoidDerivative(z);
        GradientCheck.compare(loss, p, new double[] {dz * x, dz}, "w", "b").assertWithin(1e-9);
        assertFalse(GradientCheck.compare(loss, p, new double[] {dz, dz * x}, "w", "b")
                .passes(1e-6), "swapped gradient must be detected");
    }
}
