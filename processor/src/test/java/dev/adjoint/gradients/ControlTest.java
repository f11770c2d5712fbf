package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlTest {

    @ParameterizedTest
    @CsvSource({"-2, 1.5, -6, 4", "0.5, 1.5, 4.5, 1.5", "1.5, 2, 4.4816890703380645, 1", "1.5, -2, 1, -1"})
    void ifChain(double x, double y, double dx, double dy) {
        ControlFxGrad.IfChainGradient g = ControlFxGrad.ifChain(x, y);
        Check.sameValue(ControlFx.ifChain(x, y), g.value());
        Check.exact(dx, g.x(), "dx");
        Check.exact(dy, g.y(), "dy");
        Check.fd(p -> ControlFx.ifChain(p[0], p[1]), v(x, y), v(g.x(), g.y()));
    }

    @ParameterizedTest
    @CsvSource({"2, 1, 1, 3", "-1, 0.5, -1, 0", "-1, -2, 2, 1", "0.5, 1, 1, 1"})
    void ifNoBraces(double x, double y, double dx, double dy) {
        ControlFxGrad.IfNoBracesGradient g = ControlFxGrad.ifNoBraces(x, y);
        Check.sameValue(ControlFx.ifNoBraces(x, y), g.value());
        Check.exact(dx, g.x(), "dx");
        Check.exact(dy, g.y(), "dy");
        Check.fd(p -> ControlFx.ifNoBraces(p[0], p[1]), v(x, y), v(g.x(), g.y()));
    }

    @Test
    void ternary() {
        ControlFxGrad.TernaryGradient g = ControlFxGrad.ternary(1.5, 2);
        Check.exact(6, g.x(), "dx");
        Check.exact(4.5, g.y(), "dy");
        double x = -0.5, y = 0.7;
        g = ControlFxGrad.ternary(x, y);
        Check.exact(1 / y + y + y * Math.cos(x * y), g.x(), "dx");
        Check.exact(-x / (y * y) + x + x * Math.cos(x * y), g.y(), "dy");
        g = ControlFxGrad.ternary(2, 0.5);
        Check.exact(5.5, g.x(), "dx");
        Check.exact(3, g.y(), "dy");
        for (double[] p : new double[][] {{1.5, 2}, {-0.5, 0.7}, {2, 0.5}, {0.3, 1.4}}) {
            g = ControlFxGrad.ternary(p[0], p[1]);
            Check.sameValue(ControlFx.ternary(p[0], p[1]), g.value());
            Check.fd(q -> ControlFx.ternary(q[0], q[1]), p, v(g.x(), g.y()));
        }
    }

    @ParameterizedTest
    @CsvSource({"2, 3, 4, -1", "0.5, 1, 1, 0.5", "-1, 2, -2, -1", "-1, -2, 1, -4"})
    void booleanLogic(double x, double y, double dx, double dy) {
        ControlFxGrad.BooleanLogicGradient g = ControlFxGrad.booleanLogic(x, y);
        Check.sameValue(ControlFx.booleanLogic(x, y), g.value());
        Check.exact(dx, g.x(), "dx");
        Check.exact(dy, g.y(), "dy");
        Check.fd(p -> ControlFx.booleanLogic(p[0], p[1]), v(x, y), v(g.x(), g.y()));
    }

    @ParameterizedTest
    @CsvSource({"3, 2, 12, 9", "2, 3, 43, 28", "2, -1, -1, 1", "1, 2, 9, 4"})
    void earlyReturn(double x, double y, double dx, double dy) {
        ControlFxGrad.EarlyReturnGradient g = ControlFxGrad.earlyReturn(x, y);
        Check.sameValue(ControlFx.earlyReturn(x, y), g.value());
        Check.exact(dx, g.x(), "dx");
        Check.exact(dy, g.y(), "dy");
        Check.fd(p -> ControlFx.earlyReturn(p[0], p[1]), v(x, y), v(g.x(), g.y()));
    }

    @Test
    void guardedValidPath() {
        double x = 2.25, y = -0.8;
        ControlFxGrad.GuardedGradient g = ControlFxGrad.guarded(x, y);
        Check.sameValue(ControlFx.guarded(x, y), g.value());
        Check.exact(1 / (2 * Math.sqrt(x) * y), g.x(), "dx");
        Check.exact(-Math.sqrt(x) / (y * y), g.y(), "dy");
        Check.fd(p -> ControlFx.guarded(p[0], p[1]), v(x, y), v(g.x(), g.y()));
        double[] adj = new double[2];
        Check.sameValue(ControlFx.guarded(x, y), ControlFxGrad.guardedAdjoint(x, y, 1.0, adj, null));
        Check.exact(v(g.x(), g.y()), adj, "adjoint");
    }

    @Test
    void guardedThrowsSameExceptions() {
        IllegalArgumentException orig = assertThrows(IllegalArgumentException.class,
                () -> ControlFx.guarded(-1.5, 2.0));
        IllegalArgumentException gen = assertThrows(IllegalArgumentException.class,
                () -> ControlFxGrad.guarded(-1.5, 2.0));
        assertEquals(orig.getMessage(), gen.getMessage());
        assertEquals("x must be >= 0 but was -1.5 (y=2.0)", gen.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ControlFxGrad.guardedAdjoint(-1.5, 2.0, 1.0, new double[2], null));
        assertEquals("y is NaN", assertThrows(IllegalArgumentException.class,
                () -> ControlFxGrad.guarded(1.0, Double.NaN)).getMessage());
        ArithmeticException ae = assertThrows(ArithmeticException.class,
                () -> ControlFxGrad.guarded(3.0, 0.0));
        assertEquals("division by zero, x*y=0.0", ae.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "2", "3", "4", "7", "-1"})
    void switchOld(int k) {
        double x = 0.7;
        ControlFxGrad.SwitchOldGradient g = ControlFxGrad.switchOld(x, k);
        Check.sameValue(ControlFx.switchOld(x, k), g.value());
        double expected = switch (k) {
            case 0, 2 -> 3 * x * x;
            case 1 -> 3 * x * x + 2 * x;
            case 3, 4 -> Math.cos(x) * x + Math.sin(x);
            default -> -2 * x;
        };
        Check.exact(expected, g.x(), "dx k=" + k);
        Check.fd(p -> ControlFx.switchOld(p[0], k), v(x), v(g.x()));
    }

    @ParameterizedTest
    @CsvSource({"square", "cube", "exp", "other", "''"})
    void switchOldString(String mode) {
        double x = -1.3;
        ControlFxGrad.SwitchOldStringGradient g = ControlFxGrad.switchOldString(x, mode);
        Check.sameValue(ControlFx.switchOldString(x, mode), g.value());
        double expected = switch (mode) {
            case "square" -> 4 * x;
            case "cube" -> 3 * x * x;
            case "exp" -> 2 * Math.exp(x);
            default -> 2;
        };
        Check.exact(expected, g.x(), "dx " + mode);
        Check.fd(p -> ControlFx.switchOldString(p[0], mode), v(x), v(g.x()));
    }

    @Test
    void switchOldStringNullThrowsNpe() {
        assertThrows(NullPointerException.class, () -> ControlFx.switchOldString(1.0, null));
        assertThrows(NullPointerException.class, () -> ControlFxGrad.switchOldString(1.0, null));
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "2", "3", "9"})
    void switchArrowStmt(int k) {
        double x = 1.2, y = -0.4;
        ControlFxGrad.SwitchArrowStmtGradient g = ControlFxGrad.switchArrowStmt(x, y, k);
        Check.sameValue(ControlFx.switchArrowStmt(x, y, k), g.value());
        double[] e = switch (k) {
            case 0 -> v(y, x);
            case 1, 2 -> v(2 * (x + y), 2 * (x + y));
            case 3 -> v(-y / (x * x), 1 / x);
            default -> v(1, -1);
        };
        Check.exact(e, v(g.x(), g.y()), "k=" + k);
        Check.fd(p -> ControlFx.switchArrowStmt(p[0], p[1], k), v(x, y), v(g.x(), g.y()));
    }

    @ParameterizedTest
    @CsvSource({"0, 1.2", "1, 1.2", "2, 1.2", "3, 1.2", "5, 1.2", "5, -1.2"})
    void switchExprInt(int k, double x) {
        double y = 0.9;
        ControlFxGrad.SwitchExprIntGradient g = ControlFxGrad.switchExprInt(x, y, k);
        Check.sameValue(ControlFx.switchExprInt(x, y, k), g.value());
        double[] e = switch (k) {
            case 0 -> v(2 * x * y, x * x);
            case 1, 2 -> v(2 * (x + y) * x + (x + y) * (x + y), 2 * (x + y) * x);
            case 3 -> v(y * (Math.cos(x) - x * Math.sin(x)), x * Math.cos(x));
            default -> x > 0 ? v(2 * x, 0) : v(y, x);
        };
        Check.exact(e, v(g.x(), g.y()), "k=" + k);
        Check.fd(p -> ControlFx.switchExprInt(p[0], p[1], k), v(x, y), v(g.x(), g.y()));
    }

    @ParameterizedTest
    @CsvSource({"add", "mul", "pow", "nope"})
    void switchExprStringArrow(String op) {
        double x = 1.7, y = 0.6;
        ControlFxGrad.SwitchExprStringArrowGradient g = ControlFxGrad.switchExprStringArrow(x, y, op);
        Check.sameValue(ControlFx.switchExprStringArrow(x, y, op), g.value());
        double[] e = switch (op) {
            case "add" -> v(y, x + 2 * y);
            case "mul" -> v(y * y, 2 * x * y);
            case "pow" -> v(y * y * Math.pow(x, y - 1), Math.pow(x, y) + y * Math.pow(x, y) * Math.log(x));
            default -> v(0, 0);
        };
        Check.exact(e, v(g.x(), g.y()), op);
        Check.fd(p -> ControlFx.switchExprStringArrow(p[0], p[1], op), v(x, y), v(g.x(), g.y()));
    }
}
