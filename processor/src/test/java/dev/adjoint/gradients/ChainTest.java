package dev.adjoint.gradients;

import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Values of the chains whose partial derivatives the reverse sweep multiplies together before
 * the adjoint (issue 15; the generated shapes are read by
 * {@code dev.adjoint.processor.PartialProductsSourceTest}): FD, exact values (forward-mode
 * recurrences written out by hand) and Hipparchus.
 */
class ChainTest {

    @Test
    void aChainOfTwoLinks() {
        double x = 0.8;
        double a = -1.7;
        var g = ChainFxGrad.chain2(x, a);
        Check.sameValue(ChainFx.chain2(x, a), g.value());
        double[] analytic = {g.x(), g.a()};
        Check.exact(new double[] {a * Math.cos(x), Math.sin(x)}, analytic, "exact");
        Check.fd(p -> ChainFx.chain2(p[0], p[1]), new double[] {x, a}, analytic);
        Check.hipparchus(d -> d[0].sin().multiply(d[1]), new double[] {x, a}, analytic, "chain2");
    }

    @Test
    void aChainOfThreeLinks() {
        double x = -0.6;
        double a = 2.3;
        var g = ChainFxGrad.chain3(x, a);
        Check.sameValue(ChainFx.chain3(x, a), g.value());
        double[] analytic = {g.x(), g.a()};
        double e = Math.exp(Math.sin(x));
        Check.exact(new double[] {a * e * Math.cos(x), e}, analytic, "exact");
        Check.fd(p -> ChainFx.chain3(p[0], p[1]), new double[] {x, a}, analytic);
        Check.hipparchus(d -> d[0].sin().exp().multiply(d[1]), new double[] {x, a}, analytic,
                "chain3");
    }

    @Test
    void theRecurrenceThroughALoopBodyWithARestoredPrimalBetweenTheLinks() {
        double x0 = 0.5;
        double a = 0.9;
        double b = 0.1;
        int steps = 25;
        var g = ChainFxGrad.recurrence(x0, a, b, steps);
        Check.sameValue(ChainFx.recurrence(x0, a, b, steps), g.value());
        double[] analytic = {g.x0(), g.a(), g.b()};
        // forward mode: x' = cos(x) a x' + (0, sin x, 1)
        double x = x0;
        double[] d = {1, 0, 0};
        for (int t = 0; t < steps; t++) {
            double k = Math.cos(x) * a;
            d = new double[] {k * d[0], k * d[1] + Math.sin(x), k * d[2] + 1};
            x = Math.sin(x) * a + b;
        }
        Check.exact(d, analytic, "exact");
        Check.fd(p -> ChainFx.recurrence(p[0], p[1], p[2], steps), new double[] {x0, a, b},
                analytic);
        Check.hipparchus(v -> {
            DerivativeStructure y = v[0];
            for (int t = 0; t < steps; t++) {
                y = y.sin().multiply(v[1]).add(v[2]);
            }
            return y;
        }, new double[] {x0, a, b}, analytic, "recurrence");
    }

    @Test
    void threeLinksPerIteration() {
        double x0 = 0.4;
        double a = 1.3;
        double b = 0.8;
        int steps = 12;
        var g = ChainFxGrad.recurrence3(x0, a, b, steps);
        Check.sameValue(ChainFx.recurrence3(x0, a, b, steps), g.value());
        double[] analytic = {g.x0(), g.a(), g.b()};
        // s = sin(x) a, x = cos(s) b, differentiated forward
        double x = x0;
        double[] d = {1, 0, 0};
        for (int t = 0; t < steps; t++) {
            double s = Math.sin(x) * a;
            double[] ds = {Math.cos(x) * a * d[0], Math.cos(x) * a * d[1] + Math.sin(x),
                Math.cos(x) * a * d[2]};
            double k = -Math.sin(s) * b;
            d = new double[] {k * ds[0], k * ds[1], k * ds[2] + Math.cos(s)};
            x = Math.cos(s) * b;
        }
        Check.exact(d, analytic, "exact");
        Check.fd(p -> ChainFx.recurrence3(p[0], p[1], p[2], steps), new double[] {x0, a, b},
                analytic);
    }

    @Test
    void anAdjointReadTwiceKeepsItsChain() {
        double x = 0.9;
        double w = -1.1;
        var g = ChainFxGrad.readTwice(x, w);
        double[] analytic = {g.x(), g.w()};
        double c = Math.cos(x * w);
        Check.exact(new double[] {w * c, x * c}, analytic, "exact");
        Check.fd(p -> ChainFx.readTwice(p[0], p[1]), new double[] {x, w}, analytic);
    }

    @Test
    void aPartialWhoseInputIsRestoredInBetweenKeepsItsChain() {
        double x0 = 0.7;
        double c0 = 0.3;
        int steps = 9;
        var g = ChainFxGrad.restoredInBetween(x0, c0, steps);
        Check.sameValue(ChainFx.restoredInBetween(x0, c0, steps), g.value());
        double[] analytic = {g.x0(), g.c0()};
        // s = sin x, c = cos c + 1, x = s c, differentiated forward; the result is x + c
        double x = x0;
        double c = c0;
        double[] dx = {1, 0};
        double[] dc = {0, 1};
        for (int t = 0; t < steps; t++) {
            double s = Math.sin(x);
            double[] dsv = {Math.cos(x) * dx[0], Math.cos(x) * dx[1]};
            double k = -Math.sin(c);
            c = Math.cos(c) + 1;
            dc = new double[] {k * dc[0], k * dc[1]};
            dx = new double[] {dsv[0] * c + s * dc[0], dsv[1] * c + s * dc[1]};
            x = s * c;
        }
        Check.exact(new double[] {dx[0] + dc[0], dx[1] + dc[1]}, analytic, "exact");
        Check.fd(p -> ChainFx.restoredInBetween(p[0], p[1], steps), new double[] {x0, c0},
                analytic);
    }
}
