package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;

import java.util.function.BiFunction;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallsTest {

    @Test
    void callsAnnotated() {
        double x = 0.9, y = -1.4;
        CallsFxGrad.CallsAnnotatedGradient g = CallsFxGrad.callsAnnotated(x, y);
        Check.sameValue(CallsFx.callsAnnotated(x, y), g.value());
        Check.exact(2 * x * y + 2 * y * y + 2 * x * y * y, g.x(), "dx");
        Check.exact(x * x + 4 * x * y + 2 * x * x * y, g.y(), "dy");
        Check.fd(p -> CallsFx.callsAnnotated(p[0], p[1]), v(x, y), v(g.x(), g.y()));
    }

    private static DerivativeStructure c(DerivativeStructure u) {
        return u.sin().multiply(u);
    }

    private static DerivativeStructure b(DerivativeStructure u, DerivativeStructure w) {
        return c(u.multiply(w)).add(w);
    }

    @ParameterizedTest
    @CsvSource({"0.7, 1.3", "-1.1, 0.4"})
    void transitive(double x, double y) {
        CallsFxGrad.TransitiveGradient g = CallsFxGrad.transitive(x, y);
        Check.sameValue(CallsFx.transitive(x, y), g.value());
        Check.fd(p -> CallsFx.transitive(p[0], p[1]), v(x, y), v(g.x(), g.y()));
        Check.hipparchus(d -> b(d[0], d[1]).multiply(b(d[1], d[0])), v(x, y), v(g.x(), g.y()), "transitive");
    }

    @Test
    void otherClassHelper() {
        double x = -0.6, y = 2.2;
        CallsFxGrad.OtherClassHelperGradient g = CallsFxGrad.otherClassHelper(x, y);
        Check.sameValue(CallsFx.otherClassHelper(x, y), g.value());
        Check.exact(27 * x * x, g.x(), "dx");
        Check.exact(3, g.y(), "dy");
        Check.fd(p -> CallsFx.otherClassHelper(p[0], p[1]), v(x, y), v(g.x(), g.y()));
    }

    @ParameterizedTest
    @CsvSource({"1.1, 7", "-0.9, 4", "2.0, 1", "3.0, 0", "1.01, 200"})
    void recursivePower(double x, int n) {
        CallsFxGrad.RecursivePowerGradient g = CallsFxGrad.recursivePower(x, n);
        Check.sameValue(CallsFx.recursivePower(x, n), g.value());
        Check.exact(n == 0 ? 0 : n * Math.pow(x, n - 1), g.x(), "dx");
        // x^200 is very curved: a smaller step keeps the FD truncation error below 1e-6
        Check.fdStep(p -> CallsFx.recursivePower(p[0], n), v(x), v(g.x()), 1e-5);
    }

    @ParameterizedTest
    @CsvSource({"0.8, 12", "-1.5, 20", "0.3, 0"})
    void recursiveSeries(double x, int n) {
        CallsFxGrad.RecursiveSeriesGradient g = CallsFxGrad.recursiveSeries(x, n);
        Check.sameValue(CallsFx.recursiveSeries(x, n), g.value());
        double expected = n == 0 ? 0 : CallsFx.recursiveSeries(x, n - 1);
        Check.exact(expected, g.x(), "dx");
        Check.fd(p -> CallsFx.recursiveSeries(p[0], n), v(x), v(g.x()));
    }

    private static DerivativeStructure even(DerivativeStructure x, int n) {
        return n == 0 ? x : odd(x.multiply(1.5), n - 1).add(x);
    }

    private static DerivativeStructure odd(DerivativeStructure x, int n) {
        return n == 0 ? x.multiply(x) : even(x.sin(), n - 1).multiply(x);
    }

    @ParameterizedTest
    @CsvSource({"0.7, 0", "0.7, 1", "0.7, 5", "-0.4, 8"})
    void mutualRecursion(double x, int n) {
        CallsFxGrad.MutualRecursionGradient g = CallsFxGrad.mutualRecursion(x, n);
        Check.sameValue(CallsFx.mutualRecursion(x, n), g.value());
        Check.fd(p -> CallsFx.mutualRecursion(p[0], n), v(x), v(g.x()));
        Check.hipparchus(d -> even(d[0], n), v(x), v(g.x()), "mutual n=" + n);
    }

    @ParameterizedTest
    @CsvSource({"0.9, 6", "1.2, 1", "0.5, 0"})
    void selfRecursive(double x, int n) {
        CallsFxGrad.SelfRecursiveGradient g = CallsFxGrad.selfRecursive(x, n);
        Check.sameValue(CallsFx.selfRecursive(x, n), g.value());
        double e = 0;
        for (int i = 1; i <= n; i++) {
            e += i * Math.pow(x, i - 1);
        }
        Check.exact(e, g.x(), "dx");
        Check.fd(p -> CallsFx.selfRecursive(p[0], n), v(x), v(g.x()));
    }

    @Test
    void sameHelperTwiceAndNested() {
        double x = 0.4, y = -0.3;
        CallsFxGrad.SameHelperTwiceGradient g = CallsFxGrad.sameHelperTwice(x, y);
        Check.sameValue(CallsFx.sameHelperTwice(x, y), g.value());
        Check.fd(p -> CallsFx.sameHelperTwice(p[0], p[1]), v(x, y), v(g.x(), g.y()));
        java.util.function.Function<DerivativeStructure, DerivativeStructure> h = u -> u.multiply(u).add(u.exp());
        BiFunction<DerivativeStructure, DerivativeStructure, DerivativeStructure> inner =
                (a, b) -> a.multiply(a).multiply(b);
        Check.hipparchus(d -> h.apply(d[0]).multiply(h.apply(d[1])).add(h.apply(d[0].multiply(d[1])))
                .add(h.apply(h.apply(d[0]))).add(inner.apply(h.apply(d[0]), inner.apply(d[0], d[1]))),
                v(x, y), v(g.x(), g.y()), "sameHelperTwice");
    }

    @Test
    void helperKinds() {
        double x = 0.73, y = 1.9;
        CallsFxGrad.HelperKindsGradient g = CallsFxGrad.helperKinds(x, y);
        Check.sameValue(CallsFx.helperKinds(x, y), g.value());
        Check.exact(3 * x * x + 3, g.x(), "dx");
        Check.exact(-3 + 6 + 7, g.y(), "dy");
        Check.fd(p -> CallsFx.helperKinds(p[0], p[1]), v(x, y), v(g.x(), g.y()));
    }

    @Test
    void overloads() {
        double x = 0.73, y = 1.9;
        CallsFxGrad.OverloadsGradient g = CallsFxGrad.overloads(x, y);
        Check.sameValue(CallsFx.overloads(x, y), g.value());
        Check.exact(2 + y, g.x(), "dx");
        Check.exact(x + 12.5, g.y(), "dy");
        Check.fd(p -> CallsFx.overloads(p[0], p[1]), v(x, y), v(g.x(), g.y()));
    }

    @Test
    void discardedCall() {
        CallsFxGrad.DiscardedCallGradient g = CallsFxGrad.discardedCall(0.5);
        Check.sameValue(CallsFx.discardedCall(0.5), g.value());
        Check.exact(3, g.x(), "dx");
        Check.fd(p -> CallsFx.discardedCall(p[0]), v(0.5), v(g.x()));
    }
}
