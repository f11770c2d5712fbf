package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

/**
 * Corpus programs that once failed (nothing generated, generated code that did not compile, an
 * internal error) and now compile: enum switches, generic and varargs helpers, a '$' in a
 * parameter name, a helper reading a Number.
 */
final class FixedCorpus {
    private FixedCorpus() {
    }

    enum Mode { SQUARE, IDENTITY }

    enum Act { TANH, RELU, ID }

    @Differentiable
    static double enumSwitch(double x, Mode m) {
        switch (m) {
            case SQUARE:
                return x * x;
            default:
                return x;
        }
    }

    @Differentiable
    static double enumSwitchExpression(double x, Act act) {
        double y = switch (act) {
            case TANH -> Math.tanh(x);
            case RELU -> Math.max(0, x);
            case ID -> x;
        };
        return y * x;
    }

    static double act(double x, Mode m) {
        switch (m) {
            case SQUARE:
                return x * x;
            default:
                return x;
        }
    }

    @Differentiable
    static double helperEnumSwitch(double x) {
        return act(x, Mode.SQUARE) + act(x, Mode.IDENTITY);
    }

    static <T extends Number> double scaledByTag(T k, double x) {
        return k.doubleValue() * x;
    }

    static <T extends Number> double squareTagged(T tag, double x) {
        return x * x;
    }

    @Differentiable
    static double genericHelpers(double x) {
        return scaledByTag(3, x) + squareTagged(2, x);
    }

    static double scaled(Number k, double x) {
        return k.doubleValue() * x * x;
    }

    @Differentiable
    static double numberHelper(double x) {
        return scaled(3, x);
    }

    @Differentiable
    static double sumSq(double... xs) {
        double s = 0;
        for (double v : xs) {
            s += v * v;
        }
        return s;
    }

    @Differentiable
    static double varargsDifferentiable(double a, double b) {
        return sumSq(a, b * a);
    }

    static double sumSquares(double... v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s;
    }

    @Differentiable
    static double varargsOneArg(double a) {
        return sumSquares(a);
    }

    static double maxOf(double... v) {
        double m = v[0];
        for (double e : v) {
            m = Math.max(m, e);
        }
        return m;
    }

    @Differentiable
    static double varargsHelper(double a, double b, double c) {
        return maxOf(a * b, b * c, c * a);
    }

    @Differentiable
    static double dollar(double a$) {
        return a$ * a$;
    }
}
