package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/**
 * Loops over points whose loop over components records scratch arrays as a whole per component
 * (issue 15, {@code transform.ScratchRows}: one row per component instead of a push and a pop)
 * and near misses. See {@code ScratchRowsTest} and {@code processor.ScratchRowsSourceTest}.
 */
final class ScratchRowsFx {
    private ScratchRowsFx() {
    }

    /**
     * ADBench's GMM without the prior: per component the centred point {@code xc}, its product
     * {@code lxc} with the triangular factor (the int walk {@code l} over its strictly lower
     * part), log-sum-exp over the components, per point.
     */
    @Differentiable(wrt = {"alphas", "means", "icf"})
    static double gmm(double[] alphas, double[][] means, double[][] icf, double[][] x) {
        int k = alphas.length;
        int d = means[0].length;
        double[] xc = new double[d];
        double[] lxc = new double[d];
        double[] mainTerm = new double[k];
        double slse = 0;
        for (int p = 0; p < x.length; p++) {
            for (int c = 0; c < k; c++) {
                double[] mu = means[c];
                double[] q = icf[c];
                for (int i = 0; i < d; i++) {
                    xc[i] = x[p][i] - mu[i];
                }
                for (int i = 0; i < d; i++) {
                    lxc[i] = Math.exp(q[i]) * xc[i];
                }
                int l = d;
                for (int i = 0; i < d; i++) {
                    for (int j = i + 1; j < d; j++) {
                        lxc[j] += q[l] * xc[i];
                        l++;
                    }
                }
                double sq = 0;
                double sumQ = 0;
                for (int i = 0; i < d; i++) {
                    sq += lxc[i] * lxc[i];
                    sumQ += q[i];
                }
                mainTerm[c] = alphas[c] + sumQ - 0.5 * sq;
            }
            slse += logSumExp(mainTerm);
        }
        return slse - x.length * logSumExp(alphas);
    }

    /** {@link #gmm} through a non-linear result: the loop over points does not fuse. */
    @Differentiable(wrt = {"alphas", "means", "icf"})
    static double gmmNotFused(double[] alphas, double[][] means, double[][] icf, double[][] x) {
        int k = alphas.length;
        int d = means[0].length;
        double[] xc = new double[d];
        double[] lxc = new double[d];
        double[] mainTerm = new double[k];
        double slse = 0;
        for (int p = 0; p < x.length; p++) {
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < d; i++) {
                    xc[i] = x[p][i] - means[c][i];
                }
                for (int i = 0; i < d; i++) {
                    lxc[i] = Math.exp(icf[c][i]) * xc[i];
                }
                int l = d;
                for (int i = 0; i < d; i++) {
                    for (int j = i + 1; j < d; j++) {
                        lxc[j] += icf[c][l] * xc[i];
                        l++;
                    }
                }
                double sq = 0;
                for (int i = 0; i < d; i++) {
                    sq += lxc[i] * lxc[i];
                }
                mainTerm[c] = alphas[c] - 0.5 * sq;
            }
            slse += logSumExp(mainTerm);
        }
        return Math.log(1 + slse * slse);
    }

    /**
     * A growing number of components per point (0, 1, 2, ...: no trips, then more trips than
     * any entry before) and a scratch array allocated per point whose length changes (its
     * reference is recorded, so it keeps its whole-array records; the inner loops' recorded trip
     * counts get int rows, grown per point).
     */
    @Differentiable(wrt = "w")
    static double varyingTrips(double[][] x, double[][] w) {
        double s = 0;
        for (int p = 0; p < x.length; p++) {
            double[] xc = new double[1 + p % 2];
            for (int c = 0; c < p; c++) {
                for (int i = 0; i < xc.length; i++) {
                    xc[i] = x[p][i] * w[c][i];
                }
                double sq = 0;
                for (int i = 0; i < xc.length; i++) {
                    sq += Math.sin(xc[i]) * xc[i];
                }
                s += sq * sq;
            }
        }
        return s;
    }

    /** A growing number of components per point, rows of one scratch array grown per point. */
    @Differentiable(wrt = "w")
    static double growingTrips(double[][] x, double[][] w) {
        int d = w[0].length;
        double[] xc = new double[d];
        double s = 0;
        for (int p = 0; p < x.length; p++) {
            for (int c = 0; c < p; c++) {
                for (int i = 0; i < d; i++) {
                    xc[i] = x[p][i] * w[c][i];
                }
                double sq = 0;
                for (int i = 0; i < d; i++) {
                    sq += Math.sin(xc[i]) * xc[i];
                }
                s += sq * sq;
            }
        }
        return s;
    }

    /**
     * The scratch array written a second time in the component's iteration, from its own
     * values (element records inside the row), and read in the reverse after that write.
     */
    @Differentiable(wrt = "w")
    static double rewrittenInTheIteration(double[][] x, double[][] w) {
        int d = w[0].length;
        double[] xc = new double[d];
        double s = 0;
        for (int p = 0; p < x.length; p++) {
            for (int c = 0; c < w.length; c++) {
                for (int i = 0; i < d; i++) {
                    xc[i] = x[p][i] - w[c][i];
                }
                double a = 0;
                for (int i = 0; i < d; i++) {
                    a += xc[i] * xc[i];
                }
                for (int i = 0; i < d; i++) {
                    xc[i] = Math.sin(xc[i]) * a;
                }
                for (int i = 0; i < d; i++) {
                    s += xc[i] * xc[i] * w[c][i];
                }
            }
        }
        return s;
    }

    /** The overwriting loop one level deeper (inside a loop over repeats): no rows there. */
    @Differentiable(wrt = "w")
    static double nested(double[][] x, double[][] w) {
        int d = w[0].length;
        double[] xc = new double[d];
        double s = 0;
        for (int p = 0; p < x.length; p++) {
            for (int c = 0; c < w.length; c++) {
                for (int r = 0; r < 2; r++) {
                    for (int i = 0; i < d; i++) {
                        xc[i] = x[p][i] * w[c][i] + r;
                    }
                    for (int i = 0; i < d; i++) {
                        s += Math.cos(xc[i]) * xc[i];
                    }
                }
            }
        }
        return s;
    }

    @Differentiable
    static double logSumExp(double[] v) {
        double mx = v[0];
        for (int i = 1; i < v.length; i++) {
            if (v[i] > mx) {
                mx = v[i];
            }
        }
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += Math.exp(v[i] - mx);
        }
        return Math.log(s) + mx;
    }
}
