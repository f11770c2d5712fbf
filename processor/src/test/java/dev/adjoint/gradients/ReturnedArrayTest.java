package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.concat;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gradients through helpers returning an array they received, and unallocated array locals. */
class ReturnedArrayTest {
    private static final double[] X = {0.7, -1.1, 0.4};

    @Test
    void rowHelpers() {
        double[][] w = {{0.3, -0.6, 0.2}, {0.9, 0.1, -0.4}, {-0.5, 0.8, 0.6}};
        var g = ReturnedArrayFxGrad.rows(w, X);
        Check.sameValue(ReturnedArrayFx.rows(w, X), g.value());
        Check.fd(p -> ReturnedArrayFx.rows(matrix(p), X), flat(w),
                flat(g.w()));
        Check.fd(p -> ReturnedArrayFx.rows(w, p), X, g.x());
    }

    @Test
    void rowHelperThatChecksItsIndex() {
        double[][] w = {{0.3, -0.6, 0.2}, {0.9, 0.1, -0.4}};
        for (int i = 0; i < 2; i++) {
            int row = i;
            var g = ReturnedArrayFxGrad.checked(w, row, 0.7);
            Check.sameValue(ReturnedArrayFx.checked(w, row, 0.7), g.value());
            Check.fd(p -> ReturnedArrayFx.checked(new double[][] {Arrays.copyOf(p, 3),
                Arrays.copyOfRange(p, 3, 6)}, row, p[6]), concat(flat2(w), 0.7),
                    concat(flat2(g.w()), g.a()));
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ReturnedArrayFxGrad.checked(w, 2, 0.7));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.8, -0.6})
    void identityHelperEverywhere(double a) {
        var g = ReturnedArrayFxGrad.identities(X, a);
        Check.sameValue(ReturnedArrayFx.identities(X, a), g.value());
        Check.fd(p -> ReturnedArrayFx.identities(Arrays.copyOf(p, 3), p[3]), concat(X, a),
                concat(g.x(), g.a()));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.2, 0.7, 1.0})
    void helpersWritingIntoTheArrayTheyReturn(double c) {
        double[] x = X.clone();
        var g = ReturnedArrayFxGrad.writers(x, c);
        Check.sameValue(ReturnedArrayFx.writers(X.clone(), c), g.value());
        Check.exact(X, x, "the caller's array is left as it was");
        if (c == 1.0) {
            // scaleUnlessOne takes its other branch at c == 1: differences would cross it
            Check.fd(p -> ReturnedArrayFx.writers(p, c), X, g.x());
        } else {
            Check.fd(p -> ReturnedArrayFx.writers(Arrays.copyOf(p, 3), p[3]), concat(X, c),
                    concat(g.x(), g.c()));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, -1.4})
    void writesThroughAReturnedRow(double a) {
        var g = ReturnedArrayFxGrad.rowWrites(X, a);
        Check.sameValue(ReturnedArrayFx.rowWrites(X, a), g.value());
        Check.fd(p -> ReturnedArrayFx.rowWrites(Arrays.copyOf(p, 3), p[3]), concat(X, a),
                concat(g.x(), g.a()));
        // value: (a x1)(x0 a) + a sin(x1) + x0, written through the returned rows
        Check.exact(2 * a * X[0] * X[1] + Math.sin(X[1]), g.a(), "d/da");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void arraysDeclaredWithoutAllocation(int mode) {
        for (double a : new double[] {0.9, -0.4}) {
            var g = ReturnedArrayFxGrad.unallocated(X, a, mode);
            Check.sameValue(ReturnedArrayFx.unallocated(X, a, mode), g.value());
            Check.fd(p -> ReturnedArrayFx.unallocated(Arrays.copyOf(p, 3), p[3], mode),
                    concat(X, a), concat(g.x(), g.a()));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.9, -0.4})
    void arraysDeclaredWithoutAllocationInALoop(double a) {
        var g = ReturnedArrayFxGrad.unallocatedInLoop(X, a);
        Check.sameValue(ReturnedArrayFx.unallocatedInLoop(X, a), g.value());
        Check.fd(p -> ReturnedArrayFx.unallocatedInLoop(Arrays.copyOf(p, 3), p[3]),
                concat(X, a), concat(g.x(), g.a()));
    }

    private static double[][] matrix(double[] p) {
        return new double[][] {Arrays.copyOfRange(p, 0, 3), Arrays.copyOfRange(p, 3, 6),
            Arrays.copyOfRange(p, 6, 9)};
    }

    private static double[] flat2(double[][] m) {
        return concat(m[0], m[1]);
    }

    private static double[] flat(double[][] m) {
        return concat(concat(m[0], m[1]), m[2]);
    }
}
