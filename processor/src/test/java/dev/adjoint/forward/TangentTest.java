package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directional;
import static dev.adjoint.forward.ForwardCheck.dot;
import static dev.adjoint.forward.ForwardCheck.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * mTangent on every construct: against finite differences of the primal, against the generated
 * gradient (tangent = gradient · direction) and, on Math-heavy code, against Hipparchus.
 */
class TangentTest {

    static DerivativeStructure math(DerivativeStructure x, DerivativeStructure y) {
        DerivativeStructure a = x.multiply(y).sin().add(x.exp().divide(y.multiply(y).add(1)));
        DerivativeStructure b = DerivativeStructure.atan2(y, x)
                .multiply(x.multiply(x).add(y.multiply(y)).sqrt())
                .subtract(x.multiply(x).log1p());
        return a.multiply(b).add(x.pow(3)).subtract(y.tanh().remainder(0.7));
    }

    @ParameterizedTest
    @CsvSource({"0.7, 1.3, 0.4, -0.9", "-1.1, 0.4, 1, 0", "2.0, -0.6, -0.3, 0.8"})
    void math(double x, double y, double vx, double vy) {
        TangentFxGrad.MathTangent t = TangentFxGrad.mathTangent(x, y, vx, vy);
        assertEquals(TangentFx.math(x, y), t.value(), 0.0, "value() is the original's");
        TangentFxGrad.MathGradient g = TangentFxGrad.math(x, y);
        exact(g.x() * vx + g.y() * vy, t.tangent(), "gradient · v");
        close(directional(p -> TangentFx.math(p[0], p[1]), new double[] {x, y},
                new double[] {vx, vy}, 1e-3), t.tangent(), "FD");
        ForwardCheck.Second ds = ForwardCheck.hipparchus(d -> math(d[0], d[1]), x, y);
        exact(dot(ds.gradient(), new double[] {vx, vy}), t.tangent(), "Hipparchus");
    }

    @ParameterizedTest
    @CsvSource({"0.7, 0.3", "-0.2, 0.9", "-2.5, 0.5", "1.5, -0.7"})
    void branches(double x, double y) {
        double vx = 0.6;
        double vy = -1.3;
        TangentFxGrad.BranchesTangent t = TangentFxGrad.branchesTangent(x, y, vx, vy);
        assertEquals(TangentFx.branches(x, y), t.value(), 0.0);
        TangentFxGrad.BranchesGradient g = TangentFxGrad.branches(x, y);
        exact(g.x() * vx + g.y() * vy, t.tangent(), "gradient · v");
        close(directional(p -> TangentFx.branches(p[0], p[1]), new double[] {x, y},
                new double[] {vx, vy}, 1e-5), t.tangent(), "FD");
    }

    @ParameterizedTest
    @CsvSource({"0.9, 0.3, 5", "0.5, -0.2, 9", "1.2, 0.1, 12", "0.3, 0.05, 0"})
    void loops(double x, double y, int n) {
        TangentFxGrad.LoopsTangent t = TangentFxGrad.loopsTangent(x, y, n, 1.0, 0.5);
        assertEquals(TangentFx.loops(x, y, n), t.value(), 0.0);
        TangentFxGrad.LoopsGradient g = TangentFxGrad.loops(x, y, n);
        exact(g.x() + 0.5 * g.y(), t.tangent(), "gradient · v");
        close(directional(p -> TangentFx.loops(p[0], p[1], n), new double[] {x, y},
                new double[] {1.0, 0.5}, 1e-6), t.tangent(), "FD");
    }

    @Test
    void arrays() {
        double[] x = {0.3, -0.8, 1.1};
        double[][] w = {{0.5, -0.2, 0.1}, {-0.7, 0.4, 0.9}};
        double[] dx = {1, 0.5, -0.25};
        double[][] dw = {{0.1, 0.2, 0.3}, {-0.3, 0.0, 0.7}};
        TangentFxGrad.ArraysTangent t = TangentFxGrad.arraysTangent(x, w, 1.7, dx, dw, -0.4);
        assertEquals(TangentFx.arrays(x, w, 1.7), t.value(), 0.0);
        TangentFxGrad.ArraysGradient g = TangentFxGrad.arrays(x, w, 1.7);
        double expected = dot(g.x(), dx) + dot(g.w()[0], dw[0]) + dot(g.w()[1], dw[1])
                + g.scale() * -0.4;
        exact(expected, t.tangent(), "gradient · v");
        double[] flat = {0.3, -0.8, 1.1, 0.5, -0.2, 0.1, -0.7, 0.4, 0.9, 1.7};
        double[] v = {1, 0.5, -0.25, 0.1, 0.2, 0.3, -0.3, 0.0, 0.7, -0.4};
        close(directional(p -> TangentFx.arrays(new double[] {p[0], p[1], p[2]},
                new double[][] {{p[3], p[4], p[5]}, {p[6], p[7], p[8]}}, p[9]), flat, v, 1e-4),
                t.tangent(), "FD");
        // the directions are read, never written
        assertEquals(1.0, dx[0], 0.0);
        assertEquals(0.7, dw[1][2], 0.0);
    }

    @ParameterizedTest
    @CsvSource({"0.7, 1.3, 3", "-0.4, 0.9, 0", "1.1, -0.5, 6"})
    void callsAndRecursion(double x, double y, int n) {
        TangentFxGrad.CallsTangent t = TangentFxGrad.callsTangent(x, y, n, -0.3, 0.8);
        assertEquals(TangentFx.calls(x, y, n), t.value(), 0.0);
        TangentFxGrad.CallsGradient g = TangentFxGrad.calls(x, y, n);
        exact(-0.3 * g.x() + 0.8 * g.y(), t.tangent(), "gradient · v");
        close(directional(p -> TangentFx.calls(p[0], p[1], n), new double[] {x, y},
                new double[] {-0.3, 0.8}, 1e-4), t.tangent(), "FD");
    }

    @Test
    void runtimeHelpers() {
        double[] p = {0.3, -1.2, 2.0};
        double[] q = {0.1, 0.4, -0.5};
        double[] dp = {1, -2, 0.5};
        double[] dq = {0.3, 0.3, -1};
        TangentFxGrad.LossesTangent t = TangentFxGrad.lossesTangent(p, q, dp, dq);
        TangentFxGrad.LossesGradient g = TangentFxGrad.losses(p, q);
        exact(dot(g.p(), dp) + dot(g.t(), dq), t.tangent(), "gradient · v");
        close(directional(z -> TangentFx.losses(new double[] {z[0], z[1], z[2]},
                new double[] {z[3], z[4], z[5]}), new double[] {0.3, -1.2, 2.0, 0.1, 0.4, -0.5},
                new double[] {1, -2, 0.5, 0.3, 0.3, -1}, 1e-4), t.tangent(), "FD");
        TangentFxGrad.NetworkTangent n =
                TangentFxGrad.networkTangent(1, 5, 2, 0, 3, 1, 0, 0.5, 1, -1, 0.25, 2);
        TangentFxGrad.NetworkGradient ng = TangentFxGrad.network(1, 5, 2, 0, 3, 1);
        exact(0.5 * ng.y() + ng.w1() - ng.b1() + 0.25 * ng.w2() + 2 * ng.b2(), n.tangent(),
                "network");
    }
}
