package dev.adjoint.gradients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Gradients of loops whose per-component scratch arrays get one row per component
 * ({@code transform.ScratchRows}, issue 15) and of near misses ({@link ScratchRowsFx}): 5-point
 * central differences, Hipparchus's forward mode as the exact oracle for the GMM (several d, K,
 * n: K = 1, d = 1, no points), the value bit for bit, and the same gradient bit for bit on a
 * second call (the rows are per call; nothing is left behind).
 */
class ScratchRowsTest {

    /** {@code {d, K, n}}: ADBench's shape small, one component, one dimension, no points. */
    private static final int[][] SHAPES = {{3, 4, 5}, {4, 1, 3}, {1, 3, 4}, {2, 2, 0}, {5, 3, 2}};

    @Test
    void gmmAgainstHipparchusAndDifferences() {
        for (int[] shape : SHAPES) {
            Gmm g = new Gmm(shape[0], shape[1], shape[2], 17 + shape[0]);
            String what = "gmm d " + shape[0] + " K " + shape[1] + " n " + shape[2];
            var r = ScratchRowsFxGrad.gmm(g.alphas, g.means, g.icf, g.x);
            Check.sameValue(ScratchRowsFx.gmm(g.alphas, g.means, g.icf, g.x), r.value());
            double[] analytic = concat(r.alphas(), r.means(), r.icf());
            Check.hipparchus(v -> g.ds(v, false), g.theta(), analytic, what);
            Check.fd(v -> g.with(v).value(false), g.theta(), analytic);
            var again = ScratchRowsFxGrad.gmm(g.alphas, g.means, g.icf, g.x);
            assertArrayEquals(analytic, concat(again.alphas(), again.means(), again.icf()), 0.0,
                    what + ": second call");
        }
    }

    @Test
    void gmmThroughANonLinearResultIsNotFusedAndStillRight() {
        for (int[] shape : SHAPES) {
            Gmm g = new Gmm(shape[0], shape[1], shape[2], 5 + shape[1]);
            String what = "gmmNotFused d " + shape[0] + " K " + shape[1] + " n " + shape[2];
            var r = ScratchRowsFxGrad.gmmNotFused(g.alphas, g.means, g.icf, g.x);
            Check.sameValue(ScratchRowsFx.gmmNotFused(g.alphas, g.means, g.icf, g.x), r.value());
            double[] analytic = concat(r.alphas(), r.means(), r.icf());
            Check.hipparchus(v -> g.ds(v, true), g.theta(), analytic, what);
            Check.fd(v -> g.with(v).value(true), g.theta(), analytic);
        }
    }

    @Test
    void varyingTripsAndLengthsGrowTheIntRows() {
        double[][] x = matrix(5, 2, 3);
        double[][] w = matrix(4, 2, 4);
        var r = ScratchRowsFxGrad.varyingTrips(x, w);
        Check.sameValue(ScratchRowsFx.varyingTrips(x, w), r.value());
        // exact: each (p, c < p, i < 1 + p % 2) term sq = Σ sin(u)·u, u = x[p][i]·w[c][i]
        double[][] exact = new double[4][2];
        for (int p = 0; p < x.length; p++) {
            for (int c = 0; c < p; c++) {
                double sq = 0;
                for (int i = 0; i < 1 + p % 2; i++) {
                    double u = x[p][i] * w[c][i];
                    sq += Math.sin(u) * u;
                }
                for (int i = 0; i < 1 + p % 2; i++) {
                    double u = x[p][i] * w[c][i];
                    exact[c][i] += 2 * sq * (Math.cos(u) * u + Math.sin(u)) * x[p][i];
                }
            }
        }
        Check.exact(flat(exact), flat(r.w()), "varyingTrips");
        Check.fd(v -> ScratchRowsFx.varyingTrips(x, unflatten(v, 4, 2)), flat(w), flat(r.w()));
    }

    @Test
    void growingTripsGrowTheRows() {
        double[][] x = matrix(5, 2, 3);
        double[][] w = matrix(4, 2, 4);
        var r = ScratchRowsFxGrad.growingTrips(x, w);
        Check.sameValue(ScratchRowsFx.growingTrips(x, w), r.value());
        // exact: each (p, c < p, i < 2) term sq = Σ sin(u)·u, u = x[p][i]·w[c][i]
        double[][] exact = new double[4][2];
        for (int p = 0; p < x.length; p++) {
            for (int c = 0; c < p; c++) {
                double sq = 0;
                for (int i = 0; i < 2; i++) {
                    double u = x[p][i] * w[c][i];
                    sq += Math.sin(u) * u;
                }
                for (int i = 0; i < 2; i++) {
                    double u = x[p][i] * w[c][i];
                    exact[c][i] += 2 * sq * (Math.cos(u) * u + Math.sin(u)) * x[p][i];
                }
            }
        }
        Check.exact(flat(exact), flat(r.w()), "growingTrips");
        Check.fd(v -> ScratchRowsFx.growingTrips(x, unflatten(v, 4, 2)), flat(w), flat(r.w()));
    }

    @Test
    void aSecondWriteInTheIterationIsRestoredInTheRow() {
        double[][] x = matrix(4, 3, 5);
        double[][] w = matrix(3, 3, 6);
        var r = ScratchRowsFxGrad.rewrittenInTheIteration(x, w);
        Check.sameValue(ScratchRowsFx.rewrittenInTheIteration(x, w), r.value());
        Check.fd(v -> ScratchRowsFx.rewrittenInTheIteration(x, unflatten(v, 3, 3)), flat(w),
                flat(r.w()));
    }

