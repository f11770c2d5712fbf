package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CounterTest {

    private static void check(DoubleUnaryOperator orig, double a, double value, double g,
            Function<DerivativeStructure, DerivativeStructure> ds, String what) {
        Check.sameValue(orig.applyAsDouble(a), value);
        Check.fdStep(p -> orig.applyAsDouble(p[0]), v(a), v(g), 1e-5, "a");
        Check.hipparchus(d -> ds.apply(d[0]), v(a), v(g), what);
    }

    @ParameterizedTest
    @CsvSource({"0.9, 10", "1.1, 1", "0.8, 0"})
    void counterBumpedInBody(double a, int n) {
        CounterFxGrad.CounterBumpedInBodyGradient g = CounterFxGrad.counterBumpedInBody(a, n);
        check(x -> CounterFx.counterBumpedInBody(x, n), a, g.value(), g.a(), d -> {
            DerivativeStructure s = d.getField().getOne();
            for (int i = 0; i < n; i++) {
                s = s.multiply(d).add(i);
                if (i % 3 == 0) {
                    i++;
                }
            }
            return s;
        }, "counterBumpedInBody");
    }

    @ParameterizedTest
    @CsvSource({"0.9, 9", "1.1, 2"})
    void boundShrinks(double a, int n) {
        CounterFxGrad.BoundShrinksGradient g = CounterFxGrad.boundShrinks(a, n);
        check(x -> CounterFx.boundShrinks(x, n), a, g.value(), g.a(), d -> {
            DerivativeStructure s = d.getField().getZero();
            int m = n;
            for (int i = 0; i < m; i++) {
                s = s.multiply(d).add(i);
                m--;
            }
            return s;
        }, "boundShrinks");
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.3, 0.7}) // a >= 2 never terminates (original too)
    void activeBound(double a) {
        CounterFxGrad.ActiveBoundGradient g = CounterFxGrad.activeBound(a);
        check(CounterFx::activeBound, a, g.value(), g.a(), d -> {
            DerivativeStructure s = d;
            for (int i = 0; i < s.getValue(); i++) {
                s = s.add(d.multiply(0.5));
            }
            return s;
        }, "activeBound");
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.3, 7.1})
    void counterAfterLoop(double a) {
        CounterFxGrad.CounterAfterLoopGradient g = CounterFxGrad.counterAfterLoop(a);
        check(CounterFx::counterAfterLoop, a, g.value(), g.a(), d -> {
            DerivativeStructure s = d;
            int i = 0;
            for (; s.getValue() < 40; i++) {
                s = s.multiply(2);
            }
            return s.multiply(i);
        }, "counterAfterLoop");
    }

    @ParameterizedTest
    @CsvSource({"0.9, 100", "1.05, 2", "1.05, 1"})
    void multiplicativeCounter(double a, int n) {
        CounterFxGrad.MultiplicativeCounterGradient g = CounterFxGrad.multiplicativeCounter(a, n);
        check(x -> CounterFx.multiplicativeCounter(x, n), a, g.value(), g.a(), d -> {
            DerivativeStructure s = d;
            for (int i = 1; i < n; i *= 3) {
                s = s.multiply(d).add(i);
            }
            return s;
        }, "multiplicativeCounter");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.7, -1.2})
    void longAndCharCounters(double a) {
        CounterFxGrad.LongAndCharCountersGradient g = CounterFxGrad.longAndCharCounters(a);
        check(CounterFx::longAndCharCounters, a, g.value(), g.a(), d -> {
            DerivativeStructure s = d.getField().getZero();
            for (long i = 5_000_000_000L; i < 5_000_000_010L; i += 3) {
                s = s.multiply(d).add(i - 5_000_000_000L);
            }
            for (char c = 'a'; c < 'e'; c++) {
                s = s.add(d.multiply(c - 'a'));
            }
            return s;
        }, "longAndCharCounters");
    }

    @ParameterizedTest
    @CsvSource({"0.9, 5", "1.1, 0", "1.1, 1"})
    void sharedCounter(double a, int n) {
        CounterFxGrad.SharedCounterGradient g = CounterFxGrad.sharedCounter(a, n);
        check(x -> CounterFx.sharedCounter(x, n), a, g.value(), g.a(), d -> {
            DerivativeStructure s = d;
            int i = 0;
            for (i = 0; i < n; i++) {
                s = s.multiply(d);
            }
            for (i = i * 2; i > 0; i -= 3) {
                s = s.add(d.multiply(i));
            }
            return s;
        }, "sharedCounter");
    }
}
