package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ParamWritesTest {

    private static final double[] X = {0.7, -1.3, 0.4, 2.1, -0.6};

    @Test
    void normalizeInPlaceIsDifferentiatedAtTheEntryValues() {
        double[] primal = X.clone();
        double expected = ParamWritesFx.normalizeInPlace(primal);
        double[] viaGradient = X.clone();
        var g = ParamWritesFxGrad.normalizeInPlace(viaGradient);
        Check.sameValue(expected, g.value());
        assertArrayEquals(primal, viaGradient, 0.0, "the caller's array after the gradient call");
        Check.fd(p -> ParamWritesFx.normalizeInPlace(p.clone()), X, g.x());
        // x0/n + 2 x1 x4 / n^2 at the entry values, by hand
        double n2 = 0;
        for (double v : X) {
            n2 += v * v;
        }
        double n = Math.sqrt(n2);
        double f = X[0] / n + 2 * X[1] * X[4] / n2;
        double[] exact = new double[5];
        for (int i = 0; i < 5; i++) {
            exact[i] = -X[0] * X[i] / (n2 * n) - 4 * X[1] * X[4] * X[i] / (n2 * n2);
        }
        exact[0] += 1 / n;
        exact[1] += 2 * X[4] / n2;
        exact[4] += 2 * X[1] / n2;
        Check.exact(f, g.value(), "value");
        Check.exact(exact, g.x(), "x");
    }

    @Test
    void prefixSumInPlace() {
        double[] primal = X.clone();
        double expected = ParamWritesFx.prefixSum(primal, 0.8);
        double[] viaGradient = X.clone();
        var g = ParamWritesFxGrad.prefixSum(viaGradient, 0.8);
        Check.sameValue(expected, g.value());
        assertArrayEquals(primal, viaGradient, 0.0);
        Check.fd(p -> ParamWritesFx.prefixSum(Arrays.copyOf(p, 5), p[5]), concat(X, 0.8),
                concat(g.x(), g.a()));
    }

    @Test
    void jdkUtilitiesAndAnIntArray() {
        double[] y0 = {0.3, -0.9, 1.4, 0.2};
        int[] order0 = {2, 0, 1, 3};
        double[] x1 = X.clone();
        double[] y1 = y0.clone();
        int[] o1 = order0.clone();
        double expected = ParamWritesFx.utilities(x1, y1, o1, 0.6);
        double[] x2 = X.clone();
        double[] y2 = y0.clone();
        int[] o2 = order0.clone();
        var g = ParamWritesFxGrad.utilities(x2, y2, o2, 0.6);
        Check.sameValue(expected, g.value());
        assertArrayEquals(x1, x2, 0.0);
        assertArrayEquals(y1, y2, 0.0);
        assertArrayEquals(o1, o2);
        Check.fd(p -> ParamWritesFx.utilities(Arrays.copyOf(p, 5), Arrays.copyOfRange(p, 5, 9),
                order0.clone(), p[9]), concat(concat(X, y0), new double[] {0.6}),
                concat(concat(g.x(), g.y()), new double[] {g.a()}));
    }

    @Test
    void callersArrayAsTheOriginalLeavesItWhenItThrows() {
        int[][] ats = {{1, 3, 0}, {2, 7, 0}, {4, 4, 1}};
        for (int[] at : ats) {
            for (int stop = -1; stop < 3; stop++) {
                int st = stop;
                double[] primal = X.clone();
                double[] viaGradient = X.clone();
                Throwable e1 = result(() -> ParamWritesFx.throwsHalfWay(primal, at, st));
                Throwable e2 = result(() -> ParamWritesFxGrad.throwsHalfWay(viaGradient, at, st));
                assertEquals(e1 == null ? null : e1.getClass(), e2 == null ? null : e2.getClass(),
                        Arrays.toString(at) + " stop " + st);
                assertArrayEquals(primal, viaGradient, 0.0, Arrays.toString(at) + " stop " + st);
                if (e1 == null) {
                    var g = ParamWritesFxGrad.throwsHalfWay(X.clone(), at, st);
                    Check.fd(p -> ParamWritesFx.throwsHalfWay(p.clone(), at, st), X, g.x());
                }
            }
        }
    }

    @Test
    void writtenParameterOutsideWrt() {
        double[] w = {0.5, -1.5, 2.0};
        double[] s1 = new double[3];
        double[] s2 = new double[3];
        double expected = ParamWritesFx.notDifferentiated(w, s1);
        var g = ParamWritesFxGrad.notDifferentiated(w, s2);
        Check.sameValue(expected, g.value());
        assertArrayEquals(s1, s2, 0.0);
        Check.fd(p -> ParamWritesFx.notDifferentiated(p, new double[3]), w, g.w());
        Check.exact(new double[] {2 * w[0] * w[1], w[0] * w[0] + 2 * w[1], 0}, g.w(), "w");
    }

    @Test
    void theSameArrayTwiceIsRefusedLoudly() {
        double[] x = X.clone();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParamWritesFxGrad.twoArrays(x, x));
        assertEquals("the gradient of this method takes a copy of 'x', which it writes into, so y"
                + " must not be the same array", e.getMessage());
        assertArrayEquals(X, x, 0.0, "nothing written before the check");
        double[] y = {1.5, -0.5};
        var g = ParamWritesFxGrad.twoArrays(X.clone(), y);
        Check.fd(p -> ParamWritesFx.twoArrays(Arrays.copyOf(p, 5), Arrays.copyOfRange(p, 5, 7)),
                concat(X, y), concat(g.x(), g.y()));
        double[][] m = {{0.5, 1}, X.clone()};
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> ParamWritesFxGrad.arrayAndMatrix(m[1], m));
        assertEquals("the gradient of this method takes a copy of 'x', which it writes into, so a"
                + " row of m must not be the same array", r.getMessage());
        var h = ParamWritesFxGrad.arrayAndMatrix(X.clone(), m);
        Check.fd(p -> ParamWritesFx.arrayAndMatrix(p.clone(), m), X, h.x());
    }

    private static Throwable result(Executable e) {
        try {
            e.execute();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
