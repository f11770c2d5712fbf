package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Writing helpers returning their argument, given rows at computed indices and called inside
 * larger expressions ({@link ComputedRowFx}): values against the original, gradients against
 * 5-point central differences (and exact values), mTangent against the gradient, mHvp against
 * central differences of the gradient.
 */
class ComputedRowTest {

    private static final double[] X = {0.7, -1.3, 0.4, 1.1};

    @Test
    void rowAtAComputedIndex() {
        for (double c : new double[] {0.6, -1.4}) {
            var g = ComputedRowFxGrad.computedIndex(X.clone(), c);
            Check.sameValue(ComputedRowFx.computedIndex(X.clone(), c), g.value());
            Check.fd(p -> ComputedRowFx.computedIndex(Arrays.copyOf(p, 4), p[4]), concat(X, c),
                    concat(g.x(), g.c()));
            double[] caller = X.clone();
            ComputedRowFxGrad.computedIndex(caller, c);
            assertArrayEquals(X, caller, 0.0, "x is only read");
            Check.modes(p -> {
                var q = ComputedRowFxGrad.computedIndex(Arrays.copyOf(p, 4), p[4]);
                return concat(q.x(), q.c());
            }, concat(X, c), v -> ComputedRowFxGrad.computedIndexTangent(X.clone(), c,
                    Arrays.copyOf(v, 4), v[4]).tangent(), v -> {
                        var h = ComputedRowFxGrad.computedIndexHvp(X.clone(), c,
                                Arrays.copyOf(v, 4), v[4]);
                        return concat(h.xHvp(), h.cHvp());
                    });
        }
    }

    @Test
    void rowAtAnIncrementedIndex() {
        for (double c : new double[] {0.6, -1.4}) {
            var g = ComputedRowFxGrad.incrementedIndex(X.clone(), c);
            Check.sameValue(ComputedRowFx.incrementedIndex(X.clone(), c), g.value());
            Check.fd(p -> ComputedRowFx.incrementedIndex(Arrays.copyOf(p, 4), p[4]),
                    concat(X, c), concat(g.x(), g.c()));
            Check.modes(p -> {
                var q = ComputedRowFxGrad.incrementedIndex(Arrays.copyOf(p, 4), p[4]);
                return concat(q.x(), q.c());
            }, concat(X, c), v -> ComputedRowFxGrad.incrementedIndexTangent(X.clone(), c,
                    Arrays.copyOf(v, 4), v[4]).tangent(), v -> {
                        var h = ComputedRowFxGrad.incrementedIndexHvp(X.clone(), c,
                                Arrays.copyOf(v, 4), v[4]);
                        return concat(h.xHvp(), h.cHvp());
                    });
        }
    }

    @Test
    void callsInsideLargerExpressions() {
        for (double c : new double[] {0.6, -1.4}) {
            var g = ComputedRowFxGrad.nested(X.clone(), c);
            Check.sameValue(ComputedRowFx.nested(X.clone(), c), g.value());
            Check.fd(p -> ComputedRowFx.nested(Arrays.copyOf(p, 4), p[4]), concat(X, c),
                    concat(g.x(), g.c()));
            Check.modes(p -> {
                var q = ComputedRowFxGrad.nested(Arrays.copyOf(p, 4), p[4]);
                return concat(q.x(), q.c());
            }, concat(X, c), v -> ComputedRowFxGrad.nestedTangent(X.clone(), c,
                    Arrays.copyOf(v, 4), v[4]).tangent(), v -> {
                        var h = ComputedRowFxGrad.nestedHvp(X.clone(), c, Arrays.copyOf(v, 4),
                                v[4]);
                        return concat(h.xHvp(), h.cHvp());
                    });
        }
    }

    @Test
    void resultsAssignedToRowsOfALocalMatrix() {
        for (double c : new double[] {0.9, -1.2}) {
            var g = ComputedRowFxGrad.intoRows(X.clone(), c);
            Check.sameValue(ComputedRowFx.intoRows(X.clone(), c), g.value());
            Check.fd(p -> ComputedRowFx.intoRows(Arrays.copyOf(p, 4), p[4]), concat(X, c),
                    concat(g.x(), g.c()));
            Check.modes(p -> {
                var q = ComputedRowFxGrad.intoRows(Arrays.copyOf(p, 4), p[4]);
                return concat(q.x(), q.c());
            }, concat(X, c), v -> ComputedRowFxGrad.intoRowsTangent(X.clone(), c,
                    Arrays.copyOf(v, 4), v[4]).tangent(), v -> {
                        var h = ComputedRowFxGrad.intoRowsHvp(X.clone(), c, Arrays.copyOf(v, 4),
                                v[4]);
                        return concat(h.xHvp(), h.cHvp());
                    });
        }
    }

    @Test
    void exactValues() {
        double c = 0.9;
        double[] x = X.clone();
        var g = ComputedRowFxGrad.exact(x.clone(), c);
        // f = c x0 x2 + 2 c x1 (x2 + x3)
        Check.exact(c * x[0] * x[2] + 2 * c * x[1] * (x[2] + x[3]), g.value(), "value");
        Check.exact(new double[] {c * x[2], 2 * c * (x[2] + x[3]), c * x[0] + 2 * c * x[1],
            2 * c * x[1]}, g.x(), "x");
        Check.exact(x[0] * x[2] + 2 * x[1] * (x[2] + x[3]), g.c(), "c");
        Check.fd(p -> ComputedRowFx.exact(Arrays.copyOf(p, 4), p[4]), concat(x, c),
                concat(g.x(), g.c()));
    }
}
