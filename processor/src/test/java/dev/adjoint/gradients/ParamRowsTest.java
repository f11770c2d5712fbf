package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.concat;
import static dev.adjoint.gradients.Check.dot;
import static dev.adjoint.gradients.Check.hvpMatchesDifferences;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Writes into the rows of a double[][] parameter: the gradient against 5-point central
 * differences at the entry values (exact values where easy), the caller's matrix after the
 * gradient, mTangent and mHvp compared with its state after the original, mTangent against the
 * gradient, mHvp against central differences of the gradient, and the run-time refusal of
 * shared rows.
 */
class ParamRowsTest {

    /** Ragged on purpose. */
    private static final double[][] M = {{0.7, -1.3, 0.4}, {2.1, -0.6, 0.9}, {-0.2, 1.1}};

    @Test
    void scaleInPlace() {
        double[][] primal = copy(M);
        double expected = ParamRowsFx.scaleInPlace(primal, 0.8);
        double[][] viaGradient = copy(M);
        var g = ParamRowsFxGrad.scaleInPlace(viaGradient, 0.8);
        Check.sameValue(expected, g.value());
        assertDeepEquals(primal, viaGradient, "the caller's matrix after the gradient call");
        // s = c^2 sum m^2: ds/dm = 2 c^2 m, ds/dc = 2 c sum m^2
        double sum = 0;
        for (double[] row : M) {
            for (double v : row) {
                sum += v * v;
            }
        }
        Check.exact(0.64 * sum, g.value(), "value");
        Check.exact(2 * 0.8 * sum, g.c(), "c");
        for (int i = 0; i < M.length; i++) {
            for (int j = 0; j < M[i].length; j++) {
                assertEquals(2 * 0.64 * M[i][j], g.m()[i][j], 1e-12, "m[" + i + "][" + j + "]");
            }
        }
        Check.fd(p -> ParamRowsFx.scaleInPlace(unflat(p, M), p[p.length - 1]),
                concat(flat(M), 0.8), concat(flat(g.m()), g.c()));

        double[][] dm = {{0.3, 0.1, -0.2}, {0.5, 0.4, -0.1}, {0.2, 0.3}};
        double[][] viaTangent = copy(M);
        var t = ParamRowsFxGrad.scaleInPlaceTangent(viaTangent, 0.8, dm, -0.7);
        assertDeepEquals(primal, viaTangent, "the caller's matrix after the tangent call");
        Check.sameValue(expected, t.value());
        assertEquals(dot(concat(flat(g.m()), g.c()), concat(flat(dm), -0.7)), t.tangent(), 1e-12);

        double[][] viaHvp = copy(M);
        var h = ParamRowsFxGrad.scaleInPlaceHvp(viaHvp, 0.8, dm, -0.7);
        assertDeepEquals(primal, viaHvp, "the caller's matrix after the mHvp call");
        hvpMatchesDifferences(p -> {
            var q = ParamRowsFxGrad.scaleInPlace(unflat(p, M), p[p.length - 1]);
            return concat(flat(q.m()), q.c());
        }, concat(flat(M), 0.8), concat(flat(dm), -0.7), concat(flat(h.mHvp()), h.cHvp()));
    }

