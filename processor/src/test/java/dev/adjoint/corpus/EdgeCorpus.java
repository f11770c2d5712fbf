package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

/** Constructs at the edge of what users write. */
final class EdgeCorpus {
    private EdgeCorpus() {
    }

    static final double[] WEIGHTS = {0.5, -1.25, 2.0, 0.75};
    static final int[] ORDER = {2, 0, 3, 1};
    static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    /** E1. A variable reused across iterations, assigned only on some of them. */
    @Differentiable
    static double reusedAcrossIterations(double[] x, double a) {
        double last = a;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                last = x[i] * last;
            }
            s += last * last;
        }
        return s;
    }

    /** E2. Locals of the same name in sibling scopes, with different types. */
    @Differentiable
    static double siblingShadows(double a, double b) {
        double r = 0;
        {
            double t = a * b;
            r += Math.sin(t);
        }
        {
            int t = 3;
            r += t * a;
        }
        for (int i = 0; i < 2; i++) {
            double t = r * b;
            r = t + i;
        }
        for (int i = 0; i < 2; i++) {
            double t = a;
            r += t * i;
        }
        if (a > 0) {
            double u = a * a;
            r += u;
        } else {
            double u = b * b;
            r -= u;
        }
        return r;
    }

    /** E3. Compound assignments on array elements, including self-referencing ones. */
    @Differentiable
    static double compoundElements(double[] x) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] *= v[i];
            v[i] += x[i] * v[i];
            v[i] -= 0.5 * v[(i + 1) % v.length];
            v[i] /= 1 + v[i] * v[i];
        }
        double s = 0;
        for (double e : v) {
            s += e;
        }
        return s;
    }

    /** E4. Scatter-add through an int index array with repeated indices. */
    @Differentiable
    static double scatterAdd(double[] x, int[] idx) {
        double[] bins = new double[3];
        for (int i = 0; i < x.length; i++) {
            bins[idx[i]] += x[i] * x[i];
            bins[idx[i]] *= 1.1;
        }
        return bins[0] * bins[1] + Math.exp(bins[2]);
    }

    /** E5. Gather through a static final index table and a static final weight table. */
    @Differentiable
    static double gatherTable(double[] x) {
        double s = 0;
        for (int i = 0; i < ORDER.length; i++) {
            s += WEIGHTS[i] * x[ORDER[i]] * x[i];
        }
        return s / SQRT_2PI;
    }

    /** E6. Parameters overwritten in place (scalar params reassigned, loop on them). */
    @Differentiable
    static double overwriteParams(double a, double b, int n) {
        for (int i = 0; i < n; i++) {
            double t = a;
            a = a * b + Math.sin(b);
            b = t - 0.1 * b * b;
        }
        a += b;
        b *= a;
        return a * b;
    }

    /** E7. Input array copied into a local, the copy overwritten in place many times. */
    @Differentiable
    static double copyThenOverwrite(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        for (int sweep = 0; sweep < 3; sweep++) {
            for (int i = 1; i < y.length; i++) {
                y[i] = y[i - 1] * y[i] + Math.cos(y[i]);
            }
            y[0] = y[y.length - 1] * 0.5;
        }
        return y[y.length - 1] + y[0];
    }

    /** E8. Overloaded helpers with different arity. */
    static double blend(double a, double b) {
        return a * b + a;
    }

    static double blend(double a, double b, double t) {
        return (1 - t) * blend(a, b) + t * blend(b, a);
    }

    static double blend(double[] a) {
        double s = 0;
        for (double v : a) {
            s = blend(s, v) + v;
        }
        return s;
    }

    @Differentiable
    static double overloads(double a, double b, double t, double[] z) {
        return blend(a, b) + blend(a, b, t) * blend(z);
    }

    /** E9. Two @Differentiable overloads. */
    @Differentiable
    static double energy(double x) {
        return x * x * x;
    }

    @Differentiable
    static double energy(double x, double y) {
        return energy(x) * y + energy(y);
    }

    /** E10. A long expression. */
    @Differentiable
    static double longExpression(double a, double b, double c, double d) {
        return a * b - c / d + Math.sin(a * c) * Math.exp(-b * b) + Math.log(1 + a * a) * Math.cos(d)
                - Math.sqrt(1 + b * b + c * c) / (1 + d * d) + Math.atan2(a, b) * Math.tanh(c - d)
                + Math.pow(1 + a * a, 0.3) * Math.hypot(c, d) - Math.cbrt(a * b * c + 5) + Math.expm1(0.1 * d)
                + Math.log1p(b * b) * Math.sinh(0.2 * a) - Math.cosh(0.3 * c) / Math.exp(d) + a % 0.7 + (a + b) * (c - d) * (a - c) * (b + d);
    }

    /** E11. Swap of two scalars through a temporary inside a loop (Fibonacci-like recurrence). */
    @Differentiable
    static double swapRecurrence(double a, double b, int n) {
        double p = a;
        double q = b;
        for (int i = 0; i < n; i++) {
            double tmp = p;
            p = q;
            q = tmp + 0.5 * q * Math.sin(p);
        }
        return q;
    }

    /** E12. Declarations without initializer, assigned on every branch, inside a loop. */
    @Differentiable
    static double declaredThenAssigned(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double v;
            int k;
            if (x[i] > 0) {
                v = Math.log(1 + x[i]);
                k = 1;
            } else {
                v = x[i] * x[i];
                k = 2;
            }
            s += v * k;
        }
        return s;
    }

    /** E13. var, several declarators, ++ and -- on doubles, multiple declarators referring back. */
    @Differentiable
    static double varsAndIncrements(double a) {
        var x = a * 2;
        double y = x + 1, z = y * x;
        x++;
        z--;
        y += x * z;
        ++y;
        return x * y * z;
    }

    /** E14. Same array passed twice to a helper. */
    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    @Differentiable
    static double sameArrayTwice(double[] x, double[] y) {
        return dot(x, x) + 3 * dot(x, y) + dot(y, y) * dot(x, x);
    }

    /** E15. A row of a local 2-D array passed to a helper, rows aliased by name. */
    @Differentiable
    static double rowsToHelper(double[][] w, double[] x) {
        double[][] h = new double[w.length][x.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < x.length; j++) {
                h[i][j] = w[i][j] * x[j];
            }
        }
        double s = 0;
        for (int i = 0; i < h.length; i++) {
            double[] row = h[i];
            s += dot(row, x) + dot(w[i], row);
        }
        return s;
    }

    /** E16. A loop bound computed from an active value by a cast. */
    @Differentiable
    static double castBound(double a, double b) {
        int n = (int) Math.floor(Math.abs(a) * 3);
        double s = b;
        for (int i = 0; i < n; i++) {
            s = s * a + i;
        }
        return s + (long) (b * 10) * a;
    }

    /** E17. A loop whose body has break inside a switch and continue inside a switch. */
    @Differentiable
    static double switchInLoop(double[] x, int[] ops) {
        double acc = 1;
        for (int i = 0; i < ops.length; i++) {
            switch (ops[i]) {
                case 0:
                    acc *= x[i % x.length];
                    break;
                case 1:
                    acc += Math.sin(x[i % x.length]);
                    break;
                case 2:
                    continue;
                default:
                    acc = Math.sqrt(acc * acc + 1);
                    break;
            }
            acc *= 0.9;
        }
        return acc;
    }

    /** E18. Return from inside a nested loop (search with early exit). */
    @Differentiable
    static double firstAbove(double[][] m, double t) {
        for (int i = 0; i < m.length; i++) {
            double run = 0;
            for (int j = 0; j < m[i].length; j++) {
                run += m[i][j] * t;
                if (run > 1.0) {
                    return run * m[i][j] + i;
                }
            }
        }
        return -t * t;
    }

    /** E19. Enhanced for over rows and elements of a 2-D parameter, nested. */
    @Differentiable
    static double frobeniusLike(double[][] m, double p) {
        double s = 0;
        for (double[] row : m) {
            double r = 0;
            for (double e : row) {
                r += Math.pow(Math.abs(e) + 0.1, p);
            }
            s += Math.sqrt(r);
        }
        return s;
    }

    /** E20. A helper that reassigns its own parameters and has early returns inside a loop. */
    static double clampedSteps(double x, double step, int maxSteps) {
        for (int i = 0; i < maxSteps; i++) {
            x -= step * Math.sin(x);
            if (Math.abs(x) < 0.2) {
                return x * 2;
            }
            step *= 0.9;
        }
        return x;
    }

    @Differentiable
    static double helperEarlyReturn(double x, double step) {
        return clampedSteps(x, step, 20) + clampedSteps(x * 0.5, step, 3);
    }
}
