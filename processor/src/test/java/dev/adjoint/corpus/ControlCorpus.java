package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

/** Control flow as users write it. */
final class ControlCorpus {
    private ControlCorpus() {
    }

    /** 34. String-switch configured activation and loss. */
    @Differentiable(wrt = {"w", "b"})
    static double configured(String activation, String loss, double x, double y, double w, double b) {
        double z = w * x + b;
        double a = switch (activation) {
            case "tanh" -> Math.tanh(z);
            case "sigmoid" -> 1 / (1 + Math.exp(-z));
            case "softsign" -> {
                double d = 1 + Math.abs(z);
                yield z / d;
            }
            default -> z;
        };
        double l;
        switch (loss) {
            case "l2":
                l = (a - y) * (a - y);
                break;
            case "l1":
                l = Math.abs(a - y);
                break;
            case "logcosh":
                l = Math.log(Math.cosh(a - y));
                break;
            default:
                throw new IllegalArgumentException(loss);
        }
        return l;
    }

    /** 35. Early returns and a NaN guard with throw. */
    @Differentiable
    static double guarded(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            throw new IllegalArgumentException("NaN input: " + x + ", " + y);
        }
        if (x < -5) {
            return x * y;
        }
        double r = Math.sqrt(x * x + y * y);
        if (r > 10) {
            return r;
        }
        if (r < 1e-12) {
            return 0;
        }
        double s = Math.sin(r) / r;
        if (s < 0) {
            return -s * x;
        }
        return s * y + x;
    }

    /** 36. Recursion: power by squaring with an int exponent, and a recursive sum over an array. */
    static double powi(double b, int e) {
        if (e == 0) {
            return 1;
        }
        if (e % 2 == 1) {
            return b * powi(b, e - 1);
        }
        double half = powi(b, e / 2);
        return half * half;
    }

    static double sumFrom(double[] x, int i) {
        if (i >= x.length) {
            return 0;
        }
        return x[i] * x[i] + sumFrom(x, i + 1);
    }

    @Differentiable
    static double recursive(double a, double[] x) {
        return powi(a, 7) + powi(a, 4) * sumFrom(x, 0);
    }

    /** 37. Ternaries, nested, with active values on every side. */
    @Differentiable
    static double ternaries(double a, double b, double c) {
        double m = a > b ? (a > c ? a * b : c * a) : (b > c ? b * b : Math.exp(c));
        double n = m > 1 ? Math.log(m) : m < -1 ? -Math.log(-m) : m;
        return n + (a < 0 ? -a : a) * (c >= 0 ? c : 2 * c);
    }

    /** 38. While loop with a data-dependent trip count (bisection on a smooth function). */
    @Differentiable
    static double bisectionScaled(double a, double b) {
        double lo = 0;
        double hi = 10;
        int iters = 0;
        while (hi - lo > 1e-3 && iters < 100) {
            double mid = 0.5 * (lo + hi);
            if (mid * mid * a > b) {
                hi = mid;
            } else {
                lo = mid;
            }
            iters++;
        }
        // the root is piecewise constant in a and b; the objective uses it only through a smooth term
        return a * b + iters * 0.0 + Math.sin(a * lo) * 1e-9;
    }

    /** 39. Growth until a threshold: trip count depends on the input and the state carries over. */
    @Differentiable(wrt = {"rate", "start"})
    static double growUntil(double rate, double start, double limit) {
        double x = start;
        double penalty = 0;
        int n = 0;
        while (x < limit) {
            x = x * (1 + rate) + 0.01 * x * x;
            penalty += 0.1 * x;
            n++;
        }
        return x + penalty + n;
    }

    /** 40. Nested loops with labelled break/continue and an int index computation. */
    @Differentiable(wrt = {"w", "x"})
    static double nestedBreakContinue(double[][] w, double[] x, double cut) {
        double acc = 0;
        outer:
        for (int i = 0; i < w.length; i++) {
            double rowSum = 0;
            for (int j = 0; j < w[i].length; j++) {
                int k = (i + 2 * j) % x.length;
                if (w[i][j] < -0.8) {
                    continue outer;
                }
                if (w[i][j] > 0.9) {
                    break;
                }
                rowSum += w[i][j] * x[k];
                if (rowSum > cut) {
                    break outer;
                }
            }
            acc += Math.tanh(rowSum);
        }
        return acc;
    }

    /** 41. Kinks: Math.max/min/abs combinations (checked away from ties). */
    @Differentiable
    static double kinks(double a, double b, double c) {
        double hinge = Math.max(0, 1 - a * b);
        double clipped = Math.min(Math.max(c, -1), 1);
        double tv = Math.abs(a - b) + Math.abs(b - c);
        return hinge + clipped * clipped + 0.5 * tv + Math.max(a, Math.max(b, c));
    }

    /** 42. Physics: particle in a box with wall collisions, friction, and a do-while settle loop. */
    @Differentiable(wrt = {"x0", "v0", "friction"})
    static double particleInBox(double x0, double v0, double friction, double width) {
        double x = x0;
        double v = v0;
        double t = 0;
        int hits = 0;
        do {
            x += v * 0.01;
            if (x > width) {
                x = 2 * width - x;
                v = -v;
                hits++;
            } else if (x < 0) {
                x = -x;
                v = -v;
                hits++;
            }
            v *= 1 - friction;
            t += 0.01;
        } while (Math.abs(v) > 0.05 && t < 20);
        return x + 0.1 * hits + t * 0.0;
    }

    /** 43. Do-while with continue and an int counter changed in the body. */
    @Differentiable
    static double doWhileContinue(double a, int n) {
        double s = 0;
        int i = 0;
        do {
            i++;
            if (i % 3 == 0) {
                s *= 0.5;
                continue;
            }
            s += Math.sin(a * i);
        } while (i < n);
        return s;
    }
}