    @Test
    void throughARowAlias() {
        double[][] primal = copy(M);
        double expected = ParamRowsFx.rowAlias(primal, 1.3);
        double[][] viaGradient = copy(M);
        var g = ParamRowsFxGrad.rowAlias(viaGradient, 1.3);
        Check.sameValue(expected, g.value());
        assertDeepEquals(primal, viaGradient, "the caller's matrix after the gradient call");
        // s = sum c sin(m_ij) (i + 2j + 1)
        for (int i = 0; i < M.length; i++) {
            for (int j = 0; j < M[i].length; j++) {
                assertEquals(1.3 * Math.cos(M[i][j]) * (i + 2 * j + 1), g.m()[i][j], 1e-12);
            }
        }
        Check.fd(p -> ParamRowsFx.rowAlias(unflat(p, M), p[p.length - 1]),
                concat(flat(M), 1.3), concat(flat(g.m()), g.c()));

        double[][] dm = {{-0.3, 0.1, 0.2}, {0.5, -0.4, 0.1}, {0.2, -0.3}};
        double[][] viaTangent = copy(M);
        var t = ParamRowsFxGrad.rowAliasTangent(viaTangent, 1.3, dm, 0.4);
        assertDeepEquals(primal, viaTangent, "the caller's matrix after the tangent call");
        assertEquals(dot(concat(flat(g.m()), g.c()), concat(flat(dm), 0.4)), t.tangent(), 1e-12);
        double[][] viaHvp = copy(M);
        var h = ParamRowsFxGrad.rowAliasHvp(viaHvp, 1.3, dm, 0.4);
        assertDeepEquals(primal, viaHvp, "the caller's matrix after the mHvp call");
        hvpMatchesDifferences(p -> {
            var q = ParamRowsFxGrad.rowAlias(unflat(p, M), p[p.length - 1]);
            return concat(flat(q.m()), q.c());
        }, concat(flat(M), 1.3), concat(flat(dm), 0.4), concat(flat(h.mHvp()), h.cHvp()));
    }

    @Test
    void throughRowsChosenSwappedAndHeld() {
        for (double c : new double[] {0.6, -0.4}) {
            double[][] primal = copy(M);
            double expected = ParamRowsFx.rowsByOtherNames(primal, c);
            double[][] viaGradient = copy(M);
            var g = ParamRowsFxGrad.rowsByOtherNames(viaGradient, c);
            Check.sameValue(expected, g.value());
            assertDeepEquals(primal, viaGradient, "the caller's matrix after the gradient call");
            Check.fd(p -> ParamRowsFx.rowsByOtherNames(unflat(p, M), p[p.length - 1]),
                    concat(flat(M), c), concat(flat(g.m()), g.c()));

            double[][] dm = {{-0.3, 0.1, 0.2}, {0.5, -0.4, 0.1}, {0.2, -0.3}};
            double[][] viaTangent = copy(M);
            var t = ParamRowsFxGrad.rowsByOtherNamesTangent(viaTangent, c, dm, 0.4);
            assertDeepEquals(primal, viaTangent, "the caller's matrix after the tangent call");
            assertEquals(dot(concat(flat(g.m()), g.c()), concat(flat(dm), 0.4)), t.tangent(),
                    1e-12);
            double[][] viaHvp = copy(M);
            var h = ParamRowsFxGrad.rowsByOtherNamesHvp(viaHvp, c, dm, 0.4);
            assertDeepEquals(primal, viaHvp, "the caller's matrix after the mHvp call");
            hvpMatchesDifferences(p -> {
                var q = ParamRowsFxGrad.rowsByOtherNames(unflat(p, M), p[p.length - 1]);
                return concat(flat(q.m()), q.c());
            }, concat(flat(M), c), concat(flat(dm), 0.4), concat(flat(h.mHvp()), h.cHvp()));
        }
    }

    @Test
    void throughAnAliasOfTheMatrix() {
        double[] x = {0.5, -1.5, 2.0};
        for (int at = 0; at < 2; at++) {
            int row = at;
            double[][] primal = copy(M);
            double expected = ParamRowsFx.matrixAlias(primal, x, row);
            double[][] viaGradient = copy(M);
            var g = ParamRowsFxGrad.matrixAlias(viaGradient, x, row);
            Check.sameValue(expected, g.value());
            assertDeepEquals(primal, viaGradient, "at " + row);
            Check.fd(p -> ParamRowsFx.matrixAlias(unflat(p, M), Arrays.copyOfRange(p, 8, 11),
                    row), concat(flat(M), x), concat(flat(g.m()), g.x()));
        }
    }

