package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MathTest {

    /** name, x, y, exact dx, exact dy, Hipparchus oracle, original. */
    record Case(String name, double x, double y, double dx, double dy,
            Function<DerivativeStructure[], DerivativeStructure> ds, DoubleBinaryOperator orig) {
        @Override
        public String toString() {
            return name + "(" + x + ", " + y + ")";
        }
    }

    private static final double LN2 = Math.log(2);

    static List<Case> mathCases() {
        List<Case> c = new ArrayList<>();
        double x, y;
        x = 0.7; y = 1.3;
        c.add(new Case("sin", x, y, Math.cos(x) * y, Math.sin(x), d -> d[0].sin().multiply(d[1]), MathFx::sin));
        c.add(new Case("cos", x, y, -Math.sin(x) * y, Math.cos(x), d -> d[0].cos().multiply(d[1]), MathFx::cos));
        x = 0.4;
        c.add(new Case("tan", x, y, y / (Math.cos(x) * Math.cos(x)), Math.tan(x), d -> d[0].tan().multiply(d[1]), MathFx::tan));
        x = 0.3;
        c.add(new Case("asin", x, y, y / Math.sqrt(1 - x * x), Math.asin(x), d -> d[0].asin().multiply(d[1]), MathFx::asin));
        x = -0.4;
        c.add(new Case("acos", x, y, -y / Math.sqrt(1 - x * x), Math.acos(x), d -> d[0].acos().multiply(d[1]), MathFx::acos));
        x = 1.7;
        c.add(new Case("atan", x, y, y / (1 + x * x), Math.atan(x), d -> d[0].atan().multiply(d[1]), MathFx::atan));
        x = 0.8; y = -1.5;
        c.add(new Case("atan2", x, y, y / (x * x + y * y), -x / (x * x + y * y), d -> d[0].atan2(d[1]), MathFx::atan2));
        x = 0.9; y = 1.3;
        c.add(new Case("sinh", x, y, Math.cosh(x) * y, Math.sinh(x), d -> d[0].sinh().multiply(d[1]), MathFx::sinh));
        c.add(new Case("cosh", x, y, Math.sinh(x) * y, Math.cosh(x), d -> d[0].cosh().multiply(d[1]), MathFx::cosh));
        c.add(new Case("tanh", x, y, (1 - Math.tanh(x) * Math.tanh(x)) * y, Math.tanh(x), d -> d[0].tanh().multiply(d[1]), MathFx::tanh));
        x = 1.1;
        c.add(new Case("exp", x, y, Math.exp(x) * y, Math.exp(x), d -> d[0].exp().multiply(d[1]), MathFx::exp));
        x = 0.2;
        c.add(new Case("expm1", x, y, Math.exp(x) * y, Math.expm1(x), d -> d[0].expm1().multiply(d[1]), MathFx::expm1));
        x = 2.5;
        c.add(new Case("log", x, y, y / x, Math.log(x), d -> d[0].log().multiply(d[1]), MathFx::log));
        c.add(new Case("log10", x, y, y / (x * Math.log(10)), Math.log10(x), d -> d[0].log10().multiply(d[1]), MathFx::log10));
        c.add(new Case("sqrt", x, y, y / (2 * Math.sqrt(x)), Math.sqrt(x), d -> d[0].sqrt().multiply(d[1]), MathFx::sqrt));
        x = 0.6;
        c.add(new Case("log1p", x, y, y / (1 + x), Math.log1p(x), d -> d[0].log1p().multiply(d[1]), MathFx::log1p));
        x = -8; y = 1.3;
        c.add(new Case("cbrt", x, y, y / 12.0, -2.0, d -> d[0].cbrt().multiply(d[1]), MathFx::cbrt));
        x = 1.7; y = 2.3;
        c.add(new Case("pow", x, y, y * Math.pow(x, y - 1), Math.pow(x, y) * Math.log(x), d -> d[0].pow(d[1]), MathFx::pow));
        x = -2; y = 1.3;
        c.add(new Case("powConstExp", x, y, 12 * y, -8, d -> d[0].pow(3.0).multiply(d[1]), MathFx::powConstExp));
        x = -1.5;
        c.add(new Case("powIntExp", x, y, -3, 1, d -> d[0].pow(2).add(d[1]), MathFx::powIntExp));
        x = 0.9;
        c.add(new Case("powConstBase", x, y, Math.pow(2, x) * LN2 * y, Math.pow(2, x), d -> d[0].multiply(LN2).exp().multiply(d[1]), MathFx::powConstBase));
        x = 2.5;
        c.add(new Case("powHalf", x, y, 0.5 / Math.sqrt(x) * y, Math.sqrt(x), d -> d[0].pow(0.5).multiply(d[1]), MathFx::powHalf));
        x = 3; y = -4;
        c.add(new Case("hypot", x, y, 0.6, -0.8, d -> d[0].hypot(d[1]), MathFx::hypot));
        x = 0.7; y = -1.9;
        c.add(new Case("fma", x, y, 2 * y, 2 * x, d -> d[0].multiply(d[1]).multiply(2), MathFx::fma));
        x = -1.5; y = 1.3;
        c.add(new Case("abs", x, y, -y, 1.5, d -> d[0].abs().multiply(d[1]), MathFx::abs));
        c.add(new Case("abs", 1.5, y, y, 1.5, d -> d[0].abs().multiply(d[1]), MathFx::abs));
        // max(x,y)*y, min(x,y)*x : both orders, both args active
        c.add(new Case("max", 2, 1, 1, 2, d -> d[0].multiply(d[1]), MathFx::max));
        c.add(new Case("max", 1, 2, 0, 4, d -> d[1].multiply(d[1]), MathFx::max));
        c.add(new Case("min", 1, 2, 2, 0, d -> d[0].multiply(d[0]), MathFx::min));
        c.add(new Case("min", 2, 1, 1, 2, d -> d[1].multiply(d[0]), MathFx::min));
        c.add(new Case("maxOneActive", 3, y, y, 3, d -> d[0].multiply(d[1]), MathFx::maxOneActive));
        c.add(new Case("maxOneActive", 1, y, 0, 2, d -> d[1].multiply(2), MathFx::maxOneActive));
        c.add(new Case("maxConstFirst", 3, y, y, 3, d -> d[0].multiply(d[1]), MathFx::maxConstFirst));
        c.add(new Case("minOneActive", 1, y, y, 1, d -> d[0].multiply(d[1]), MathFx::minOneActive));
        c.add(new Case("minOneActive", 3, y, 0, 2, d -> d[1].multiply(2), MathFx::minOneActive));
        x = 2.3; y = 0.7;
        c.add(new Case("floor", x, y, 1, 2, d -> d[0].add(d[1].multiply(2)), MathFx::floor));
        c.add(new Case("ceil", x, y, 1, 3, d -> d[0].add(d[1].multiply(3)), MathFx::ceil));
        c.add(new Case("rint", x, y, 1, 2, d -> d[0].add(d[1].multiply(2)), MathFx::rint));
        c.add(new Case("round", 2.7, y, 1, 3, d -> d[0].add(d[1].multiply(3)), MathFx::round));
        c.add(new Case("signum", -x, y, 1, -1, d -> d[0].subtract(d[1]), MathFx::signum));
        c.add(new Case("toRadians", x, y, y * Math.PI / 180, Math.toRadians(x), d -> d[0].multiply(Math.PI / 180).multiply(d[1]), MathFx::toRadians));
        c.add(new Case("toDegrees", x, y, y * 180 / Math.PI, Math.toDegrees(x), d -> d[0].multiply(180 / Math.PI).multiply(d[1]), MathFx::toDegrees));
        c.add(new Case("ulp", 1.3, y, 1, Math.ulp(1.3) * 1e15, d -> d[0].add(d[1].multiply(Math.ulp(1.3) * 1e15)), MathFx::ulp));
        c.add(new Case("doubleMod", 5.3, 2, 1, -2, d -> d[0].subtract(d[1].multiply(2)), MathFx::doubleMod));
        c.add(new Case("doubleMod", -5.3, 2, 1, 2, d -> d[0].add(d[1].multiply(2)), MathFx::doubleMod));
        c.add(new Case("doubleMod", 5.3, -2, 1, 2, d -> d[0].add(d[1].multiply(2)), MathFx::doubleMod));
        return c;
    }

    static Stream<Arguments> math() {
        return mathCases().stream().map(Arguments::of);
    }

    static Stream<Arguments> strict() {
        return mathCases().stream()
                .filter(c -> !c.name.startsWith("pow") || c.name.equals("pow"))
                .filter(c -> !c.name.contains("One") && !c.name.contains("Const")
                        && !c.name.equals("ulp") && !c.name.equals("doubleMod"))
                .map(c -> Arguments.of(c, "strict" + Character.toUpperCase(c.name.charAt(0))
                        + c.name.substring(1)));
    }

    @ParameterizedTest
    @MethodSource("math")
    void mathFunction(Case c) {
        check(c, c.name, c.orig);
    }

    @ParameterizedTest
    @MethodSource("strict")
    void strictMathFunction(Case c, String method) {
        DoubleBinaryOperator orig = (a, b) -> {
            try {
                return (double) MathFx.class.getDeclaredMethod(method, double.class, double.class)
                        .invoke(null, a, b);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        };
        check(c, method, orig);
        // StrictMath results are reproducible bit for bit: value() must match the StrictMath original
        Check.sameValue(orig.applyAsDouble(c.x, c.y),
                Check.gradient(MathFxGrad.class, method, new String[] {"x", "y"}, c.x, c.y)[0]);
    }

    private static void check(Case c, String method, DoubleBinaryOperator orig) {
        double[] g = Check.gradient(MathFxGrad.class, method, new String[] {"x", "y"}, c.x, c.y);
        Check.sameValue(orig.applyAsDouble(c.x, c.y), g[0]);
        double[] grad = v(g[1], g[2]);
        Check.exact(c.dx, grad[0], method + " dx");
        Check.exact(c.dy, grad[1], method + " dy");
        Check.hipparchus(c.ds, v(c.x, c.y), grad, method);
        Check.fd(p -> orig.applyAsDouble(p[0], p[1]), v(c.x, c.y), grad, "x", "y");
    }

    @ParameterizedTest
    @MethodSource("compositePoints")
    void composite(double x, double y) {
        MathFxGrad.CompositeGradient g = MathFxGrad.composite(x, y);
        Check.sameValue(MathFx.composite(x, y), g.value());
        Check.fd(p -> MathFx.composite(p[0], p[1]), v(x, y), v(g.x(), g.y()));
        Check.hipparchus(d -> d[0].multiply(d[0]).negate().exp().multiply(d[1].multiply(Math.PI).sin())
                .add(d[0].abs().log().divide(d[0].multiply(d[0]).add(d[1].multiply(d[1])).sqrt())),
                v(x, y), v(g.x(), g.y()), "composite");
    }

    static Stream<Arguments> compositePoints() {
        return Stream.of(Arguments.of(0.7, 0.3), Arguments.of(-1.2, 2.1), Arguments.of(2.5, -0.45));
    }
}
