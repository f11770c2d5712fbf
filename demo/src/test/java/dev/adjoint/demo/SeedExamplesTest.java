package dev.adjoint.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.GradientCheck;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed document's numbers, checked three ways: Adjoint's generated gradient against the
 * seed's exact values, against 5-point central differences, and in the printed demo output.
 */
class SeedExamplesTest {

    /** Tolerance for Adjoint vs central differences (all examples are smooth at their points). */
    private static final double NUMERIC_TOLERANCE = 1e-8;

    // ---- J(w) = w² ----------------------------------------------------------------------

    @ParameterizedTest(name = "J = w^2 at w = {0}: J = {1}, dJ/dw = {2}")
    @CsvSource({"3, 9, 6", "2, 4, 4", "-3, 9, -6"})
    void squareHasTheSeedsValueAndSlope(double w, double value, double slope) {
        SeedExamplesGrad.SquareGradient g = SeedExamplesGrad.square(w);
        assertEquals(value, g.value(), 0.0);
        assertEquals(slope, g.w(), 0.0);
        assertEquals(SeedExamples.square(w), g.value(), 0.0);
    }

    @ParameterizedTest(name = "J = w^2 at w = {0}: central differences give {1}")
    @CsvSource({"3, 6", "2, 4", "-3, -6"})
    void squareAgreesWithCentralDifferences(double w, double slope) {
        double[] numeric = GradientCheck.numericalGradient(p -> SeedExamples.square(p[0]),
                new double[] {w});
        assertEquals(slope, numeric[0], 1e-9);
        GradientCheck.compare(p -> SeedExamples.square(p[0]), new double[] {w},
                new double[] {SeedExamplesGrad.square(w).w()}, "w")
                .assertWithin(NUMERIC_TOLERANCE);
    }

    @Test
    void seedsOneSidedSlopeAtThreeIsAboutSix() {
        double eps = 0.001;
        assertEquals(9.006001, SeedExamples.square(3.0 + eps), 1e-12);
        double slope = (SeedExamples.square(3.0 + eps) - SeedExamples.square(3.0)) / eps;
        assertEquals(6.001, slope, 1e-9); // 2w + eps: the one-sided difference's bias
    }

    // ---- linear unit: c = w·x, a = c + b, d = a − y, J = ½d² ----------------------------

    @ParameterizedTest(name = "linear unit at w={0}, x={1}, b={2}, y={3}")
    @CsvSource({"2, 3, 1, 4", "0.5, 2, 1, 3", "-1.5, 0.25, 2, -7", "0, 0, 0, 0"})
    void linearUnitGradientIsDTimesXAndD(double w, double x, double b, double y) {
        double d = w * x + b - y;
        SeedExamplesGrad.LinearUnitGradient g = SeedExamplesGrad.linearUnit(w, x, b, y);
        assertEquals(0.5 * d * d, g.value(), 1e-12);
        assertEquals(d * x, g.w(), 1e-12);
        assertEquals(d, g.b(), 1e-12);

        ToDoubleFunction<double[]> f = p -> SeedExamples.linearUnit(p[0], x, p[1], y);
        double[] numeric = GradientCheck.numericalGradient(f, new double[] {w, b});
        assertEquals(d * x, numeric[0], 1e-8);
        assertEquals(d, numeric[1], 1e-8);
        GradientCheck.compare(f, new double[] {w, b}, new double[] {g.w(), g.b()}, "w", "b")
                .assertWithin(NUMERIC_TOLERANCE);
    }

    @Test
    void linearUnitAtTheDemoPoint() {
        SeedExamplesGrad.LinearUnitGradient g = SeedExamplesGrad.linearUnit(2, 3, 1, 4);
        // c = 6, a = 7, d = 3
        assertEquals(4.5, g.value(), 0.0);
        assertEquals(9.0, g.w(), 0.0);
        assertEquals(3.0, g.b(), 0.0);
    }

    @Test
    void linearUnitDifferentiatesOnlyWAndB() {
        assertEquals(List.of("value", "w", "b"),
                componentNames(SeedExamplesGrad.LinearUnitGradient.class));
        assertEquals(List.of("value", "w1", "b1", "w2", "b2"),
                componentNames(SeedExamplesGrad.TwoLayerGradient.class));
    }

    // ---- two-layer ReLU net ---------------------------------------------------------------

    @Test
    void twoLayerHasTheSeedsValueAndGradient() {
        SeedExamplesGrad.TwoLayerGradient g = SeedExamplesGrad.twoLayer(1, 5, 2, 0, 3, 1);
        assertEquals(2.0, g.value(), 0.0);
        assertEquals(2.0, SeedExamples.twoLayer(1, 5, 2, 0, 3, 1), 0.0);
        assertArrayEquals(new double[] {6, 6, 4, 2},
                new double[] {g.w1(), g.b1(), g.w2(), g.b2()}, 0.0);
    }

