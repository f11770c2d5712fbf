package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrayUtilsTest {

    private static final double[] X = {0.7, -1.3, 0.4, 2.1, -0.6};

    @Test
    void copyOfPadsWithZerosAndTruncates() {
        var g = ArrayUtilsFxGrad.copyOfLonger(X, 1.7);
        Check.sameValue(ArrayUtilsFx.copyOfLonger(X, 1.7), g.value());
        double[] analytic = concat(g.x(), g.a());
        Check.fd(p -> ArrayUtilsFx.copyOfLonger(java.util.Arrays.copyOf(p, X.length),
                p[X.length]), concat(X, 1.7), analytic);
        var h = ArrayUtilsFxGrad.copyOfShorter(X);
        Check.sameValue(ArrayUtilsFx.copyOfShorter(X), h.value());
        Check.fd(ArrayUtilsFx::copyOfShorter, X, h.x());
        int[] idx = {4, 0, 2, 3};
        var k = ArrayUtilsFxGrad.copyOfInts(X, idx);
        Check.sameValue(ArrayUtilsFx.copyOfInts(X, idx), k.value());
        Check.fd(p -> ArrayUtilsFx.copyOfInts(p, idx), X, k.x());
    }

    @ParameterizedTest
    @CsvSource({"0, 5", "1, 4", "2, 7", "3, 3", "5, 6"})
    void copyOfRange(int from, int to) {
        var g = ArrayUtilsFxGrad.copyOfRange(X, from, to);
        Check.sameValue(ArrayUtilsFx.copyOfRange(X, from, to), g.value());
        Check.fd(p -> ArrayUtilsFx.copyOfRange(p, from, to), X, g.x());
    }

    @Test
    void fillGivesEveryElementsShareBackToTheValue() {
        var g = ArrayUtilsFxGrad.fillAll(X, 0.9);
        Check.sameValue(ArrayUtilsFx.fillAll(X, 0.9), g.value());
        Check.fd(p -> ArrayUtilsFx.fillAll(java.util.Arrays.copyOf(p, X.length), p[X.length]),
                concat(X, 0.9), concat(g.x(), g.a()));
        var h = ArrayUtilsFxGrad.fillInLoop(X, -0.8);
        Check.sameValue(ArrayUtilsFx.fillInLoop(X, -0.8), h.value());
        Check.fd(p -> ArrayUtilsFx.fillInLoop(java.util.Arrays.copyOf(p, X.length),
                p[X.length]), concat(X, -0.8), concat(h.x(), h.a()));
        var r = ArrayUtilsFxGrad.fillRow(X);
        Check.sameValue(ArrayUtilsFx.fillRow(X), r.value());
        Check.fd(ArrayUtilsFx::fillRow, X, r.x());
    }

    @Test
    void arraycopyBetweenTwoArrays() {
        double[] w = {0.5, -2, 1.5};
        var g = ArrayUtilsFxGrad.arraycopyBetween(X, w);
        Check.sameValue(ArrayUtilsFx.arraycopyBetween(X, w), g.value());
        Check.fd(p -> ArrayUtilsFx.arraycopyBetween(p, w), X, g.x());
        Check.fd(p -> ArrayUtilsFx.arraycopyBetween(X, p), w, g.w());
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 4", "1, 0, 4", "0, 2, 3", "2, 0, 3", "1, 1, 3", "0, 4, 1", "3, 1, 0"})
    void arraycopyWithOverlappingRangesOfOneArray(int sp, int dp, int n) {
        var g = ArrayUtilsFxGrad.arraycopyOverlap(X, sp, dp, n);
        Check.sameValue(ArrayUtilsFx.arraycopyOverlap(X, sp, dp, n), g.value());
        Check.fd(p -> ArrayUtilsFx.arraycopyOverlap(p, sp, dp, n), X, g.x());
    }

    @ParameterizedTest
    @CsvSource({"-1, 0, 1", "0, -1, 1", "0, 0, -1", "4, 0, 2", "0, 2, 2", "0, 0, 4"})
    void arraycopyThrowsAsJavaDoes(int sp, int dp, int n) {
        sameException(() -> ArrayUtilsFx.arraycopyChecked(X, sp, dp, n),
                () -> ArrayUtilsFxGrad.arraycopyChecked(X, sp, dp, n));
    }

    @ParameterizedTest
    @CsvSource({"3, 2", "-1, 2", "6, 7"})
    void copyOfRangeThrowsAsJavaDoes(int from, int to) {
        sameException(() -> ArrayUtilsFx.copyOfRangeChecked(X, from, to),
                () -> ArrayUtilsFxGrad.copyOfRangeChecked(X, from, to));
    }

    @ParameterizedTest
    @CsvSource({"3, 2", "-1, 2", "1, 6"})
    void fillThrowsAsJavaDoes(int from, int to) {
        sameException(() -> ArrayUtilsFx.fillChecked(X, from, to),
                () -> ArrayUtilsFxGrad.fillChecked(X, from, to));
    }

    @Test
    void checkedVersionsWithinBounds() {
        var g = ArrayUtilsFxGrad.arraycopyChecked(X, 2, 1, 2);
        Check.sameValue(ArrayUtilsFx.arraycopyChecked(X, 2, 1, 2), g.value());
        Check.fd(p -> ArrayUtilsFx.arraycopyChecked(p, 2, 1, 2), X, g.x());
        var f = ArrayUtilsFxGrad.fillChecked(X, 1, 5);
        Check.sameValue(ArrayUtilsFx.fillChecked(X, 1, 5), f.value());
        Check.fd(p -> ArrayUtilsFx.fillChecked(p, 1, 5), X, f.x());
    }

    @Test
    void corpusArrayUtilities() {
        var g = ArrayUtilsFxGrad.corpusArrayUtilities(X);
        Check.sameValue(ArrayUtilsFx.corpusArrayUtilities(X), g.value());
        Check.fd(ArrayUtilsFx::corpusArrayUtilities, X, g.x());
    }

    private static void sameException(Executable original, Executable generated) {
        Class<?> expected = thrown(original);
        assertEquals(expected, thrown(generated), "exception class");
    }

    private static Class<?> thrown(Executable e) {
        try {
            e.execute();
        } catch (Throwable t) {
            return t.getClass();
        }
        return null;
    }

    private static double[] concat(double[] a, double b) {
        double[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