    @Test
    void jdkUtilitiesAndAThrowHalfWay() {
        double[] x = {0.25, -0.75};
        for (int stop = -1; stop < 3; stop++) {
            int st = stop;
            double[][] primal = copy(M);
            double[][] viaGradient = copy(M);
            primal[2] = new double[] {0.1, 0.2, 0.3};
            viaGradient[2] = primal[2].clone();
            double[][] entry = copy(primal);
            Throwable e1 = result(() -> ParamRowsFx.utilities(primal, x, 0.6, st));
            Throwable e2 = result(() -> ParamRowsFxGrad.utilities(viaGradient, x, 0.6, st));
            assertEquals(e1 == null ? null : e1.getClass(), e2 == null ? null : e2.getClass());
            assertDeepEquals(primal, viaGradient, "stop " + st);
            if (e1 == null) {
                var g = ParamRowsFxGrad.utilities(copy(entry), x, 0.6, st);
                Check.fd(p -> ParamRowsFx.utilities(unflat(p, entry), Arrays.copyOfRange(p, 9, 11),
                        p[11], st), concat(concat(flat(entry), x), 0.6),
                        concat(concat(flat(g.m()), g.x()), g.a()));
            }
        }
    }

    @Test
    void theCorpusProgramAndAHelperReturningARow() {
        double[][] primal = copy(M);
        double expected = ParamRowsFx.corpusAliasParamRow(primal, 1.7);
        double[][] viaGradient = copy(M);
        var g = ParamRowsFxGrad.corpusAliasParamRow(viaGradient, 1.7);
        Check.sameValue(expected, g.value());
        assertDeepEquals(primal, viaGradient, "the caller's matrix after the gradient call");
        // x^3: nothing depends on w
        Check.exact(3 * 1.7 * 1.7, g.x(), "x");
        Check.exact(new double[3], g.w()[0], "w[0]");
        Check.fd(p -> ParamRowsFx.corpusAliasParamRow(unflat(p, M), p[p.length - 1]),
                concat(flat(M), 1.7), concat(flat(g.w()), g.x()));

        double[][] primal2 = copy(M);
        double expected2 = ParamRowsFx.intoTheRowAHelperReturns(primal2, -0.9);
        double[][] viaGradient2 = copy(M);
        var h = ParamRowsFxGrad.intoTheRowAHelperReturns(viaGradient2, -0.9);
        Check.sameValue(expected2, h.value());
        assertDeepEquals(primal2, viaGradient2, "the caller's matrix after the gradient call");
        Check.fd(p -> ParamRowsFx.intoTheRowAHelperReturns(unflat(p, M), p[p.length - 1]),
                concat(flat(M), -0.9), concat(flat(h.m()), h.v()));
    }

    @Test
    void aHelperWritingIntoARow() {
        double[][] primal = copy(M);
        double expected = ParamRowsFx.helperWritesARow(primal, 1.4);
        double[][] viaGradient = copy(M);
        var g = ParamRowsFxGrad.helperWritesARow(viaGradient, 1.4);
        Check.sameValue(expected, g.value());
        assertDeepEquals(primal, viaGradient, "the caller's matrix after the gradient call");
        Check.fd(p -> ParamRowsFx.helperWritesARow(unflat(p, M), p[p.length - 1]),
                concat(flat(M), 1.4), concat(flat(g.m()), g.c()));
    }

    /** Before the fix, the helper's write reached only the copy (a one-dimensional array too). */
    @Test
    void aHelperWritingIntoAnArray() {
        double[] primal = {0.5, 0.25};
        double expected = ParamRowsFx.helperWritesAnArray(primal, 1.4);
        double[] viaGradient = {0.5, 0.25};
        var g = ParamRowsFxGrad.helperWritesAnArray(viaGradient, 1.4);
        Check.sameValue(expected, g.value());
        assertArrayEquals(primal, viaGradient, 0.0, "the caller's array after the gradient call");
        Check.fd(p -> ParamRowsFx.helperWritesAnArray(Arrays.copyOf(p, 2), p[2]),
                new double[] {0.5, 0.25, 1.4}, new double[] {g.x()[0], g.x()[1], g.c()});
    }