    @Test
    void theOverwritingLoopInsideAnotherLoop() {
        double[][] x = matrix(3, 2, 7);
        double[][] w = matrix(3, 2, 8);
        var r = ScratchRowsFxGrad.nested(x, w);
        Check.sameValue(ScratchRowsFx.nested(x, w), r.value());
        double[][] exact = new double[3][2];
        for (double[] xp : x) {
            for (int c = 0; c < 3; c++) {
                for (int rep = 0; rep < 2; rep++) {
                    for (int i = 0; i < 2; i++) {
                        double u = xp[i] * w[c][i] + rep;
                        exact[c][i] += (Math.cos(u) - Math.sin(u) * u) * xp[i];
                    }
                }
            }
        }
        Check.exact(flat(exact), flat(r.w()), "nested");
        Check.fd(v -> ScratchRowsFx.nested(x, unflatten(v, 3, 2)), flat(w), flat(r.w()));
    }

    /** A GMM instance and its parameters as one vector (alphas, means, icf, row by row). */
    private static final class Gmm {
        final int d;
        final int k;
        final double[] alphas;
        final double[][] means;
        final double[][] icf;
        final double[][] x;

        Gmm(int d, int k, int n, long seed) {
            this(d, k, matrix(n, d, seed), seed + 1);
        }

        private Gmm(int d, int k, double[][] x, long seed) {
            Random rnd = new Random(seed);
            this.d = d;
            this.k = k;
            this.x = x;
            alphas = new double[k];
            for (int c = 0; c < k; c++) {
                alphas[c] = rnd.nextGaussian();
            }
            means = matrix(k, d, seed + 2);
            icf = new double[k][d * (d + 1) / 2];
            for (double[] row : icf) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = 0.5 * rnd.nextGaussian();
                }
            }
        }

        double[] theta() {
            return concat(alphas, means, icf);
        }

        Gmm with(double[] theta) {
            Gmm g = new Gmm(d, k, x, 0);
            System.arraycopy(theta, 0, g.alphas, 0, k);
            double[][] m = unflatten(slice(theta, k, k * d), k, d);
            double[][] q = unflatten(slice(theta, k + k * d, theta.length - k - k * d), k,
                    d * (d + 1) / 2);
            for (int c = 0; c < k; c++) {
                g.means[c] = m[c];
                g.icf[c] = q[c];
            }
            return g;
        }

        double value(boolean notFused) {
            return notFused ? ScratchRowsFx.gmmNotFused(alphas, means, icf, x)
                    : ScratchRowsFx.gmm(alphas, means, icf, x);
        }

        /** The objective in Hipparchus's forward mode over {@link #theta()}. */
        DerivativeStructure ds(DerivativeStructure[] v, boolean notFused) {
            int icfSize = d * (d + 1) / 2;
            DerivativeStructure slse = v[0].getField().getZero();
            for (double[] xp : x) {
                DerivativeStructure[] terms = new DerivativeStructure[k];
                for (int c = 0; c < k; c++) {
                    int mean = k + c * d;
                    int q = k + k * d + c * icfSize;
                    DerivativeStructure[] xc = new DerivativeStructure[d];
                    DerivativeStructure[] lxc = new DerivativeStructure[d];
                    DerivativeStructure sumQ = v[0].getField().getZero();
                    for (int i = 0; i < d; i++) {
                        xc[i] = v[mean + i].negate().add(xp[i]);
                        lxc[i] = v[q + i].exp().multiply(xc[i]);
                        sumQ = sumQ.add(v[q + i]);
                    }
                    int l = d;
                    for (int i = 0; i < d; i++) {
                        for (int j = i + 1; j < d; j++) {
                            lxc[j] = lxc[j].add(v[q + l].multiply(xc[i]));
                            l++;
                        }
                    }
                    DerivativeStructure sq = v[0].getField().getZero();
                    for (int i = 0; i < d; i++) {
                        sq = sq.add(lxc[i].multiply(lxc[i]));
                    }
                    terms[c] = v[c].subtract(sq.multiply(0.5));
                    if (!notFused) {
                        terms[c] = terms[c].add(sumQ);
                    }
                }
                slse = slse.add(logSumExp(terms));
            }
            if (notFused) {
                return slse.multiply(slse).add(1).log();
            }
            DerivativeStructure[] a = new DerivativeStructure[k];
            System.arraycopy(v, 0, a, 0, k);
            return slse.subtract(logSumExp(a).multiply(x.length));
        }

        private static DerivativeStructure logSumExp(DerivativeStructure[] t) {
            DerivativeStructure s = t[0].getField().getZero();
            for (DerivativeStructure e : t) {
                s = s.add(e.exp());
            }
            return s.log();
        }
    }

    private static double[][] matrix(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int i = 0; i < cols; i++) {
                row[i] = rnd.nextDouble() * 2 - 1;
            }
        }
        return m;
    }

    private static double[] concat(Object... parts) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (Object part : parts) {
            if (part instanceof double[] v) {
                for (double e : v) {
                    out.add(e);
                }
            } else {
                for (double[] row : (double[][]) part) {
                    for (double e : row) {
                        out.add(e);
                    }
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] flat(double[][] m) {
        return concat(m, new double[0]);
    }

    private static double[] slice(double[] v, int from, int length) {
        double[] out = new double[length];
        System.arraycopy(v, from, out, 0, length);
        return out;
    }

    private static double[][] unflatten(double[] v, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(v, r * cols, m[r], 0, cols);
        }
        return m;
    }
}
