package dev.adjoint.corpus;

import static java.lang.Math.exp;
import static java.lang.Math.log;
import static java.lang.Math.sin;

import dev.adjoint.Checkpointed;
import dev.adjoint.Differentiable;

/** Calls between differentiable methods and helpers. */
final class CallsCorpus {
    private CallsCorpus() {
    }

    /** C3. Statically imported Math functions. */
    @Differentiable
    static double staticImports(double x, double y) {
        return sin(x * y) + exp(-x) * log(1 + y * y);
    }

    /** C4. A nested class's static helper and a nested class's differentiable method. */
    static final class Inner {
        private Inner() {
        }

        static double sq(double v) {
            return v * v;
        }

        @Differentiable
        static double innerCost(double v, double w) {
            return sq(v - w) + Math.cos(v);
        }
    }

    @Differentiable
    static double callsInner(double x, double y) {
        return Inner.sq(x + y) + Inner.innerCost(x, y * 2);
    }

    /** C5. Mutual recursion (even/odd series) with an int argument. */
    static double even(double x, int n) {
        return n == 0 ? 1 : 1 + x * odd(x, n - 1);
    }

    static double odd(double x, int n) {
        return n == 0 ? x : x * x * even(x, n - 1) / (n + 1);
    }

    @Differentiable
    static double mutual(double x) {
        return even(x, 6) + odd(x, 3);
    }

    /** C6. A layer helper returning double[] chained twice, result reduced by another helper. */
    static double[] dense(double[][] w, double[] b, double[] x) {
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double s = b[i];
            for (int j = 0; j < x.length; j++) {
                s += w[i][j] * x[j];
            }
            out[i] = Math.tanh(s);
        }
        return out;
    }

    static double sumSq(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s;
    }

    @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
    static double twoDense(double[] x, double[][] w1, double[] b1, double[][] w2, double[] b2) {
        double[] h = dense(w1, b1, x);
        double[] o = dense(w2, b2, h);
        return sumSq(o);
    }

    /** C7. Helper calls nested inside each other's arguments, a helper called in a loop condition. */
    static double soft(double v) {
        return Math.log1p(Math.exp(v));
    }

    @Differentiable
    static double nestedCalls(double x, double y) {
        double r = soft(soft(x) * soft(y)) + soft(x * soft(y - soft(x)));
        int n = 0;
        while (soft(r) < 5 && n < 50) {
            r = r * 1.3 + soft(y) * 0.1;
            n++;
        }
        return r;
    }

    /** C8. A checkpointed recurrence with a branch and a helper call inside. */
    @Differentiable
    @Checkpointed(every = 7)
    static double checkpointed(double a, double b, int n) {
        double x = a;
        double y = b;
        for (int i = 0; i < n; i++) {
            double nx = x + 0.01 * soft(y - x);
            if (nx > 1) {
                y = y - 0.01 * Math.sin(nx);
            } else {
                y = y + 0.01 * nx * nx;
            }
            x = nx;
        }
        return x * y;
    }

    /** C9. A @Differentiable method with an int parameter, called with a cast active value. */
    @Differentiable
    static double stepsOf(double x, int steps) {
        double s = x;
        for (int i = 0; i < steps; i++) {
            s = Math.sqrt(s * s + 1);
        }
        return s;
    }

    @Differentiable
    static double callsWithCast(double x, double y) {
        return stepsOf(y, (int) (x * 3)) + stepsOf(x * y, 2);
    }
}