    @Test
    void aWrittenMatrixOutsideWrt() {
        double[] w = {0.5, -1.5};
        double[][] o1 = {{1, 2}, {3, 4}};
        double[][] o2 = {{1, 2}, {3, 4}};
        double expected = ParamRowsFx.scratchOutsideWrt(w, o1);
        var g = ParamRowsFxGrad.scratchOutsideWrt(w, o2);
        Check.sameValue(expected, g.value());
        assertDeepEquals(o1, o2, "the caller's matrix after the gradient call");
        Check.fd(p -> ParamRowsFx.scratchOutsideWrt(p, new double[][] {{1, 2}, {3, 4}}), w,
                g.w());
        // (w0 w1 + 2)(w1 w0 + 3) + w1^2 + 4
        double a = w[0] * w[1];
        Check.exact(new double[] {w[1] * (2 * a + 5), w[0] * (2 * a + 5) + 2 * w[1]}, g.w(), "w");
    }

    @Test
    void sharedRowsAreRefusedLoudly() {
        double[] shared = {1.5, -0.5};
        double[][] twice = {shared, shared};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParamRowsFxGrad.scaleInPlace(twice, 2));
        assertEquals("the gradient of this method takes a copy of 'm' and its rows, which it"
                + " writes into, so two rows of m must not be the same array", e.getMessage());
        assertArrayEquals(new double[] {1.5, -0.5}, shared, 0.0, "nothing written before");
        double[][] m = {{0.5, 1}, shared};
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> ParamRowsFxGrad.rowAndArray(m, shared));
        assertEquals("the gradient of this method takes a copy of 'm' and its rows, which it"
                + " writes into, so x and a row of m must not be the same array", r.getMessage());
        var g = ParamRowsFxGrad.rowAndArray(copy(m), shared.clone());
        Check.fd(p -> ParamRowsFx.rowAndArray(unflat(p, m), Arrays.copyOfRange(p, 4, 6)),
                concat(flat(m), shared), concat(flat(g.m()), g.x()));
    }

    @Test
    void nullRowsStayNull() {
        double[][] primal = {{0.5, 1}, null};
        double[][] viaGradient = {{0.5, 1}, null};
        double expected = ParamRowsFx.scaleInPlace(new double[][] {{0.5, 1}}, 3);
        Throwable e1 = result(() -> ParamRowsFx.scaleInPlace(primal, 3));
        Throwable e2 = result(() -> ParamRowsFxGrad.scaleInPlace(viaGradient, 3));
        assertEquals(NullPointerException.class, e1.getClass());
        assertEquals(NullPointerException.class, e2.getClass());
        assertDeepEquals(primal, viaGradient, "after the null row");
        assertNull(viaGradient[1]);
        assertEquals(expected, ParamRowsFxGrad.scaleInPlace(new double[][] {{0.5, 1}}, 3).value());
    }

    private static void assertDeepEquals(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == null) {
                assertNull(actual[i], what);
            } else {
                assertArrayEquals(expected[i], actual[i], 0.0, what + ", row " + i);
            }
        }
    }

    static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i] == null ? null : m[i].clone();
        }
        return out;
    }

    static double[] flat(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }

    /** The first elements of {@code p} shaped like {@code shape}. */
    static double[][] unflat(double[] p, double[][] shape) {
        double[][] out = new double[shape.length][];
        int k = 0;
        for (int i = 0; i < shape.length; i++) {
            out[i] = Arrays.copyOfRange(p, k, k + shape[i].length);
            k += shape[i].length;
        }
        return out;
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
