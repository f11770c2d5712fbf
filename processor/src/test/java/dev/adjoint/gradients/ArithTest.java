package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArithTest {

    @Test
    void basic() {
        double a = 1.3, b = -0.8;
        ArithFxGrad.BasicGradient g = ArithFxGrad.basic(a, b);
        Check.sameValue(ArithFx.basic(a, b), g.value());
        Check.exact(1 / b + b / (a * a) + 1, g.a(), "da");
        Check.exact(-a / (b * b) - 1 / a + 1, g.b(), "db");
        Check.fd(p -> ArithFx.basic(p[0], p[1]), v(a, b), v(g.a(), g.b()));
        Check.hipparchus(d -> d[0].add(d[1]).multiply(d[0].subtract(d[1])).divide(d[0].multiply(d[1]))
                .add(d[0]).add(d[1]), v(a, b), v(g.a(), g.b()), "basic");
    }

    @Test
    void division() {
        double a = 1.7, b = 0.45;
        ArithFxGrad.DivisionGradient g = ArithFxGrad.division(a, b);
        Check.sameValue(ArithFx.division(a, b), g.value());
        Check.exact(1 / b - 1 / (a * a) - 2 * b / (a * a * a), g.a(), "da");
        Check.exact(-a / (b * b) + 1 / (a * a), g.b(), "db");
        Check.fd(p -> ArithFx.division(p[0], p[1]), v(a, b), v(g.a(), g.b()));
    }

    @Test
    void unaryMinus() {
        double a = 1.1, b = 2.3;
        ArithFxGrad.UnaryMinusGradient g = ArithFxGrad.unaryMinus(a, b);
        Check.sameValue(ArithFx.unaryMinus(a, b), g.value());
        Check.exact(-2 * a * b - 1, g.a(), "da");
        Check.exact(-a * a, g.b(), "db");
        Check.fd(p -> ArithFx.unaryMinus(p[0], p[1]), v(a, b), v(g.a(), g.b()));
    }

    @Test
    void intModulo() {
        double a = 6.3, b = 0.9;
        ArithFxGrad.IntModuloGradient g = ArithFxGrad.intModulo(a, b);
        Check.sameValue(ArithFx.intModulo(a, b), g.value());
        Check.exact(1 - b, g.a(), "da");
        Check.exact(2 - a, g.b(), "db");
        Check.fd(p -> ArithFx.intModulo(p[0], p[1]), v(a, b), v(g.a(), g.b()));
    }

    @Test
    void casts() {
        double a = 2.7, b = -3.4; // (int) a = 2, (long)(a*b) = -9, (int) b = -3
        ArithFxGrad.CastsGradient g = ArithFxGrad.casts(a, b);
        Check.sameValue(ArithFx.casts(a, b), g.value());
        Check.exact(1 + 2 + -3 + b, g.a(), "da");
        Check.exact(2 + -9 + a, g.b(), "db");
        Check.fd(p -> ArithFx.casts(p[0], p[1]), v(a, b), v(g.a(), g.b()));
    }

    @Test
    void promotion() {
        double a = 0.3, b = 1.2;
        ArithFxGrad.PromotionGradient g = ArithFxGrad.promotion(a, b);
        Check.sameValue(ArithFx.promotion(a, b), g.value());
        double k = (3 + 4_000_000_000L) * 1e-9;
        Check.exact(3 + k * b + 1.5 + 1, g.a(), "da");
        Check.exact(4 + k * a + 1_333_333_333L * 1e-9, g.b(), "db");
        Check.fd(p -> ArithFx.promotion(p[0], p[1]), v(a, b), v(g.a(), g.b()));
    }

    @Test
    void literals() {
        double a = 0.7, b = -2.0;
        ArithFxGrad.LiteralsGradient g = ArithFxGrad.literals(a, b);
        Check.sameValue(ArithFx.literals(a, b), g.value());
        Check.exact(0.15 + 2 + 1000 + 0.5 * b - 1 / (a * a), g.a(), "da");
        Check.exact(16 + 65 + 3 + 0.5 * a, g.b(), "db");
        Check.fd(p -> ArithFx.literals(p[0], p[1]), v(a, b), v(g.a(), g.b()));
    }

    @Test
    void constants() {
        double a = 0.7, b = -2.0;
        ArithFxGrad.ConstantsGradient g = ArithFxGrad.constants(a, b);
        Check.sameValue(ArithFx.constants(a, b), g.value());
        Check.exact(2.5 + 3 * b + 4.0 + 0.125 + Math.PI + Integer.MAX_VALUE * 1e-9, g.a(), "da");
        Check.exact(0.25 + 3 * a + Math.exp(2.0) + 1.75 + 6 + Math.E + 2.5, g.b(), "db");
        Check.fd(p -> ArithFx.constants(p[0], p[1]), v(a, b), v(g.a(), g.b()));
    }

    @Test
    void integerArithmeticOnly() {
        double a = 1.25;
        int n = 11;
        long m = 29;
        ArithFxGrad.IntegerArithmeticOnlyGradient g = ArithFxGrad.integerArithmeticOnly(a, n, m);
        Check.sameValue(ArithFx.integerArithmeticOnly(a, n, m), g.value());
        int q = n / 2 + n % 3 - n * 2;
        long r = m / 3 + m % 5;
        Check.exact(q + r, g.a(), "da");
        Check.fd(p -> ArithFx.integerArithmeticOnly(p[0], n, m), v(a), v(g.a()));
        // only value and a are components
        assertEquals("[value, a]", Arrays.toString(Arrays.stream(g.getClass().getRecordComponents())
                .map(c -> c.getName()).toArray()));
    }

    @Test
    void floatLiterals() {
        double a = 1.5, b = -0.5;
        ArithFxGrad.FloatLiteralsGradient g = ArithFxGrad.floatLiterals(a, b);
        Check.sameValue(ArithFx.floatLiterals(a, b), g.value());
        Check.exact((double) 0.1f + (double) 0.3f * b, g.a(), "da");
        Check.exact((double) 0.1f + (double) 0.3f * a, g.b(), "db");
        Check.fd(p -> ArithFx.floatLiterals(p[0], p[1]), v(a, b), v(g.a(), g.b()));
    }

    @Test
    void constantFolding() {
        double a = 1.5, b = -0.5;
        ArithFxGrad.ConstantFoldingGradient g = ArithFxGrad.constantFolding(a, b);
        Check.sameValue(ArithFx.constantFolding(a, b), g.value());
        Check.exact(3 - 1_294_967_296 * 1e-9 + 98 + Long.MAX_VALUE * 1.0 * 1e-18, g.a(), "da"); // 3e9 wraps in int
        Check.exact(0 + Integer.MIN_VALUE * 1e-9 + 3.0, g.b(), "db");
        Check.fd(p -> ArithFx.constantFolding(p[0], p[1]), v(a, b), v(g.a(), g.b()));
    }
}
