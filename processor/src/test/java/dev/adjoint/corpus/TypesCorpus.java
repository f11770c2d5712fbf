package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

/** Mixed int/long/char/boolean arithmetic around active values. */
final class TypesCorpus {
    private TypesCorpus() {
    }

    static double rate = 0.25;

    /** T1. Promotions in ternaries and compound assignments. */
    @Differentiable
    static double promotions(double a, int n, boolean flag) {
        double r = flag ? n : a;
        r += n > 2 ? a * n : 1;
        int k = n;
        k *= 3;
        k >>= 1;
        long big = 1L << (n % 5);
        r += big * a + (k & 1) * a * a + (n ^ 2) * a;
        r *= +a;
        r = -r + Math.sqrt(n) * a;
        r += Math.floorMod(n - 7, 3) * a + Integer.signum(n - 2) * a;
        r /= Double.compare(a, 0.5) > 0 ? 2 : 3;
        return r + rate * a + Math.E * a + Double.MIN_NORMAL * a;
    }

    /** T2. Active values feeding int computations that are then used (derivative must be 0 there). */
    @Differentiable
    static double activeToInt(double a, double b) {
        int bucket = (int) (a * 4);
        long steps = Math.round(b * 3);
        char c = (char) ('a' + bucket);
        double r = c * 0.0 + bucket * b + steps * a;
        r += Math.floor(a * b) * a + Math.ceil(b) + Math.rint(a * 3) * b + Math.signum(a - b) * a;
        return r;
    }

    /** T3. Boolean flags derived from active values, carried across loop iterations. */
    @Differentiable
    static double flags(double[] x, double thr) {
        boolean above = false;
        double s = 0;
        int flips = 0;
        for (int i = 0; i < x.length; i++) {
            boolean now = x[i] * thr > 0.1;
            if (now != above) {
                flips++;
                s += x[i] * thr;
            } else {
                s -= 0.5 * x[i];
            }
            above = now;
        }
        return s * (flips + 1);
    }

    /** T4. long counters, a for loop with two variables and an empty update, a for(;;). */
    @Differentiable
    static double oddLoops(double a, int n) {
        double s = 0;
        for (long i = 0, j = n; i < j; i++, j--) {
            s += a * (j - i);
        }
        int m = 0;
        for (; m < n;) {
            s = s * 0.9 + a;
            m += 2;
        }
        for (;;) {
            s = Math.sqrt(1 + s * s);
            m--;
            if (s > 3 || m < 0) {
                break;
            }
        }
        return s;
    }

    /** T5. Math functions on integer arguments next to active ones. */
    @Differentiable
    static double mathOnInts(double a, int n) {
        return Math.pow(n, a) + Math.pow(a, n) + Math.max(n, a) + Math.min(a, n / 2) + Math.hypot(n, a)
                + Math.atan2(n, a) + Math.abs(n - 5) * a;
    }

    /** T6. A boxed parameter read through an instance method, and a boxed helper parameter. */
    static double scaledBoxed(Integer k, double x) {
        return k * x * x;
    }

    @Differentiable
    static double boxed(double x, Number k) {
        return k.doubleValue() * x + scaledBoxed(3, x) + scaledBoxed(k.intValue(), x * x);
    }

    /** T7. String switch expression with a multi-label case and String methods. */
    @Differentiable
    static double stringSwitchMulti(double x, String k) {
        return switch (k) {
            case "a", "b" -> x * x;
            case "c" -> Math.exp(x);
            default -> x + k.length() * x;
        };
    }
}
