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
 * Elements of an array chosen by {@code ?:} ({@link ChosenElementFx}): gradients against 5-point
 * central differences on both sides of every choice, exact values, mTangent against the
 * gradient and mHvp against central differences of the gradient.
 */
class ChosenElementTest {

    private static final double[] H = {0.7, -1.3, 0.4, 2.1, -0.6};
    private static final double[] Y = {0.5, -0.25, 1.5, 0.75, -1.0};

    @Test
    void elementsOfAChosenArray() {
        for (double c : new double[] {-0.8, 0.6, 1.7}) {
            var g = ChosenElementFxGrad.pick(H.clone(), Y.clone(), c);
            Check.sameValue(ChosenElementFx.pick(H.clone(), Y.clone(), c), g.value());
            Check.fd(p -> ChosenElementFx.pick(Arrays.copyOf(p, 5), Arrays.copyOfRange(p, 5, 10),
                    p[10]), concat(concat(H, Y), c), concat(concat(g.h(), g.y()), g.c()));
            // h[0] is read as (c > 0 ? h : y)[0] * c and in the loop at i = 0 (h[0] * y[4]) and
            // i = 4 (h[4] * h[0])
            Check.exact((c > 0 ? c : 0) + Y[4] + H[4], g.h()[0], "h[0] for c = " + c);

            double[] dh = {0.3, 0.1, -0.2, 0.5, 0.4};
            double[] dy = {-0.1, 0.2, 0.3, -0.4, 0.5};
            double dc = 0.7;
            var t = ChosenElementFxGrad.pickTangent(H.clone(), Y.clone(), c, dh, dy, dc);
            Check.sameValue(g.value(), t.value());
            assertEquals(dot(concat(concat(g.h(), g.y()), g.c()), concat(concat(dh, dy), dc)),
                    t.tangent(), 1e-12);
            var hv = ChosenElementFxGrad.pickHvp(H.clone(), Y.clone(), c, dh, dy, dc);
            hvpMatchesDifferences(p -> {
                var q = ChosenElementFxGrad.pick(Arrays.copyOf(p, 5), Arrays.copyOfRange(p, 5, 10),
                        p[10]);
                return concat(concat(q.h(), q.y()), q.c());
            }, concat(concat(H, Y), c), concat(concat(dh, dy), dc),
                    concat(concat(hv.hHvp(), hv.yHvp()), hv.cHvp()));
        }
    }

    @Test
    void elementsOfAChosenMatrixAndNestedChoices() {
        double[][] m = {{0.3, -0.7, 1.1}, {0.9, 0.2, -0.4}};
        double[][] n = {{-0.5, 0.6, 0.8}, {1.3, -0.9, 0.1}};
        double[] v = {0.25, -1.5, 0.75};
        for (double c : new double[] {-0.4, 0.9}) {
            var g = ChosenElementFxGrad.pickMatrix(deep(m), deep(n), v.clone(), c);
            Check.sameValue(ChosenElementFx.pickMatrix(deep(m), deep(n), v.clone(), c), g.value());
            double[] x = concat(concat(concat(flat(m), flat(n)), v), c);
            double[] analytic = concat(concat(concat(flat(g.m()), flat(g.n())), g.v()), g.c());
            Check.fd(p -> ChosenElementFx.pickMatrix(matrix(p, 0), matrix(p, 6),
                    Arrays.copyOfRange(p, 12, 15), p[15]), x, analytic);
            // n[0][0] is the second factor at j = 0: m[0][0] * n[0][0] and n[1][0] * n[0][0]
            Check.exact((m[0][0] + n[1][0]) * c, g.n()[0][0], "n[0][0]");
        }
    }

    @Test
    void writesIntoElementsOfAChosenArray() {
        for (double c : new double[] {-0.4, 0.3, 0.9}) {
            double[] primal = H.clone();
            double expected = ChosenElementFx.writeChosen(primal, c);
            double[] caller = H.clone();
            var g = ChosenElementFxGrad.writeChosen(caller, c);
            Check.sameValue(expected, g.value());
            assertArrayEquals(primal, caller, 0.0, "the caller's array after the gradient call");
            Check.fd(p -> ChosenElementFx.writeChosen(Arrays.copyOf(p, 5), p[5]), concat(H, c),
                    concat(g.x(), g.c()));
            double[] dx = {0.3, 0.1, -0.2, 0.5, 0.4};
            double dc = -0.6;
            double[] viaTangent = H.clone();
            var t = ChosenElementFxGrad.writeChosenTangent(viaTangent, c, dx, dc);
            assertArrayEquals(primal, viaTangent, 0.0, "the caller's array after the tangent call");
            assertEquals(dot(concat(g.x(), g.c()), concat(dx, dc)), t.tangent(), 1e-12);
            double[] viaHvp = H.clone();
            var hv = ChosenElementFxGrad.writeChosenHvp(viaHvp, c, dx, dc);
            assertArrayEquals(primal, viaHvp, 0.0, "the caller's array after the mHvp call");
            hvpMatchesDifferences(p -> {
                var q = ChosenElementFxGrad.writeChosen(Arrays.copyOf(p, 5), p[5]);
                return concat(q.x(), q.c());
            }, concat(H, c), concat(dx, dc), concat(hv.xHvp(), hv.cHvp()));
        }
    }

    private static double[][] deep(double[][] a) {
        return new double[][] {a[0].clone(), a[1].clone()};
    }

    private static double[] flat(double[][] a) {
        return concat(a[0], a[1]);
    }

    private static double[][] matrix(double[] p, int from) {
        return new double[][] {Arrays.copyOfRange(p, from, from + 3),
            Arrays.copyOfRange(p, from + 3, from + 6)};
    }
}
