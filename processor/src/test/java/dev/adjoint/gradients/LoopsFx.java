package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

final class LoopsFx {
    static final int STEPS = 4;

    private LoopsFx() {
    }

    /** s = sum_{i<n} (s*a + i) : plain int counter. */
    @Differentiable
    static double forInt(double a, int n) {
        double s = 1.0;
        for (int i = 0; i < n; i++) {
            s = s * a + i;
        }
        return s;
    }

    @Differentiable
    static double forLong(double a, long n) {
        double s = 0.0;
        for (long i = 0; i < n; i++) {
            s += i * a * a;
        }
        return s;
    }

    @Differentiable
    static double forStepTwo(double a, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i += 2) {
            s += Math.sin(i * a);
        }
        return s;
    }

    @Differentiable
    static double countDown(double a, int n) {
        double s = a;
        for (int i = n; i > 0; i--) {
            s = s * a / i + 1.0;
        }
        return s;
    }

    @Differentiable
    static double whileLoop(double a, int n) {
        double s = 0.0;
        int i = 0;
        while (i < n) {
            s = s + a * i;
            s = s * 0.5;
            i++;
        }
        return s;
    }

    @Differentiable
    static double doWhile(double a, int n) {
        double s = a;
        int i = 0;
        do {
            s = s * a;
            i++;
        } while (i < n);
        return s;
    }

    @Differentiable
    static double whileTrueBreak(double a) {
        double s = a;
        int i = 0;
        while (true) {
            s = s * 1.1 + a;
            i++;
            if (i >= 5) {
                break;
            }
        }
        return s;
    }

    /** continue skips odd i; break stops at 7. */
    @Differentiable
    static double breakContinue(double a, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            if (i % 2 == 1) {
                continue;
            }
            if (i >= 7) {
                break;
            }
            s += a * i;
            s *= a;
        }
        return s;
    }

    /** labelled break and continue across nested loops. */
    @Differentiable
    static double labelled(double a, int n) {
        double s = 0.0;
        outer:
        for (int i = 0; i < n; i++) {
            inner:
            for (int j = 0; j < n; j++) {
                if (j > i) {
                    continue outer;
                }
                if (i + j == 5) {
                    break outer;
                }
                if (j == 2) {
                    continue inner;
                }
                s = s * 0.9 + a * (i + j);
            }
        }
        return s;
    }

    /** data-dependent break: stop as soon as s exceeds a threshold. */
    @Differentiable
    static double dataDependentBreak(double a) {
        double s = a;
        for (int i = 0; i < 100; i++) {
            s = s * 1.3;
            if (s > 10) {
                break;
            }
        }
        return s;
    }

    @Differentiable
    static double returnInsideLoop(double a, int n) {
        double s = a;
        for (int i = 0; i < n; i++) {
            s = s * a;
            if (s > 20) {
                return s + i;
            }
        }
        return -s;
    }

    @Differentiable
    static double returnInsideWhile(double a) {
        double s = a;
        int i = 0;
        while (i < 1000) {
            s = s + s * a;
            if (s > 50) {
                return s * a;
            }
            i++;
        }
        return 0.0;
    }

    @Differentiable
    static double nestedLoops(double a, double b, int n, int m) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double row = b;
            for (int j = 0; j < m; j++) {
                row = row * a + j;
            }
            s += row * i;
        }
        return s;
    }

    /** triangular nested loop: inner bound depends on outer counter. */
    @Differentiable
    static double triangular(double a, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                s += a * Math.cos(a * j) / (i + 1);
            }
        }
        return s;
    }

    @Differentiable
    static double loopsInBranches(double a, double b) {
        double s = a;
        if (a > b) {
            for (int i = 0; i < 3; i++) {
                s = s * b;
            }
        } else {
            int i = 0;
            while (i < 4) {
                s = s + a * b;
                i++;
            }
        }
        return s;
    }

    @Differentiable
    static double branchesInLoop(double a, double b) {
        double s = a;
        for (int i = 0; i < 6; i++) {
            if (s > 2) {
                s = s / b;
            } else if (s < -2) {
                s = -s * a;
            } else {
                s = s * b + a;
            }
        }
        return s;
    }

    @Differentiable
    static double switchInLoop(double a, int n) {
        double s = a;
        for (int i = 0; i < n; i++) {
            switch (i % 3) {
                case 0 -> s = s * a;
                case 1 -> s = s + Math.sin(a);
                default -> s = s / (1 + a * a);
            }
            double t = switch (i % 2) {
                case 0 -> s * 0.5;
                default -> s + a;
            };
            s = t;
        }
        return s;
    }

    /** bounds from a param, a static final, and a local. */
    @Differentiable
    static double bounds(double a, int n) {
        double s = 0.0;
        int m = n * 2;
        for (int i = 0; i < n; i++) {
            s += a;
        }
        for (int i = 0; i < STEPS; i++) {
            s *= a;
        }
        for (int i = 0; i < m; i++) {
            s += i * a;
        }
        return s;
    }

    /** data-dependent trip count. */
    @Differentiable
    static double halveUntilSmall(double a) {
        while (Math.abs(a) > 0.1) {
            a *= 0.5;
        }
        return a;
    }

    /** a counter in arithmetic. */
    @Differentiable
    static double counterArithmetic(double a, int n) {
        double s = 0.0;
        for (int i = 1; i <= n; i++) {
            s += i * a;
            s += a / i;
            s += (double) i * i * a * a;
        }
        return s;
    }

    /** values overwritten inside the loop (needs the old value in reverse). */
    @Differentiable
    static double overwritten(double a, double b, int n) {
        double x = a;
        double y = b;
        for (int i = 0; i < n; i++) {
            double t = x;
            x = Math.sin(y) * x + 0.1;
            y = t * y;
            a = a * x;
        }
        return x + y + a;
    }

    /** a = a*a, n times: a^(2^n). */
    @Differentiable
    static double iteratedSquare(double a, int n) {
        for (int i = 0; i < n; i++) {
            a = a * a;
        }
        return a;
    }

    /** Newton's iteration for sqrt(x), 30 steps. */
    @Differentiable
    static double newtonSqrt(double x) {
        double r = x > 1 ? x : 1.0;
        for (int i = 0; i < 30; i++) {
            r = 0.5 * (r + x / r);
        }
        return r;
    }

    /** differentiable call inside a loop. */
    @Differentiable
    static double callsInLoop(double a, double b, int n) {
        double s = b;
        for (int i = 0; i < n; i++) {
            s = CallsFx.inner(s, a) * 0.5 + CallsFx.h(a * 0.1) + Helpers.cube(s) * 0.01;
        }
        return s;
    }

    /** one million iterations. */
    @Differentiable
    static double million(double a) {
        double s = 0.0;
        for (int i = 0; i < 1_000_000; i++) {
            s = s * 0.999999 + a * 1e-6;
        }
        return s;
    }

    /** one million iterations, product form (every iteration's value needed in reverse). */
    @Differentiable
    static double millionProduct(double a) {
        double s = 1.0;
        for (int i = 0; i < 1_000_000; i++) {
            s = s * (1.0 + a * 1e-6);
        }
        return s;
    }

    /** loop whose body never runs. */
    @Differentiable
    static double zeroTrips(double a, int n) {
        double s = a * a;
        for (int i = 0; i < n; i++) {
            s = 0.0;
        }
        while (n < 0) {
            s = s * 2;
            n++;
        }
        return s;
    }

    /** for with multiple init/update expressions and no condition-body separation. */
    @Differentiable
    static double multiVarFor(double a, int n) {
        double s = 0.0;
        for (int i = 0, j = n; i < j; i++, j--) {
            s += a * (j - i);
        }
        return s;
    }

    /** loop-carried accumulator reset inside branch in loop. */
    @Differentiable
    static double resetInLoop(double a, int n) {
        double acc = 0.0;
        double best = 0.0;
        for (int i = 0; i < n; i++) {
            acc += a * i;
            if (i % 3 == 2) {
                best = best + acc * acc;
                acc = 0.0;
            }
        }
        return best + acc;
    }
}
