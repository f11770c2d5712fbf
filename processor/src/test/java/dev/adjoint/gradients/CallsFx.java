package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

final class CallsFx {
    private CallsFx() {
    }

    @Differentiable
    static double inner(double a, double b) {
        return a * a * b;
    }

    /** Calls another @Differentiable method of this class and of another class. */
    @Differentiable
    static double callsAnnotated(double x, double y) {
        return inner(x, y) + inner(y, x) * 2 + SeedFx.square(x * y);
    }

    static double c(double u) {
        return Math.sin(u) * u;
    }

    static double b(double u, double v) {
        return c(u * v) + v;
    }

    static double a(double u, double v) {
        double t = b(u, v);
        return t * b(v, u);
    }

    /** Transitive non-annotated helpers a -> b -> c (private helpers: finding PrivateHelper). */
    @Differentiable
    static double transitive(double x, double y) {
        return a(x, y);
    }

    /** Helper in another (non-annotated) class in the same package. */
    @Differentiable
    static double otherClassHelper(double x, double y) {
        return Helpers.cube(x) + Helpers.scaled(y, 3) + Helpers.cube(Helpers.scaled(x, 2));
    }

    static double rpow(double x, int n) {
        if (n == 0) {
            return 1.0;
        }
        return x * rpow(x, n - 1);
    }

    /** Recursive power. */
    @Differentiable
    static double recursivePower(double x, int n) {
        return rpow(x, n);
    }

    static double expSeries(double x, int n, int k) {
        if (k > n) {
            return 0.0;
        }
        double term = 1.0;
        for (int i = 1; i <= k; i++) {
            term = term * x / i;
        }
        return term + expSeries(x, n, k + 1);
    }

    /** Recursive series: sum_{k=0..n} x^k/k!. */
    @Differentiable
    static double recursiveSeries(double x, int n) {
        return expSeries(x, n, 0);
    }

    static double even(double x, int n) {
        return n == 0 ? x : odd(x * 1.5, n - 1) + x;
    }

    static double odd(double x, int n) {
        return n == 0 ? x * x : even(Math.sin(x), n - 1) * x;
    }

    /** Mutual recursion. */
    @Differentiable
    static double mutualRecursion(double x, int n) {
        return even(x, n);
    }

    /** Recursion on an annotated method itself: sum_{i=1..n} x^i with Horner form. */
    @Differentiable
    static double selfRecursive(double x, int n) {
        if (n == 0) {
            return 0.0;
        }
        return x * (1.0 + selfRecursive(x, n - 1));
    }

    static double h(double u) {
        return u * u + Math.exp(u);
    }

    /** Same helper called twice in one expression, and nested calls f(g(x)). */
    @Differentiable
    static double sameHelperTwice(double x, double y) {
        return h(x) * h(y) + h(x * y) + h(h(x)) + inner(h(x), inner(x, y));
    }

    static double withIntAndFlag(double u, int n, boolean neg) {
        double r = u * n;
        return neg ? -r : r;
    }

    static double reassignsParam(double u) {
        u = u * u;
        u += 1.0;
        return u;
    }

    static double inactiveOnly(int n) {
        return Math.sqrt(n) * 2.0;
    }

    static int floorOf(double u) {
        return (int) Math.floor(u);
    }

    /** Helpers with int/boolean params, a helper reassigning its parameter, inactive-only helper. */
    @Differentiable
    static double helperKinds(double x, double y) {
        double r = reassignsParam(x);
        return r * x + withIntAndFlag(y, 3, true) + withIntAndFlag(x, 2, false) + inactiveOnly(9) * y
                + floorOf(x * 10) * y;
    }

    static double ov(double u) {
        return u * 2.0;
    }

    static double ov(double u, double v) {
        return u * v;
    }

    static double ov(int n) {
        return n + 0.5;
    }

    static double ov(double u, int n) {
        return u * n * n;
    }

    /** Overloaded helpers. */
    @Differentiable
    static double overloads(double x, double y) {
        return ov(x) + ov(x, y) + ov(3) * y + ov(y, 3);
    }

    /** Call whose result is discarded (expression statement). */
    @Differentiable
    static double discardedCall(double x) {
        h(x);
        Math.sin(x);
        return x * 3.0;
    }
}
