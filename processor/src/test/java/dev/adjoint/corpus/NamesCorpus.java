package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

@SuppressWarnings("lossy-conversions") // k += a * 10 is the case under test (JDK 21+ lint)
final class NamesCorpus {
    static final double SCALE = 2.0;
    static double offset = 0.5;

    /** N1: parameter shadowing a static final constant of the same class. */
    @Differentiable
    static double shadowConst(double SCALE, double x) {
        return SCALE * x * x;
    }

    /** N2: local shadowing the constant in an inner block, constant used outside. */
    @Differentiable
    static double shadowConstLocal(double x) {
        double r = SCALE * x;
        {
            double SCALE = x * x;
            r += SCALE;
        }
        return r + NamesCorpus.SCALE * x;
    }

    /** N3: generated-sounding names. */
    @Differentiable
    static double generatedNames(double tape, double seed, double adjoints, double xAdj, double x) {
        double valueAdj = tape * seed;
        double tapeAdj = adjoints * xAdj;
        double result = valueAdj + tapeAdj * x;
        for (int i = 0; i < 3; i++) {
            result = result * x + tape;
        }
        return result;
    }

    /** N4: own helper named like Math functions, called unqualified. */
    static double sin(double x) {
        return x * x;
    }

    static double exp(double x) {
        return 3 * x;
    }

    @Differentiable
    static double ownSin(double x) {
        return sin(x) + exp(x) + Math.sin(x);
    }

    /** N5: integer subexpressions inside active expressions. */
    @Differentiable
    static double intArith(double a, int n) {
        int k = 0;
        k += a * 10;
        double r = a * (n / 2) + a / (n / 3 + 1) + (k / 4) * a + 'c' * a;
        r += (long) a * a;
        r += Math.max(n, 1) * a + Math.abs(n - 7) * a + Math.round(a) * a;
        return r;
    }

    /** N6: a static non-final field read (inactive). */
    @Differentiable
    static double readsField(double x) {
        return x * offset;
    }

    /** N7: unicode and $ identifiers. */
    @Differentiable
    static double unicode(double σ, double μ) {
        double α = σ * μ;
        return α * α;
    }

    /** N8: parameter named like loop counters and the method. */
    @Differentiable
    static double i(double i, double n, double k) {
        double i2 = 0;
        for (int j = 0; j < 3; j++) {
            i2 += i * n + k * j;
        }
        return i2;
    }

    /** N9: varargs. */
    @Differentiable
    static double sumSq(double... xs) {
        double s = 0;
        for (double v : xs) {
            s += v * v;
        }
        return s;
    }
}
