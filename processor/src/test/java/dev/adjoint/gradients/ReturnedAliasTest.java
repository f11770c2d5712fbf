package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.shifted;
import static dev.adjoint.gradients.Check.dot;
import static dev.adjoint.gradients.Check.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Helpers returning an argument through a local alias, and writing helpers given a row
 * ({@link ReturnedAliasFx}): values against the original, gradients against 5-point central
 * differences, mTangent against the gradient, mHvp against central differences of the gradient.
 */
class ReturnedAliasTest {

    private static final double[] X = {0.7, -1.3, 0.4, 2.1, -0.6, 0.9};

    @Test
    void helpersReturningALocalAliasOfTheirArgument() {
        double a = 0.8;
        double[] x = Arrays.copyOf(X, 4);
        var g = ReturnedAliasFxGrad.aliases(x.clone(), a);
        Check.sameValue(ReturnedAliasFx.aliases(x.clone(), a), g.value());
        Check.fd(p -> ReturnedAliasFx.aliases(Arrays.copyOf(p, 4), p[4]), concat(x, a),
                concat(g.x(), g.a()));
        // k[1][0] * k[0][1] with k[1][0] = x2 a + a x3 (through the row alias) and k[0][1] = x1:
        // the only term of the result in which x2 occurs outside t
        double t0 = x[0];
        double t1 = x[1] * a + Math.sin(x[0]);
        double[] t = {t0, t1, x[2], x[3]};
        double dx2 = 0;
        double u2 = t[2] * a + 0.5 * Math.cos(t[2]); // s[2] after scaleIn, and t[2] too
        dx2 += 3 * 2 * u2 * (a - 0.5 * Math.sin(t[2]));
        dx2 += a * x[1];
        Check.exact(dx2, g.x()[2], "x[2]");
        modes(p -> ReturnedAliasFx.aliases(Arrays.copyOf(p, 4), p[4]),
                p -> {
                    var q = ReturnedAliasFxGrad.aliases(Arrays.copyOf(p, 4), p[4]);
                    return concat(q.x(), q.a());
                }, concat(x, a), v -> ReturnedAliasFxGrad.aliasesTangent(Arrays.copyOf(x, 4), a,
                        Arrays.copyOf(v, 4), v[4]).tangent(),
                v -> {
                    var h = ReturnedAliasFxGrad.aliasesHvp(x.clone(), a, Arrays.copyOf(v, 4),
                            v[4]);
                    return concat(h.xHvp(), h.aHvp());
                });
    }

    @Test
    void writingHelperGivenRowsOfALocalMatrix() {
        for (double c : new double[] {0.3, 1.1}) {
            var g = ReturnedAliasFxGrad.clippedRows(X.clone(), c);
            Check.sameValue(ReturnedAliasFx.clippedRows(X.clone(), c), g.value());
            Check.fd(p -> ReturnedAliasFx.clippedRows(Arrays.copyOf(p, 6), p[6]), concat(X, c),
                    concat(g.x(), g.c()));
            double[] caller = X.clone();
            ReturnedAliasFxGrad.clippedRows(caller, c);
            assertArrayEquals(X, caller, 0.0, "x is only read");
            modes(p -> ReturnedAliasFx.clippedRows(Arrays.copyOf(p, 6), p[6]),
                    p -> {
                        var q = ReturnedAliasFxGrad.clippedRows(Arrays.copyOf(p, 6), p[6]);
                        return concat(q.x(), q.c());
                    }, concat(X, c), v -> ReturnedAliasFxGrad.clippedRowsTangent(X.clone(), c,
                            Arrays.copyOf(v, 6), v[6]).tangent(),
                    v -> {
                        var h = ReturnedAliasFxGrad.clippedRowsHvp(X.clone(), c,
                                Arrays.copyOf(v, 6), v[6]);
                        return concat(h.xHvp(), h.cHvp());
                    });
        }
    }

    @Test
    void writesIntoTheRowAHelperReturns() {
        double[] x = {0.7, -1.3, 0.4};
        double v = 0.6;
        var g = ReturnedAliasFxGrad.intoReturnedRow(x.clone(), v);
        Check.sameValue(ReturnedAliasFx.intoReturnedRow(x.clone(), v), g.value());
        Check.fd(p -> ReturnedAliasFx.intoReturnedRow(Arrays.copyOf(p, 3), p[3]), concat(x, v),
                concat(g.x(), g.v()));
        // k[0][0] = x0 (1 + v), k[0][1] = v x0, k[1][1] = x0 x1 + v x1, k[1][0] = x2 sin x0 sin x1
        double k00 = x[0] * (1 + v);
        double k11 = x[0] * x[1] + v * x[1];
        Check.exact(x[0] * k11 + v * x[0] * x[1] + x[0], g.v(), "v");
        Check.exact(Math.sin(x[0]) * Math.sin(x[1]), g.x()[2], "x[2]");
        assertEquals(k00 + v * x[0] * k11 + x[2] * Math.sin(x[0]) * Math.sin(x[1]), g.value(),
                1e-15);
        modes(p -> ReturnedAliasFx.intoReturnedRow(Arrays.copyOf(p, 3), p[3]),
                p -> {
                    var q = ReturnedAliasFxGrad.intoReturnedRow(Arrays.copyOf(p, 3), p[3]);
                    return concat(q.x(), q.v());
                }, concat(x, v), d -> ReturnedAliasFxGrad.intoReturnedRowTangent(x.clone(), v,
                        Arrays.copyOf(d, 3), d[3]).tangent(),
                d -> {
                    var h = ReturnedAliasFxGrad.intoReturnedRowHvp(x.clone(), v,
                            Arrays.copyOf(d, 3), d[3]);
                    return concat(h.xHvp(), h.vHvp());
                });
    }

    /** mTangent against the gradient, mHvp against central differences of the gradient. */
    private static void modes(java.util.function.ToDoubleFunction<double[]> f,
            Function<double[], double[]> gradient, double[] x,
            java.util.function.ToDoubleFunction<double[]> tangent,
            Function<double[], double[]> hvp) {
        double[] v = new double[x.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.3 - 0.17 * i;
        }
        double[] g = gradient.apply(x);
        assertEquals(dot(g, v), tangent.applyAsDouble(v), 1e-12);
        double h = 1e-4;
        double[] p2 = gradient.apply(shifted(x, v, 2 * h));
        double[] p1 = gradient.apply(shifted(x, v, h));
        double[] m1 = gradient.apply(shifted(x, v, -h));
        double[] m2 = gradient.apply(shifted(x, v, -2 * h));
        double[] hv = hvp.apply(v);
        for (int i = 0; i < x.length; i++) {
            double fd = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h);
            assertEquals(fd, hv[i], 1e-6 * Math.max(1, Math.abs(fd)), "Hv[" + i + "]");
        }
        assertEquals(f.applyAsDouble(x), f.applyAsDouble(x.clone()), 0.0);
    }
}
