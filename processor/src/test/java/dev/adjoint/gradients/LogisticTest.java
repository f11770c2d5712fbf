package dev.adjoint.gradients;

import java.util.Arrays;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/** Logistic helpers differentiated from their results (LogisticFx): FD, Hipparchus, exact. */
class LogisticTest {

    private static DerivativeStructure sig(DerivativeStructure x) {
        return x.negate().exp().add(1).reciprocal();
    }

    private static double sig(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void straightLine() {
        double x = 0.7;
        double w = -1.3;
        var g = LogisticFxGrad.straight(x, w);
        Check.sameValue(LogisticFx.straight(x, w), g.value());
        double[] analytic = {g.x(), g.w()};
        Check.fd(p -> LogisticFx.straight(p[0], p[1]), new double[] {x, w}, analytic);
        Check.hipparchus(d -> {
            DerivativeStructure s = sig(d[0].multiply(d[1]));
            return s.multiply(sig(s.subtract(d[0]))).add(s);
        }, new double[] {x, w}, analytic, "straight");
    }

    @Test
    void sumLoop() {
        double[] x = {0.4, -1.1, 2.0, 0.3};
        double[] y = {1.5, -0.5, 0.25, 2.0};
        double w = 0.8;
        var g = LogisticFxGrad.sumLoop(x, w, y);
        Check.sameValue(LogisticFx.sumLoop(x, w, y), g.value());
        double[] gx = new double[4];
        double gw = 0;
        for (int i = 0; i < 4; i++) {
            double s = sig(w * x[i] + 0.1);
            double d = s * (1 - s) * y[i];
            gx[i] = d * w;
            gw += d * x[i];
        }
        Check.exact(gx, g.x(), "x");
        Check.exact(gw, g.w(), "w");
        Check.fd(p -> LogisticFx.sumLoop(Arrays.copyOf(p, 4), p[4], y),
                new double[] {x[0], x[1], x[2], x[3], w},
                new double[] {g.x()[0], g.x()[1], g.x()[2], g.x()[3], g.w()});
    }

    @Test
    void recurrence() {
        double[] x = {0.4, -1.1, 2.0, 0.3, -0.7};
        double a = 1.7;
        var g = LogisticFxGrad.recurrence(x, a);
        Check.sameValue(LogisticFx.recurrence(x, a), g.value());
        double[] analytic = Arrays.copyOf(g.x(), 6);
        analytic[5] = g.a();
        Check.fd(p -> LogisticFx.recurrence(Arrays.copyOf(p, 5), p[5]),
                new double[] {x[0], x[1], x[2], x[3], x[4], a}, analytic);
        Check.hipparchus(d -> {
            DerivativeStructure h = d[0].getField().getZero().add(0.3);
            for (int i = 0; i < 5; i++) {
                DerivativeStructure s = sig(d[5].multiply(h).add(d[i]));
                h = s.multiply(h).add(d[i]).multiply(s);
            }
            return h;
        }, new double[] {x[0], x[1], x[2], x[3], x[4], a}, analytic, "recurrence");
    }

    @Test
    void assignedTwiceAndLookAlike() {
        double x = 0.35;
        double w = 2.1;
        var g = LogisticFxGrad.twice(x, w);
        Check.sameValue(LogisticFx.twice(x, w), g.value());
        double[] analytic = {g.x(), g.w()};
        Check.fd(p -> LogisticFx.twice(p[0], p[1]), new double[] {x, w}, analytic);
        Check.hipparchus(d -> {
            DerivativeStructure s = sig(sig(d[0]).multiply(d[1]));
            DerivativeStructure u = s.add(d[0]).exp().add(1).reciprocal();
            return s.multiply(u);
        }, new double[] {x, w}, analytic, "twice");
    }

    @Test
    void tanhAndExpFromTheirResults() {
        double[] x = {0.4, -1.1, 2.0, 0.3, -0.7};
        double a = 0.9;
        var g = LogisticFxGrad.tanhExp(x, a);
        Check.sameValue(LogisticFx.tanhExp(x, a), g.value());
        double[] analytic = Arrays.copyOf(g.x(), 6);
        analytic[5] = g.a();
        double[] at = {x[0], x[1], x[2], x[3], x[4], a};
        Check.fd(p -> LogisticFx.tanhExp(Arrays.copyOf(p, 5), p[5]), at, analytic);
        Check.hipparchus(d -> {
            DerivativeStructure h = d[0].getField().getZero().add(0.2);
            DerivativeStructure total = d[0].getField().getZero();
            for (int i = 0; i < 5; i++) {
                DerivativeStructure c = d[5].multiply(h).add(d[i]).tanh();
                DerivativeStructure e = c.negate().multiply(d[i]).exp();
                h = c.multiply(e).add(h.multiply(0.5));
                total = total.add(e);
            }
            return total.add(h);
        }, at, analytic, "tanhExp");
    }

    @Test
    void lstmLikeCells() {
        int b = 3;
        double[] p = new double[4 * b];
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.9 * Math.sin(1.3 * i + 0.2);
        }
        double[] x = {0.5, -0.8, 1.2};
        var g = LogisticFxGrad.cells(p, x, 3);
        Check.sameValue(LogisticFx.cells(p, x, 3), g.value());
        double[] all = new double[p.length + b];
        double[] analytic = new double[p.length + b];
        System.arraycopy(p, 0, all, 0, p.length);
        System.arraycopy(x, 0, all, p.length, b);
        System.arraycopy(g.p(), 0, analytic, 0, p.length);
        System.arraycopy(g.x(), 0, analytic, p.length, b);
        Check.fd(q -> LogisticFx.cells(Arrays.copyOf(q, p.length),
                Arrays.copyOfRange(q, p.length, p.length + b), 3), all, analytic);
    }
}
