package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

/** Test functions from optimisation, and linear algebra. */
final class OptimCorpus {
    private OptimCorpus() {
    }

    /** 25. Rosenbrock in two variables. */
    @Differentiable
    static double rosenbrock(double x, double y) {
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    }

    /** 26. Extended Rosenbrock (chained). */
    @Differentiable
    static double extendedRosenbrock(double[] x) {
        double f = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double t = x[i + 1] - x[i] * x[i];
            f += 100 * t * t + (1 - x[i]) * (1 - x[i]);
        }
        return f;
    }

    /** 27. Powell singular function over groups of four. */
    @Differentiable
    static double powell(double[] x) {
        double f = 0;
        for (int j = 0; j + 3 < x.length; j += 4) {
            double a = x[j] + 10 * x[j + 1];
            double b = x[j + 2] - x[j + 3];
            double c = x[j + 1] - 2 * x[j + 2];
            double d = x[j] - x[j + 3];
            f += a * a + 5 * b * b + c * c * c * c + 10 * d * d * d * d;
        }
        return f;
    }

    /** 28. Wood function, written with Math.pow and a long expression. */
    @Differentiable
    static double wood(double x1, double x2, double x3, double x4) {
        return 100 * Math.pow(x1 * x1 - x2, 2) + Math.pow(x1 - 1, 2) + Math.pow(x3 - 1, 2)
                + 90 * Math.pow(x3 * x3 - x4, 2) + 10.1 * (Math.pow(x2 - 1, 2) + Math.pow(x4 - 1, 2))
                + 19.8 * (x2 - 1) * (x4 - 1);
    }

    /** 29. Determinant by Laplace expansion (recursion on minors, local array per call). */
    static double detLaplace(double[][] m) {
        int n = m.length;
        if (n == 1) {
            return m[0][0];
        }
        if (n == 2) {
            return m[0][0] * m[1][1] - m[0][1] * m[1][0];
        }
        double det = 0;
        double[][] minor = new double[n - 1][n - 1];
        for (int col = 0; col < n; col++) {
            for (int i = 1; i < n; i++) {
                int mc = 0;
                for (int j = 0; j < n; j++) {
                    if (j == col) {
                        continue;
                    }
                    minor[i - 1][mc] = m[i][j];
                    mc++;
                }
            }
            double sign = col % 2 == 0 ? 1 : -1;
            det += sign * m[0][col] * detLaplace(minor);
        }
        return det;
    }

    @Differentiable
    static double logAbsDetLaplace(double[][] a) {
        return Math.log(Math.abs(detLaplace(a)));
    }

    /** 30. Determinant by LU with partial pivoting (row swaps by element copy, int pivot array). */
    @Differentiable
    static double detLu(double[][] a) {
        int n = a.length;
        double[][] lu = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                lu[i][j] = a[i][j];
            }
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double det = 1;
        for (int k = 0; k < n; k++) {
            int p = k;
            double best = Math.abs(lu[k][k]);
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(lu[i][k]) > best) {
                    best = Math.abs(lu[i][k]);
                    p = i;
                }
            }
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    double tmp = lu[k][j];
                    lu[k][j] = lu[p][j];
                    lu[p][j] = tmp;
                }
                int tp = perm[k];
                perm[k] = perm[p];
                perm[p] = tp;
                det = -det;
            }
            det *= lu[k][k];
            for (int i = k + 1; i < n; i++) {
                lu[i][k] /= lu[k][k];
                for (int j = k + 1; j < n; j++) {
                    lu[i][j] -= lu[i][k] * lu[k][j];
                }
            }
        }
        return det;
    }

    /** 31. Horner polynomial evaluation plus its derivative by the same loop (value+slope objective). */
    @Differentiable
    static double hornerWithSlope(double[] c, double x) {
        double p = c[c.length - 1];
        double dp = 0;
        for (int i = c.length - 2; i >= 0; i--) {
            dp = dp * x + p;
            p = p * x + c[i];
        }
        return p + 0.5 * dp;
    }

    /** 32. Natural cubic spline through knots, evaluated at x (tridiagonal solve, interval search). */
    @Differentiable(wrt = {"ys", "x"})
    static double naturalSpline(double[] xs, double[] ys, double x) {
        int n = xs.length;
        double[] h = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            h[i] = xs[i + 1] - xs[i];
        }
        double[] m = new double[n];
        double[] cp = new double[n];
        double[] dp = new double[n];
        for (int i = 1; i < n - 1; i++) {
            double a = h[i - 1];
            double b = 2 * (h[i - 1] + h[i]);
            double c = h[i];
            double d = 6 * ((ys[i + 1] - ys[i]) / h[i] - (ys[i] - ys[i - 1]) / h[i - 1]);
            double denom = b - a * cp[i - 1];
            cp[i] = c / denom;
            dp[i] = (d - a * dp[i - 1]) / denom;
        }
        for (int i = n - 2; i >= 1; i--) {
            m[i] = dp[i] - cp[i] * m[i + 1];
        }
        int k = 0;
        while (k < n - 2 && x > xs[k + 1]) {
            k++;
        }
        double t = (x - xs[k]) / h[k];
        double a = 1 - t;
        return a * ys[k] + t * ys[k + 1]
                + h[k] * h[k] / 6 * ((a * a * a - a) * m[k] + (t * t * t - t) * m[k + 1]);
    }

    /** 33. Gauss-Seidel solve of a small SPD system, objective = x . x (fixed sweep count). */
    @Differentiable
    static double gaussSeidel(double[][] a, double[] b, int sweeps) {
        int n = b.length;
        double[] x = new double[n];
        for (int s = 0; s < sweeps; s++) {
            for (int i = 0; i < n; i++) {
                double sigma = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        sigma += a[i][j] * x[j];
                    }
                }
                x[i] = (b[i] - sigma) / a[i][i];
            }
        }
        double r = 0;
        for (double xi : x) {
            r += xi * xi;
        }
        return r;
    }
}
