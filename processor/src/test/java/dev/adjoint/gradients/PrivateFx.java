package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/** Private helpers, private tables and private methods, as Java is usually written. */
final class PrivateFx {
    private static final double[] WEIGHTS = {0.5, -1.25, 2.0};
    private static final double[][] MIX = {{1, 2}, {3, -4}};

    private PrivateFx() {
    }

    private static double normCdf(double x) {
        return 0.5 * (1 + erf(x / Math.sqrt(2)));
    }

    /** Abramowitz and Stegun 7.1.26. */
    private static double erf(double z) {
        double t = 1 / (1 + 0.3275911 * Math.abs(z));
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
                + t * (-1.453152027 + t * 1.061405429))));
        double r = 1 - poly * Math.exp(-z * z);
        return z >= 0 ? r : -r;
    }

    private static int steps(double t) {
        return (int) Math.ceil(t * 4);
    }

    /** Black–Scholes call with a private normal CDF and a private int helper. */
    @Differentiable
    static double call(double s, double k, double r, double sigma, double t) {
        double d1 = (Math.log(s / k) + (r + 0.5 * sigma * sigma) * t) / (sigma * Math.sqrt(t));
        double d2 = d1 - sigma * Math.sqrt(t);
        int n = steps(t);
        return s * normCdf(d1) - k * Math.exp(-r * t) * normCdf(d2) + 0.0 * n;
    }

    /** A private table of literals, read in a loop, and a private matrix. */
    @Differentiable
    static double weighted(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += WEIGHTS[i] * x[i] * x[i];
        }
        return s + MIX[1][1] * x[0];
    }

    /** A private @Differentiable method: its gradient is generated like any other. */
    @Differentiable
    private static double square(double a) {
        return a * a;
    }

    static double squareFromOutside(double a) {
        return square(a);
    }

    private static final class Inner {
        @Differentiable
        static double cube(double a) {
            return a * a * a + helper(a);
        }

        private static double helper(double a) {
            return Math.sin(a);
        }
    }

    static double cubeFromOutside(double a) {
        return Inner.cube(a);
    }
}
