package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.concat;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link FreshArraysFx} against 5-point central differences of the original. */
class FreshArraysTest {

    private static final double[] X = {0.7, -1.3, 0.4, 2.1};

    @Test
    void stepperHandsItsFreshStateOver() {
        for (int steps = 0; steps <= 3; steps++) {
            int n = steps;
            var g = FreshArraysFxGrad.stepper(X, 0.3, n);
            Check.sameValue(FreshArraysFx.stepper(X, 0.3, n), g.value());
            Check.fd(p -> FreshArraysFx.stepper(Arrays.copyOf(p, 4), p[4], n),
                    concat(X, 0.3), concat(g.u0(), g.k()));
        }
        // one step, by hand: u1 = u - k sin(u shifted), u1[0] += k
        var g = FreshArraysFxGrad.stepper(new double[] {0.5, -0.2}, 0.3, 1);
        double u0 = 0.5 - 0.3 * Math.sin(-0.2) + 0.3;
        double u1 = -0.2 - 0.3 * Math.sin(0.5);
        Check.exact(u0 * u0 + u1 * u1, g.value(), "value");
        Check.exact(new double[] {2 * u0 - 2 * u1 * 0.3 * Math.cos(0.5),
            -2 * u0 * 0.3 * Math.cos(-0.2) + 2 * u1}, g.u0(), "u0");
    }

    @Test
    void aFreshElementReadBeforeItIsWritten() {
        var g = FreshArraysFxGrad.readBeforeWrite(0.8, -0.6);
        Check.sameValue(FreshArraysFx.readBeforeWrite(0.8, -0.6), g.value());
        Check.fd(p -> FreshArraysFx.readBeforeWrite(p[0], p[1]), new double[] {0.8, -0.6},
                new double[] {g.a(), g.b()});
    }

    @Test
    void aFreshArrayReadThroughAnAlias() {
        var g = FreshArraysFxGrad.throughAnAlias(X, 0.9);
        Check.sameValue(FreshArraysFx.throughAnAlias(X, 0.9), g.value());
        Check.fd(p -> FreshArraysFx.throughAnAlias(Arrays.copyOf(p, 4), p[4]), concat(X, 0.9),
                concat(g.x(), g.c()));
    }

    @Test
    void aFreshBufferCarriedIntoTheNextIteration() {
        for (int steps = 1; steps <= 3; steps++) {
            int n = steps;
            var g = FreshArraysFxGrad.carried(X, n);
            Check.sameValue(FreshArraysFx.carried(X, n), g.value());
            Check.fd(p -> FreshArraysFx.carried(p, n), X, g.x());
        }
    }
}