    @Test
    void twoLayerAgreesWithCentralDifferences() {
        ToDoubleFunction<double[]> f = p -> SeedExamples.twoLayer(1, 5, p[0], p[1], p[2], p[3]);
        double[] point = {2, 0, 3, 1};
        double[] numeric = GradientCheck.numericalGradient(f, point);
        assertArrayEquals(new double[] {6, 6, 4, 2}, numeric, 1e-8);
        SeedExamplesGrad.TwoLayerGradient g = SeedExamplesGrad.twoLayer(1, 5, 2, 0, 3, 1);
        GradientCheck.compare(f, point, new double[] {g.w1(), g.b1(), g.w2(), g.b2()},
                "w1", "b1", "w2", "b2").assertWithin(NUMERIC_TOLERANCE);
    }

    @ParameterizedTest(name = "two-layer at x={0}, y={1}, w1={2}, b1={3}, w2={4}, b2={5}")
    @CsvSource({
        "0.5, -1, 1.5, 0.25, -0.75, 2",   // both units active, a2 above the target
        "2, 1, -1, 0.5, 3, 1",            // hidden unit dead: only b2 matters
        "1, 0, 1, 0, -2, -1",             // output unit dead: zero gradient
    })
    void twoLayerAgreesWithCentralDifferencesAwayFromKinks(double x, double y, double w1,
            double b1, double w2, double b2) {
        ToDoubleFunction<double[]> f = p -> SeedExamples.twoLayer(x, y, p[0], p[1], p[2], p[3]);
        SeedExamplesGrad.TwoLayerGradient g = SeedExamplesGrad.twoLayer(x, y, w1, b1, w2, b2);
        assertEquals(SeedExamples.twoLayer(x, y, w1, b1, w2, b2), g.value(), 0.0);
        GradientCheck.compare(f, new double[] {w1, b1, w2, b2},
                new double[] {g.w1(), g.b1(), g.w2(), g.b2()}, "w1", "b1", "w2", "b2")
                .assertWithin(NUMERIC_TOLERANCE);
    }

    // ---- the printed demo -----------------------------------------------------------------

    @Test
    void demoPrintsTheSquareRows() {
        List<String> square = section(Demo.output(), "1.");
        // w, J(w), dJ/dw Adjoint, 2w, (J(w+eps)-J(w))/eps, central diff.
        assertRow(square, "3", "9", "6", "6", "6.001", "6");
        assertRow(square, "2", "4", "4", "4", "4.001", "4");
        assertRow(square, "-3", "9", "-6", "-6", "-5.999", "-6");
        assertSmallMaxError(square);
    }

    @Test
    void walkthroughPrintsTheLinearUnitGraphInTheSeedsStepOrder() {
        List<String> linear = section(Demo.output(), "2.");
        assertTrue(linear.contains("  forward: c = 6, a = 7, d = 3, J = 4.5"), linear::toString);
        // step, node, chain rule, value, by hand, Adjoint, central diff.
        assertRow(linear, "J", "=", "1/2", "d^2", "dJ/dJ", "=", "1", "4.5");
        assertRow(linear, "Step", "1", "d", "=", "a", "-", "y", "dJ/dd", "=", "d", "3", "3", "3",
                "3");
        assertRow(linear, "Step", "2", "a", "=", "c", "+", "b", "dJ/da", "=", "dJ/dd", "*",
                "dd/da", "=", "d", "*", "1", "7", "3", "3", "3");
        assertRow(linear, "Step", "3", "c", "=", "w*x", "dJ/dc", "=", "dJ/da", "*", "da/dc", "=",
                "d", "*", "1", "6", "3", "3", "3");
        assertRow(linear, "Step", "4", "w", "dJ/dw", "=", "dJ/dc", "*", "dc/dw", "=", "d", "*",
                "x", "2", "9", "9", "9");
        assertRow(linear, "Bonus", "b", "dJ/db", "=", "dJ/da", "*", "da/db", "=", "d", "*", "1",
                "1", "3", "3", "3");
        List<String> steps = linear.stream().map(String::trim)
                .filter(l -> l.startsWith("Step") || l.startsWith("Bonus"))
                .map(l -> l.substring(0, 6)).toList();
        assertEquals(List.of("Step 1", "Step 2", "Step 3", "Step 4", "Bonus "), steps);
        assertSmallMaxError(linear);
    }

    @Test
    void demoPrintsTheTwoLayerRows() {
        List<String> net = section(Demo.output(), "3.");
        assertTrue(net.contains("  forward: z1 = 2, a1 = 2, z2 = 7, a2 = 7, J = 2"),
                net::toString);
        assertRow(net, "w1", "e*g'(z2)*w2*g'(z1)*x", "=", "6", "6", "6");
        assertRow(net, "b1", "e*g'(z2)*w2*g'(z1)", "=", "6", "6", "6");
        assertRow(net, "w2", "e*g'(z2)*a1", "=", "4", "4", "4");
        assertRow(net, "b2", "e*g'(z2)", "=", "2", "2", "2");
        assertSmallMaxError(net);
    }

