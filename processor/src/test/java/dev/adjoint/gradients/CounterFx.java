package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/** Loops whose counters do unusual things (stress for counter recomputation in the reverse sweep). */
final class CounterFx {
    private CounterFx() {
    }

    /** counter also modified in the body. */
    @Differentiable
    static double counterBumpedInBody(double a, int n) {
        double s = 1.0;
        for (int i = 0; i < n; i++) {
            s = s * a + i;
            if (i % 3 == 0) {
                i++;
            }
        }
        return s;
    }

    /** bound modified in the body. */
    @Differentiable
    static double boundShrinks(double a, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s = s * a + i;
            n--;
        }
        return s;
    }

    /** bound depends on an active value updated in the loop. */
    @Differentiable
    static double activeBound(double a) {
        double s = a;
        for (int i = 0; i < s; i++) {
            s = s + a * 0.5;
        }
        return s;
    }

    /** counter used after the loop, and a multiplicative counter. */
    @Differentiable
    static double counterAfterLoop(double a) {
        int i = 0;
        double s = a;
        for (; s < 40; i++) {
            s = s * 2;
        }
        return s * i;
    }

    @Differentiable
    static double multiplicativeCounter(double a, int n) {
        double s = a;
        for (int i = 1; i < n; i *= 3) {
            s = s * a + i;
        }
        return s;
    }

    /** long counter with large step and overflow-free bound, and a char counter. */
    @Differentiable
    static double longAndCharCounters(double a) {
        double s = 0.0;
        for (long i = 5_000_000_000L; i < 5_000_000_010L; i += 3) {
            s = s * a + (i - 5_000_000_000L);
        }
        for (char c = 'a'; c < 'e'; c++) {
            s = s + a * (c - 'a');
        }
        return s;
    }

    /** counter reused across two loops (declared outside). */
    @Differentiable
    static double sharedCounter(double a, int n) {
        double s = a;
        int i = 0;
        for (i = 0; i < n; i++) {
            s = s * a;
        }
        for (i = i * 2; i > 0; i -= 3) {
            s = s + a * i;
        }
        return s;
    }
}
