package dev.adjoint.gradients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Gradients of code that uses arrays as references (AliasFx), against finite differences. */
class AliasTest {
    private static final double[] X = {0.7, -1.3, 0.4};

    @Test
    void aliasesShareOneArrayAndOneShadow() {
        for (double a : new double[] {0.6, -1.1}) {
            var g = AliasFxGrad.alias(X, a);
            Check.sameValue(AliasFx.alias(X, a), g.value());
            Check.fd(p -> AliasFx.alias(Arrays.copyOf(p, 3), p[3]), concat(X, a),
                    concat(g.x(), g.a()));
        }
        // exact where easy: y[0] = sin(a) w1; z[1] = w1 + y0 a; w[2] = y0 z1;
        // value = y0 + 2 z1 + y0 z1
        double a = 0.3;
        double w1 = X[1];
        double y0 = Math.sin(a) * w1;
        double z1 = w1 + y0 * a;
        double dy0da = Math.cos(a) * w1;
        double dz1da = dy0da * a + y0;
        Check.exact(dy0da + 2 * dz1da + dy0da * z1 + y0 * dz1da, AliasFxGrad.alias(X, a).a(),
                "d/da");
    }

    @Test
    void reassignmentInLoopsAndBranches() {
        for (double a : new double[] {0.6, -1.1, 2.0}) {
            var g = AliasFxGrad.reassignInLoop(X, a);
            Check.sameValue(AliasFx.reassignInLoop(X, a), g.value());
            Check.fd(p -> AliasFx.reassignInLoop(Arrays.copyOf(p, 3), p[3]), concat(X, a),
                    concat(g.x(), g.a()));
        }
    }

    @Test
    void handOverWithLaterWritesIntoBoth() {
        for (double c : new double[] {0.8, -0.4}) {
            var g = AliasFxGrad.handOver(X, c);
            Check.sameValue(AliasFx.handOver(X, c), g.value());
            Check.fd(p -> AliasFx.handOver(Arrays.copyOf(p, 3), p[3]), concat(X, c),
                    concat(g.x(), g.c()));
        }
    }

    @Test
    void swapsOfParameterArraysOfDifferentLengths() {
        double[] u = {0.3, -0.8};
        double[] v = {1.1, 0.2, -0.5};
        double a = 0.9;
        double[] u1 = u.clone();
        double[] v1 = v.clone();
        var g = AliasFxGrad.swapParameters(u1, v1, a);
        Check.sameValue(AliasFx.swapParameters(u.clone(), v.clone(), a), g.value());
        assertArrayEquals(u, u1, 0.0);
        assertArrayEquals(v, v1, 0.0);
        Check.fd(p -> AliasFx.swapParameters(Arrays.copyOf(p, 2), Arrays.copyOfRange(p, 2, 5),
                p[5]), concat(concat(u, v), a), concat(concat(g.u(), g.v()), g.a()));
    }

    @Test
    void parameterReassignedThenWrittenThrough() {
        double a = 0.45;
        double[] x = X.clone();
        double[] expectedAfter = X.clone();
        double expected = AliasFx.parameterReassigned(expectedAfter, a);
        var g = AliasFxGrad.parameterReassigned(x, a);
        Check.sameValue(expected, g.value());
        assertArrayEquals(expectedAfter, x, 0.0, "the caller's array, as the original leaves it");
        Check.fd(p -> AliasFx.parameterReassigned(Arrays.copyOf(p, 3), p[3]), concat(X, a),
                concat(g.x(), g.a()));
    }

    @Test
    void arraysChosenByConditionals() {
        for (double a : new double[] {0.6, -1.1}) {
            var g = AliasFxGrad.conditional(X, a);
            Check.sameValue(AliasFx.conditional(X, a), g.value());
            Check.fd(p -> AliasFx.conditional(Arrays.copyOf(p, 3), p[3]), concat(X, a),
                    concat(g.x(), g.a()));
        }
    }

    @Test
    void raggedMatricesWithAssignedRows() {
        for (double a : new double[] {0.6, -1.1}) {
            var g = AliasFxGrad.ragged(X, a);
            Check.sameValue(AliasFx.ragged(X, a), g.value());
            Check.fd(p -> AliasFx.ragged(Arrays.copyOf(p, 3), p[3]), concat(X, a),
                    concat(g.x(), g.a()));
            var h = AliasFxGrad.raggedInLoop(X, a);
            Check.sameValue(AliasFx.raggedInLoop(X, a), h.value());
            Check.fd(p -> AliasFx.raggedInLoop(Arrays.copyOf(p, 3), p[3]), concat(X, a),
                    concat(h.x(), h.a()));
        }
    }

