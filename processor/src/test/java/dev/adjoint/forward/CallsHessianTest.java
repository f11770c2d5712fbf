package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directionalVector;
import static dev.adjoint.forward.ForwardCheck.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * mHvp and mHessian through calls to methods Adjoint differentiates (helpers with source, other
 * {@code @Differentiable} methods, array callees, callees in taped loops, recursion): against
 * finite differences of the generated gradient along the vector, and against Hipparchus
 * DerivativeStructure of order 2 on the same functions.
 */
class CallsHessianTest {

    private static void hipparchus(Function<DerivativeStructure[], DerivativeStructure> f,
            double[] x, double[] v, double[] hv, double[][] hessian) {
        ForwardCheck.Second ds = ForwardCheck.hipparchus(f, x);
        double[] expected = ds.times(v);
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], hv[i], 1e-9 * Math.max(1, Math.abs(expected[i])),
                    "Hipparchus H·v[" + i + "]");
            for (int j = 0; j < x.length; j++) {
                assertEquals(ds.hessian()[i][j], hessian[i][j],
                        1e-9 * Math.max(1, Math.abs(ds.hessian()[i][j])),
                        "Hipparchus H[" + i + "][" + j + "]");
            }
        }
    }

    static DerivativeStructure cube(DerivativeStructure u) {
        return u.multiply(u).multiply(u);
    }

    static DerivativeStructure mix(DerivativeStructure a, DerivativeStructure b) {
        DerivativeStructure s = a.getField().getZero();
        for (int i = 1; i <= 3; i++) {
            s = s.add(a.multiply(i).sin().multiply(b).divide(i));
        }
        return s;
    }

    static DerivativeStructure energy(DerivativeStructure[] w, DerivativeStructure s) {
        DerivativeStructure e = s.getField().getZero();
        for (DerivativeStructure wi : w) {
            e = e.add(s.multiply(wi).exp().multiply(wi));
        }
        return e;
    }

    @ParameterizedTest
    @CsvSource({"0.7, 1.3, 0.4, -0.9", "-1.1, 0.4, 1, 0", "0.3, -0.6, -0.3, 0.8"})
    void helpers(double x, double y, double vx, double vy) {
        CallsFxGrad.HelpersHvp h = CallsFxGrad.helpersHvp(x, y, vx, vy);
        assertEquals(CallsFx.helpers(x, y), h.value(), 0.0, "value() is the original's");
        CallsFxGrad.HelpersGradient g = CallsFxGrad.helpers(x, y);
        exact(new double[] {g.x(), g.y()}, new double[] {h.x(), h.y()}, "gradient");
        close(directionalVector(p -> {
            CallsFxGrad.HelpersGradient q = CallsFxGrad.helpers(p[0], p[1]);
            return new double[] {q.x(), q.y()};
        }, new double[] {x, y}, new double[] {vx, vy}, 1e-4),
                new double[] {h.xHvp(), h.yHvp()}, "FD of ∇");
        hipparchus(d -> cube(d[0].multiply(d[1])).add(mix(d[0], d[1]).sin().multiply(d[1])),
                new double[] {x, y}, new double[] {vx, vy}, new double[] {h.xHvp(), h.yHvp()},
                CallsFxGrad.helpersHessian(x, y).hessian());
    }

    @ParameterizedTest
    @CsvSource({"0.3, -0.2, 0.5, 0.9", "-0.4, 0.6, 0.1, -1.2"})
    void arrays(double w0, double w1, double w2, double x) {
        double[] w = {w0, w1, w2};
        double[] vw = {0.5, -1, 0.25};
        double vx = 0.7;
        CallsFxGrad.ArraysHvp h = CallsFxGrad.arraysHvp(w, x, vw, vx);
        assertEquals(CallsFx.arrays(w, x), h.value(), 0.0, "value() is the original's");
        CallsFxGrad.ArraysGradient g = CallsFxGrad.arrays(w, x);
        exact(g.w(), h.w(), "gradient w");
        exact(g.x(), h.x(), "gradient x");
        double[] actual = {h.wHvp()[0], h.wHvp()[1], h.wHvp()[2], h.xHvp()};
        close(directionalVector(p -> {
            CallsFxGrad.ArraysGradient q = CallsFxGrad.arrays(new double[] {p[0], p[1], p[2]},
                    p[3]);
            return new double[] {q.w()[0], q.w()[1], q.w()[2], q.x()};
        }, new double[] {w0, w1, w2, x}, new double[] {0.5, -1, 0.25, vx}, 1e-4), actual,
                "FD of ∇");
        hipparchus(d -> {
            DerivativeStructure[] ws = {d[0], d[1], d[2]};
            return energy(ws, d[3]).multiply(d[3]).add(cube(d[0]))
                    .subtract(energy(ws, d[3].multiply(0.5)));
        }, new double[] {w0, w1, w2, x}, new double[] {0.5, -1, 0.25, vx}, actual,
                CallsFxGrad.arraysHessian(w, x).hessian());
    }

    @ParameterizedTest
    @CsvSource({"0.4, 0.7, 5, 0.5, -1", "-0.3, 0.5, 4, 1, 0.25", "0.2, -0.5, 0, -0.3, 0.8"})
    void inLoop(double x, double a, int n, double vx, double va) {
        CallsFxGrad.InLoopHvp h = CallsFxGrad.inLoopHvp(x, a, n, vx, va);
        assertEquals(CallsFx.inLoop(x, a, n), h.value(), 0.0, "value() is the original's");
        close(directionalVector(p -> {
            CallsFxGrad.InLoopGradient q = CallsFxGrad.inLoop(p[0], p[1], n);
            return new double[] {q.x(), q.a()};
        }, new double[] {x, a}, new double[] {vx, va}, 1e-5),
                new double[] {h.xHvp(), h.aHvp()}, "FD of ∇");
        hipparchus(d -> {
            DerivativeStructure s = d[0];
            for (int i = 0; i < n; i++) {
                s = cube(s).multiply(d[1]).add(mix(s, d[1]));
            }
            return s;
        }, new double[] {x, a}, new double[] {vx, va}, new double[] {h.xHvp(), h.aHvp()},
                CallsFxGrad.inLoopHessian(x, a, n).hessian());
    }

    static DerivativeStructure recursive(DerivativeStructure x, DerivativeStructure y, int n) {
        if (n == 0) {
            return x.exp().multiply(y);
        }
        return x.multiply(recursive(x.sin().multiply(y), y, n - 1)).add(y.multiply(y));
    }

    @ParameterizedTest
    @CsvSource({"0.4, 0.7, 0", "0.4, 0.7, 1", "-0.6, 1.2, 4", "1.1, -0.3, 7"})
    void recursion(double x, double y, int n) {
        CallsFxGrad.RecursiveHvp h = CallsFxGrad.recursiveHvp(x, y, n, 0.3, -0.8);
        assertEquals(CallsFx.recursive(x, y, n), h.value(), 0.0, "value() is the original's");
        close(directionalVector(p -> {
            CallsFxGrad.RecursiveGradient q = CallsFxGrad.recursive(p[0], p[1], n);
            return new double[] {q.x(), q.y()};
        }, new double[] {x, y}, new double[] {0.3, -0.8}, 1e-5),
                new double[] {h.xHvp(), h.yHvp()}, "FD of ∇");
        hipparchus(d -> recursive(d[0], d[1], n), new double[] {x, y},
                new double[] {0.3, -0.8}, new double[] {h.xHvp(), h.yHvp()},
                CallsFxGrad.recursiveHessian(x, y, n).hessian());
    }
}
