package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

final class LocalsFx {
    private LocalsFx() {
    }

    /** Declarations of every local kind, later reassigned (no-initializer form is finding NoInit). */
    @Differentiable
    static double declNoInit(double w) {
        double a = 0.0;
        int k = 0;
        long big = 0L;
        boolean positive = false;
        a = w * 2.0;
        k = 3;
        big = 4L;
        positive = w > 0;
        if (positive) {
            a += k * w;
        }
        return a * big * w;
    }

    /** Several declarators in one statement, some referring to earlier ones. */
    @Differentiable
    static double multiDecl(double w, double x) {
        double a = w, b = a * x, c = 0.0;
        int i = 2, j = i + 1;
        long m = 5L, n = 0L;
        n = m * j;
        c = a * b;
        return c * i + b * j + n * x;
    }

    /** var with double, int, long and boolean inferred types. */
    @Differentiable
    static double varLocals(double w, double x) {
        var a = w * x;
        var n = 3;
        var big = 5L;
        var flag = a > 0;
        var d = a + n;
        var e = n * w;
        return flag ? d * big + e : d - e;
    }

    /** Reassignment of parameters. */
    @Differentiable
    static double reassignParams(double w, double x) {
        w = w * w;
        x = x + w;
        x = Math.sin(x);
        w = w * x;
        return w + x;
    }

    /** Reassignment of locals, including self-referencing overwrites. */
    @Differentiable
    static double reassignLocals(double w, double x) {
        double a = w * x;
        a = a * a;
        a = a + w;
        double b = a;
        a = x;
        b = b * a;
        return b;
    }

    /** Compound assignments on a double local. */
    @Differentiable
    static double compound(double w, double x) {
        double a = w;
        a += x;
        a -= 2.0 * w;
        a *= x;
        a /= 1.0 + w * w;
        a += a;
        a *= a;
        a -= w;
        a /= x;
        return a;
    }

    /** Compound assignments on parameters. */
    @Differentiable
    static double compoundParams(double w, double x) {
        w *= x;
        w += 1.0;
        w /= x;
        w -= x;
        x *= w;
        return w * x;
    }

    /** Compound assignments on ints and longs mixed into the result. */
    @Differentiable
    static double compoundInts(double w) {
        int n = 3;
        n += 2;
        n *= 2;
        n -= 1;
        n /= 3;
        n %= 2; // 9/3=3, 3%2=1
        long m = 10L;
        m -= n;
        m *= 2;
        return w * n + w * w * m;
    }

    /** int += double: implicit narrowing; the int carries no derivative. */
    @Differentiable
    @SuppressWarnings("lossy-conversions") // on purpose; JDK 20+ lints it
    static double compoundNarrowing(double w) {
        int k = 2;
        k += w * 10.0;   // k = (int)(2 + 10w)
        long m = 1L;
        m *= w;          // m = (long)(w)
        return k * w + m * w;
    }

    /** ++ and -- on double locals and params. */
    @Differentiable
    static double incDec(double w, double x) {
        double a = w * x;
        a++;
        ++a;
        a--;
        w++;
        double b = a * w;
        a++;
        ++a;
        double c = a * x;
        return a + b + c;
    }

    /** Nested blocks. */
    @Differentiable
    static double nestedBlocks(double w, double x) {
        double s = w;
        {
            double t = s * x;
            {
                s = s + t;
                {
                    double u = s * t;
                    s = u - w;
                }
            }
            s *= t;
        }
        return s;
    }

    /** The same name in sibling scopes, with different types. */
    @Differentiable
    static double siblingScopes(double w, double x) {
        double s = w;
        {
            double q = w * x;
            s += q;
        }
        {
            int q = 3;
            s *= q;
        }
        {
            double q = s * s;
            s = q + w;
        }
        if (w > 0) {
            double r = s * x;
            s = r;
        } else {
            long r = 7L;
            s = s * r;
        }
        for (int i = 0; i < 2; i++) {
            double q = s * 0.5;
            s = q + x;
        }
        for (long i = 0; i < 2; i++) {
            boolean q = s > 0;
            s = q ? s * w : s;
        }
        return s;
    }

    /** A name declared in a branch, then again after it with another type. */
    @Differentiable
    static double shadowSequential(double w) {
        double r = 0.0;
        if (w > 1.0) {
            int k = 2;
            r = k * w;
        }
        {
            double k = w * w;
            r += k;
        }
        return r;
    }
}