    @Test
    void rowsFromDifferentiatedCalls() {
        double[][] w = {{0.4, -0.7, 0.2}, {0.6, 0.3, -0.1}};
        double[][] x = {{0.5, -0.3, 0.9}, {0.2, 0.1, -0.4}, {-0.6, 0.8, 0.3}};
        var g = AliasFxGrad.rowsFromCalls(w, x);
        Check.sameValue(AliasFx.rowsFromCalls(w, x), g.value());
        Check.fd(p -> AliasFx.rowsFromCalls(new double[][] {Arrays.copyOf(p, 3),
                Arrays.copyOfRange(p, 3, 6)}, x), concat(w[0], w[1]),
                concat(g.w()[0], g.w()[1]));
        Check.fd(p -> AliasFx.rowsFromCalls(w, new double[][] {Arrays.copyOf(p, 3),
                Arrays.copyOfRange(p, 3, 6), Arrays.copyOfRange(p, 6, 9)}),
                concat(concat(x[0], x[1]), x[2]), concat(concat(g.x()[0], g.x()[1]), g.x()[2]));
    }

    @Test
    void rowAliasesWrittenBothWaysAndAfterTheRowMoves() {
        for (double a : new double[] {0.6, -1.1}) {
            var g = AliasFxGrad.rowAlias(X, a);
            Check.sameValue(AliasFx.rowAlias(X, a), g.value());
            Check.fd(p -> AliasFx.rowAlias(Arrays.copyOf(p, 3), p[3]), concat(X, a),
                    concat(g.x(), g.a()));
        }
    }

    @Test
    void allocationWhoseSizeChangesInTheLoop() {
        double[] x = {0.7, -1.3, 0.4, 1.1};
        for (double a : new double[] {0.6, -1.1}) {
            var g = AliasFxGrad.growing(x, a);
            Check.sameValue(AliasFx.growing(x, a), g.value());
            Check.fd(p -> AliasFx.growing(Arrays.copyOf(p, 4), p[4]), concat(x, a),
                    concat(g.x(), g.a()));
        }
    }

    @Test
    void formerlyRefusedReferencePatterns() {
        for (double a : new double[] {0.6, -1.1}) {
            var g = AliasFxGrad.callInLoop(a, 3);
            Check.sameValue(AliasFx.callInLoop(a, 3), g.value());
            // sum over i of 2 (a (i+1))^2: derivative 4 a sum (i+1)^2 = 56 a
            Check.exact(56 * a, g.a(), "d/da callInLoop");
            var r = AliasFxGrad.reallocated(a);
            Check.sameValue(AliasFx.reallocated(a), r.value());
            Check.exact(3 * a * a, r.a(), "d(a^3 + 3)/da");
            double[] xs = {0.3, -0.9};
            var p = AliasFxGrad.parameterAlias(a, xs);
            Check.sameValue(AliasFx.parameterAlias(a, xs), p.value());
            Check.exact(new double[] {a + xs[1], xs[0]}, p.xs(), "d/dxs parameterAlias");
            Check.exact(xs[0], p.a(), "d/da parameterAlias");
            var w = AliasFxGrad.swapInForEach(a);
            Check.sameValue(AliasFx.swapInForEach(a), w.value());
            Check.fd(q -> AliasFx.swapInForEach(q[0]), new double[] {a}, new double[] {w.a()});
            var m = AliasFxGrad.rowsReassignedInForEach(a, X);
            Check.sameValue(AliasFx.rowsReassignedInForEach(a, X), m.value());
            Check.fd(q -> AliasFx.rowsReassignedInForEach(q[3], Arrays.copyOf(q, 3)),
                    concat(X, a), concat(m.x(), m.a()));
        }
    }

    @Test
    void forEachOverACallInALoop() {
        var g = AliasFxGrad.forEachOverCallInLoop(X);
        Check.sameValue(AliasFx.forEachOverCallInLoop(X), g.value());
        // sum over t of (t + 1) sum 2 x^2 = 6 sum x^2: gradient 12 x
        Check.exact(new double[] {12 * X[0], 12 * X[1], 12 * X[2]}, g.x(), "d/dx");
    }

    static double[] concat(double[] a, double... b) {
        double[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
