package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

final class ControlFx {
    private ControlFx() {
    }

    /** x < -1: x^2*y ; -1 <= x < 1: 3xy ; x >= 1 with y > 0: exp(x)+y ; else x - y. */
    @Differentiable
    static double ifChain(double x, double y) {
        double r = 0.0;
        if (x < -1) {
            r = x * x * y;
        } else if (x < 1) {
            r = 3 * x * y;
        } else if (y > 0) {
            r = Math.exp(x) + y;
        } else {
            r = x - y;
        }
        return r;
    }

    /** if without braces / without else. */
    @Differentiable
    static double ifNoBraces(double x, double y) {
        double r = x;
        if (x > y) r = r * y;
        if (x < 0) r = -r;
        else r = r + y;
        return r;
    }

    @Differentiable
    static double ternary(double x, double y) {
        double a = x > 0 ? x * y : x / y;
        double b = (x > y ? x : y) * x;
        double c = x > 1 ? (y > 1 ? x * y : x + y) : (y > 1 ? x - y : Math.sin(x * y));
        return a + b + c;
    }

    /** Boolean logic with active comparisons. */
    @Differentiable
    static double booleanLogic(double x, double y) {
        boolean p = x > 0 && y > 0;
        boolean q = !(x * y < 1) || x == y;
        if (p && !q) {
            return x * y;
        }
        if (p ^ q) {
            return x + y * y;
        }
        return x * x - y;
    }

    /** Early returns inside nested branches, code after them. */
    @Differentiable
    static double earlyReturn(double x, double y) {
        double s = x * y;
        if (s > 4) {
            if (x > y) {
                return s * x;
            }
            s = s + 1;
        } else {
            if (y < 0) {
                return s - y;
            }
        }
        s = s * s;
        return s + x;
    }

    /** Guard clauses that throw, including string concatenation of active values. */
    @Differentiable
    static double guarded(double x, double y) {
        if (x < 0) {
            throw new IllegalArgumentException("x must be >= 0 but was " + x + " (y=" + y + ")");
        }
        if (Double.isNaN(y)) {
            throw new IllegalArgumentException("y is NaN");
        }
        if (y == 0.0) throw new ArithmeticException("division by zero, x*y=" + (x * y));
        return Math.sqrt(x) / y;
    }

    /** Old-style switch with break, grouped labels and default (fall-through: finding SwitchFallThrough). */
    @Differentiable
    static double switchOld(double x, int k) {
        double s = x;
        switch (k) {
            case 0:
                s = s * s;
                break;
            case 1:
                s = s + 1;
                s = s * x;
                break;
            case 2:
                s = s * x;
                break;
            case 3:
            case 4:
                s = Math.sin(s);
                break;
            default:
                s = -s;
        }
        return s * x;
    }

    /** Old-style switch on strings, with a return in a case. */
    @Differentiable
    static double switchOldString(double x, String mode) {
        double s = 0.0;
        switch (mode) {
            case "square":
                s = x * x;
                break;
            case "cube":
                return x * x * x;
            case "exp":
                s = Math.exp(x);
                break;
            default:
                s = x;
                break;
        }
        return 2.0 * s;
    }

    /** Arrow switch statement on ints. */
    @Differentiable
    static double switchArrowStmt(double x, double y, int k) {
        double s = x;
        switch (k) {
            case 0 -> s = x * y;
            case 1, 2 -> {
                s = s + y;
                s = s * s;
            }
            case 3 -> {
                return y / x;
            }
            default -> s = s - y;
        }
        return s;
    }

    /** Switch expression on ints with arrows (yield blocks: finding YieldBlock). */
    @Differentiable
    static double switchExprInt(double x, double y, int k) {
        double s = switch (k) {
            case 0 -> x * y;
            case 1, 2 -> (x + y) * (x + y);
            case 3 -> Math.cos(x) * y;
            default -> x > 0 ? x : y;
        };
        return s * x;
    }

    /** Switch expression on strings with arrows, used inside an arithmetic expression. */
    @Differentiable
    static double switchExprStringArrow(double x, double y, String op) {
        return y * switch (op) {
            case "add" -> x + y;
            case "mul" -> x * y;
            case "pow" -> Math.pow(x, y);
            default -> 0.0;
        };
    }
}
