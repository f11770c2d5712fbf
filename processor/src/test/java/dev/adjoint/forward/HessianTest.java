package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directionalVector;
import static dev.adjoint.forward.ForwardCheck.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * mHvp and mHessian on every construct: against finite differences of the generated gradient
 * along the vector, and on Math-heavy code against Hipparchus DerivativeStructure of order 2.
 */
class HessianTest {

    private static double[] mathGradient(double[] p) {
        TangentFxGrad.MathGradient g = TangentFxGrad.math(p[0], p[1]);
        return new double[] {g.x(), g.y()};
    }

    @ParameterizedTest
    @CsvSource({"0.7, 1.3, 0.4, -0.9", "-1.1, 0.4, 1, 0", "2.0, -0.6, -0.3, 0.8"})
    void math(double x, double y, double vx, double vy) {
        TangentFxGrad.MathHvp h = TangentFxGrad.mathHvp(x, y, vx, vy);
        assertEquals(TangentFx.math(x, y), h.value(), 0.0, "value() is the original's");
        TangentFxGrad.MathGradient g = TangentFxGrad.math(x, y);
        exact(g.x(), h.x(), "gradient x");
        exact(g.y(), h.y(), "gradient y");
        ForwardCheck.Second ds = ForwardCheck.hipparchus(d -> TangentTest.math(d[0], d[1]), x, y);
        double[] hv = ds.times(new double[] {vx, vy});
        assertEquals(hv[0], h.xHvp(), 1e-10 * Math.max(1, Math.abs(hv[0])), "Hipparchus x");
        assertEquals(hv[1], h.yHvp(), 1e-10 * Math.max(1, Math.abs(hv[1])), "Hipparchus y");
        close(directionalVector(HessianTest::mathGradient, new double[] {x, y},
                new double[] {vx, vy}, 1e-3), new double[] {h.xHvp(), h.yHvp()}, "FD of ∇");
        TangentFxGrad.MathHessian full = TangentFxGrad.mathHessian(x, y);
        assertEquals(h.value(), full.value(), 0.0);
        exact(g.x(), full.x(), "Hessian's gradient");
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(ds.hessian()[i][j], full.hessian()[i][j],
                        1e-10 * Math.max(1, Math.abs(ds.hessian()[i][j])), "H[" + i + "][" + j + "]");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0.7, 0.3", "-0.2, 0.9", "-2.5, 0.5", "1.5, -0.7"})
    void branches(double x, double y) {
        TangentFxGrad.BranchesHvp h = TangentFxGrad.branchesHvp(x, y, 0.6, -1.3);
        assertEquals(TangentFx.branches(x, y), h.value(), 0.0);
        close(directionalVector(p -> {
            TangentFxGrad.BranchesGradient g = TangentFxGrad.branches(p[0], p[1]);
            return new double[] {g.x(), g.y()};
        }, new double[] {x, y}, new double[] {0.6, -1.3}, 1e-5),
                new double[] {h.xHvp(), h.yHvp()}, "FD of ∇");
    }

    @ParameterizedTest
    @CsvSource({"0.9, 0.3, 5", "0.5, -0.2, 9", "1.2, 0.1, 12", "0.3, 0.05, 0"})
    void loopsWithTheTape(double x, double y, int n) {
        TangentFxGrad.LoopsHvp h = TangentFxGrad.loopsHvp(x, y, n, 1.0, 0.5);
        assertEquals(TangentFx.loops(x, y, n), h.value(), 0.0);
        TangentFxGrad.LoopsGradient g = TangentFxGrad.loops(x, y, n);
        exact(g.x(), h.x(), "gradient x");
        close(directionalVector(p -> {
            TangentFxGrad.LoopsGradient q = TangentFxGrad.loops(p[0], p[1], n);
            return new double[] {q.x(), q.y()};
        }, new double[] {x, y}, new double[] {1.0, 0.5}, 1e-6),
                new double[] {h.xHvp(), h.yHvp()}, "FD of ∇");
        TangentFxGrad.LoopsHessian full = TangentFxGrad.loopsHessian(x, y, n);
        TangentFxGrad.LoopsHvp e0 = TangentFxGrad.loopsHvp(x, y, n, 1, 0);
        TangentFxGrad.LoopsHvp e1 = TangentFxGrad.loopsHvp(x, y, n, 0, 1);
        exact(new double[] {e0.xHvp(), e0.yHvp()}, full.hessian()[0], "row 0");
        exact(new double[] {e1.xHvp(), e1.yHvp()}, full.hessian()[1], "row 1");
        close(full.hessian()[0][1], full.hessian()[1][0], "symmetric");
    }

    @Test
    void arrays() {
        double[] flat = {0.3, -0.8, 1.1, 0.5, -0.2, 0.1, -0.7, 0.4, 0.9, 1.7};
        double[] v = {1, 0.5, -0.25, 0.1, 0.2, 0.3, -0.3, 0.0, 0.7, -0.4};
        TangentFxGrad.ArraysHvp h = TangentFxGrad.arraysHvp(new double[] {0.3, -0.8, 1.1},
                new double[][] {{0.5, -0.2, 0.1}, {-0.7, 0.4, 0.9}}, 1.7,
                new double[] {1, 0.5, -0.25}, new double[][] {{0.1, 0.2, 0.3}, {-0.3, 0.0, 0.7}},
                -0.4);
        double[] actual = new double[10];
        System.arraycopy(h.xHvp(), 0, actual, 0, 3);
        System.arraycopy(h.wHvp()[0], 0, actual, 3, 3);
        System.arraycopy(h.wHvp()[1], 0, actual, 6, 3);
        actual[9] = h.scaleHvp();
        close(directionalVector(HessianTest::arraysGradient, flat, v, 1e-4), actual, "FD of ∇");
        TangentFxGrad.ArraysHessian full = TangentFxGrad.arraysHessian(
                new double[] {0.3, -0.8, 1.1}, new double[][] {{0.5, -0.2, 0.1}, {-0.7, 0.4, 0.9}},
                1.7);
        assertEquals(10, full.hessian().length);
        double[] hv = new double[10];
        for (int i = 0; i < 10; i++) {
            hv[i] = ForwardCheck.dot(full.hessian()[i], v);
        }
        close(actual, hv, "Hessian · v");
    }

    private static double[] arraysGradient(double[] p) {
        TangentFxGrad.ArraysGradient g = TangentFxGrad.arrays(new double[] {p[0], p[1], p[2]},
                new double[][] {{p[3], p[4], p[5]}, {p[6], p[7], p[8]}}, p[9]);
        return new double[] {g.x()[0], g.x()[1], g.x()[2], g.w()[0][0], g.w()[0][1],
            g.w()[0][2], g.w()[1][0], g.w()[1][1], g.w()[1][2], g.scale()};
    }

    /**
     * Forward over reverse through a checkpointed loop: the reverse sweep restores snapshots and
     * recomputes segments, pushing and popping values with their tangents again.
     */
    @ParameterizedTest
    @CsvSource({"0.4, 1.3, 7, 0.5, -1", "-0.9, 0.6, 10, 1, 0.25", "0.2, -1.1, 2, -0.3, 0.8",
            "0.7, 0.9, 0, 1, 1"})
    void checkpointedLoop(double x, double a, int n, double vx, double va) {
        TangentFxGrad.CheckpointedHvp h = TangentFxGrad.checkpointedHvp(x, a, n, vx, va);
        assertEquals(TangentFx.checkpointed(x, a, n), h.value(), 0.0, "value() is the original's");
        TangentFxGrad.CheckpointedGradient g = TangentFxGrad.checkpointed(x, a, n);
        exact(g.x(), h.x(), "gradient x");
        exact(g.a(), h.a(), "gradient a");
        close(directionalVector(p -> {
            TangentFxGrad.CheckpointedGradient q = TangentFxGrad.checkpointed(p[0], p[1], n);
            return new double[] {q.x(), q.a()};
        }, new double[] {x, a}, new double[] {vx, va}, 1e-4),
                new double[] {h.xHvp(), h.aHvp()}, "FD of ∇");
        ForwardCheck.Second ds = ForwardCheck.hipparchus(d -> {
            DerivativeStructure s = d[0];
            for (int i = 0; i < n; i++) {
                s = s.sin().multiply(d[1]).add(s.multiply(s).multiply(0.1));
            }
            return s;
        }, x, a);
        double[] hv = ds.times(new double[] {vx, va});
        assertEquals(hv[0], h.xHvp(), 1e-10 * Math.max(1, Math.abs(hv[0])), "Hipparchus x");
        assertEquals(hv[1], h.aHvp(), 1e-10 * Math.max(1, Math.abs(hv[1])), "Hipparchus a");
    }

    @Test
    void runtimeHelpersHaveSecondDerivatives() {
        double[] p = {0.3, -1.2, 2.0};
        double[] q = {0.1, 0.4, -0.5};
        TangentFxGrad.LossesHessian full = TangentFxGrad.lossesHessian(p, q);
        for (int k = 0; k < 6; k++) {
            double[] e = new double[6];
            e[k] = 1;
            double[] column = directionalVector(z -> {
                TangentFxGrad.LossesGradient g = TangentFxGrad.losses(
                        new double[] {z[0], z[1], z[2]}, new double[] {z[3], z[4], z[5]});
                return new double[] {g.p()[0], g.p()[1], g.p()[2], g.t()[0], g.t()[1], g.t()[2]};
            }, new double[] {0.3, -1.2, 2.0, 0.1, 0.4, -0.5}, e, 1e-4);
            for (int i = 0; i < 6; i++) {
                close(column[i], full.hessian()[i][k], "losses H[" + i + "][" + k + "]");
            }
        }
        double[] x = {1, 5, 2, 0, 3, 1};
        TangentFxGrad.NetworkHessian net = TangentFxGrad.networkHessian(1, 5, 2, 0, 3, 1);
        for (int k = 0; k < 6; k++) {
            double[] e = new double[6];
            e[k] = 1;
            double[] column = directionalVector(z -> {
                TangentFxGrad.NetworkGradient g =
                        TangentFxGrad.network(z[0], z[1], z[2], z[3], z[4], z[5]);
                return new double[] {g.x(), g.y(), g.w1(), g.b1(), g.w2(), g.b2()};
            }, x, e, 1e-4);
            for (int i = 0; i < 6; i++) {
                close(column[i], net.hessian()[i][k], "network H[" + i + "][" + k + "]");
            }
        }
    }

    /**
     * The seed's network at the seed's point (x = 1, y = 5, w1 = 2, b1 = 0, w2 = 3, b2 = 1), by
     * hand: both ReLUs are active, so near the point J = ½e² with e = w2 (w1 x + b1) + b2 - y = 2;
     * H = g gᵀ + e ∇²a2 with g = ∇e = (w2 w1, -1, w2 x, w2, a1, 1) = (6, -1, 3, 3, 2, 1), and
     * ∇²a2 has w2 = 3 at (x, w1), w1 = 2 at (x, w2), x = 1 at (w1, w2) and 1 at (b1, w2).
     */
    @Test
    void seedNetworkByHand() {
        TangentFxGrad.SeedHessian h = TangentFxGrad.seedHessian(1, 5, 2, 0, 3, 1);
        assertEquals(2, h.value(), 0.0);
        double[] g = {6, -1, 3, 3, 2, 1};
        double[][] expected = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                expected[i][j] = g[i] * g[j];
            }
        }
        double e = 2;
        int x = 0;
        int w1 = 2;
        int b1 = 3;
        int w2 = 4;
        expected[x][w1] += e * 3;
        expected[w1][x] += e * 3;
        expected[x][w2] += e * 2;
        expected[w2][x] += e * 2;
        expected[w1][w2] += e * 1;
        expected[w2][w1] += e * 1;
        expected[b1][w2] += e * 1;
        expected[w2][b1] += e * 1;
        for (int i = 0; i < 6; i++) {
            exact(expected[i], h.hessian()[i], "row " + i);
        }
        exact(new double[] {12, -2, 6, 6, 4, 2},
                new double[] {h.x(), h.y(), h.w1(), h.b1(), h.w2(), h.b2()}, "gradient e·g");
    }
}