    @Test
    void walkthroughPrintsGradientDescentWithTheCostFallingFourfoldPerStep() {
        List<String> descent = section(Demo.output(), "4.");
        // step, w, b, J, dJ/dw, dJ/db, central diff. dJ/dw
        assertRow(descent, "0", "2", "1", "4.5", "9", "3", "9");
        assertRow(descent, "1", "1.55", "0.85", "1.125", "4.5", "1.5", "4.5");
        assertRow(descent, "2", "1.325", "0.775", "0.28125", "2.25", "0.75", "2.25");
        assertRow(descent, "8", "1.103515625", "0.701171875", "0.00006866455078", "0.03515625",
                "0.01171875", "0.03515625");
        List<Double> costs = new ArrayList<>();
        for (String line : descent) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length == 8 && cells[0].matches("\\d+")) {
                costs.add(Double.parseDouble(cells[3]));
            }
        }
        assertEquals(SeedDemo.DESCENT_STEPS + 1, costs.size(), descent::toString);
        for (int i = 1; i < costs.size(); i++) {
            assertEquals(costs.get(i - 1) / 4, costs.get(i), 1e-9 * costs.get(i - 1),
                    "step " + i);
        }
        assertSmallMaxError(descent);
    }

    @Test
    void walkthroughHasExactlyTheFourSections() {
        String out = Demo.output();
        assertEquals(4, SeedDemo.seedSections().size());
        for (String heading : new String[] {"1.", "2.", "3.", "4."}) {
            assertEquals(1, out.lines().filter(l -> l.startsWith(heading)).count(), heading);
        }
        assertEquals(4, out.lines().filter(l -> l.contains("max relative error")).count());
    }

    // ---- the computation graph's nodes ----------------------------------------------------

    @ParameterizedTest(name = "w = {0}, x = {1}, b = {2}, y = {3}")
    @CsvSource({"2, 3, 1, 4", "0.5, -2, 3, 1", "-1.5, 4, 0.25, -3"})
    void everyNodesGradientIsTheSeedsD(double w, double x, double b, double y) {
        double c = w * x;
        double a = c + b;
        double d = a - y;
        assertEquals(0.5 * d * d, SeedExamplesGrad.costOfD(d).value(), 0.0);
        assertEquals(d, SeedExamplesGrad.costOfD(d).d(), 0.0);
        assertEquals(d, SeedExamplesGrad.costOfA(a, y).a(), 0.0);
        assertEquals(d, SeedExamplesGrad.costOfC(c, b, y).c(), 0.0);
        assertEquals(SeedExamples.linearUnit(w, x, b, y), SeedExamplesGrad.costOfC(c, b, y).value(),
                0.0);
        GradientCheck.compare(p -> SeedExamples.costOfC(p[0], b, y), new double[] {c},
                new double[] {SeedExamplesGrad.costOfC(c, b, y).c()}, "c")
                .assertWithin(NUMERIC_TOLERANCE);
        GradientCheck.compare(p -> SeedExamples.costOfA(p[0], y), new double[] {a},
                new double[] {SeedExamplesGrad.costOfA(a, y).a()}, "a")
                .assertWithin(NUMERIC_TOLERANCE);
    }

    @Test
    void nodeFunctionsDifferentiateOnlyTheirNode() {
        assertEquals(List.of("value", "d"), componentNames(SeedExamplesGrad.CostOfDGradient.class));
        assertEquals(List.of("value", "a"), componentNames(SeedExamplesGrad.CostOfAGradient.class));
        assertEquals(List.of("value", "c"), componentNames(SeedExamplesGrad.CostOfCGradient.class));
    }

    // ---- helpers --------------------------------------------------------------------------

    private static List<String> componentNames(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    /** The lines of the section whose heading starts with {@code heading}, up to a blank line. */
    private static List<String> section(String output, String heading) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : output.lines().toList()) {
            if (line.startsWith(heading)) {
                in = true;
            } else if (in && line.isBlank()) {
                break;
            }
            if (in) {
                lines.add(line);
            }
        }
        assertTrue(!lines.isEmpty(), () -> "no section " + heading + " in:\n" + output);
        return lines;
    }

    /** Asserts that exactly one line starts with these whitespace-separated cells. */
    private static void assertRow(List<String> lines, String... cells) {
        List<String> expected = Arrays.asList(cells);
        long matches = lines.stream()
                .map(l -> Arrays.asList(l.trim().split("\\s+")))
                .filter(t -> t.size() > cells.length && t.subList(0, cells.length).equals(expected))
                .count();
        assertEquals(1, matches, () -> "row " + expected + " in:\n" + String.join("\n", lines));
    }

    /** Asserts the section prints a max relative error, and that it is small. */
    private static void assertSmallMaxError(List<String> lines) {
        String prefix = "  max relative error, Adjoint vs central differences: ";
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith(prefix), last);
        double error = Double.parseDouble(last.substring(prefix.length()));
        assertTrue(error <= NUMERIC_TOLERANCE, last);
    }
}
