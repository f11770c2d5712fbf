package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directionalVector;
import static dev.adjoint.forward.ForwardCheck.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** mJacobian by forward sweeps and by reverse sweeps, and checkpointed loops under mTangent/mHvp. */
class JacobianTest {
    private static final double[] TIMES = {0, 0.5, 1.0, 1.5};
    private static final double[] OBSERVED = {2.1, 2.9, 4.2, 6.0};

    @Test
    void moreOutputsThanInputsByForwardSweeps() {
        double[] p = {2.0, 0.7, 0.1};
        TangentFxGrad.ResidualsJacobian j = TangentFxGrad.residualsJacobian(p, TIMES, OBSERVED);
        exact(TangentFx.residuals(p, TIMES, OBSERVED), j.values(), "values");
        assertEquals(4, j.jacobian().length);
        for (int i = 0; i < 4; i++) {
            // exact: d/dp0 = e^(p1 t), d/dp1 = p0 t e^(p1 t), d/dp2 = 1
            double e = Math.exp(p[1] * TIMES[i]);
            exact(new double[] {e, p[0] * TIMES[i] * e, 1}, j.jacobian()[i], "row " + i);
        }
        for (int k = 0; k < 3; k++) {
            double[] unit = new double[3];
            unit[k] = 1;
            double[] column = directionalVector(q -> TangentFx.residuals(q, TIMES, OBSERVED), p,
                    unit, 1e-4);
            for (int i = 0; i < 4; i++) {
                close(column[i], j.jacobian()[i][k], "FD J[" + i + "][" + k + "]");
            }
        }
        TangentFxGrad.ResidualsTangent t = TangentFxGrad.residualsTangent(p, TIMES, OBSERVED,
                new double[] {1, -1, 0.5});
        for (int i = 0; i < 4; i++) {
            exact(j.jacobian()[i][0] - j.jacobian()[i][1] + 0.5 * j.jacobian()[i][2],
                    t.tangent()[i], "J v");
        }
    }

    @Test
    void moreInputsThanOutputsByReverseSweeps() {
        double[] x = {0.3, -0.5, 0.8, 1.1, -0.2};
        TangentFxGrad.PairJacobian j = TangentFxGrad.pairJacobian(x, 1.3);
        exact(TangentFx.pair(x, 1.3), j.values(), "values");
        assertEquals(2, j.jacobian().length);
        assertEquals(6, j.jacobian()[0].length);
        double[] flat = {0.3, -0.5, 0.8, 1.1, -0.2, 1.3};
        for (int k = 0; k < 6; k++) {
            double[] unit = new double[6];
            unit[k] = 1;
            double[] column = directionalVector(q -> TangentFx.pair(
                    new double[] {q[0], q[1], q[2], q[3], q[4]}, q[5]), flat, unit, 1e-4);
            for (int i = 0; i < 2; i++) {
                close(column[i], j.jacobian()[i][k], "FD J[" + i + "][" + k + "]");
            }
        }
        TangentFxGrad.PairGradient row0 = TangentFxGrad.pair(x, 1.3, new double[] {1, 0});
        exact(row0.x(), java.util.Arrays.copyOf(j.jacobian()[0], 5), "VJP row 0");
    }

    @Test
    void checkpointedLoop() {
        for (int n : new int[] {0, 1, 7, 10}) {
            TangentFxGrad.CheckpointedTangent t =
                    TangentFxGrad.checkpointedTangent(0.4, 1.2, n, 1, -0.5);
            assertEquals(TangentFx.checkpointed(0.4, 1.2, n), t.value(), 0.0);
            TangentFxGrad.CheckpointedGradient g = TangentFxGrad.checkpointed(0.4, 1.2, n);
            exact(g.x() - 0.5 * g.a(), t.tangent(), "gradient · v, n = " + n);
            TangentFxGrad.CheckpointedHvp h = TangentFxGrad.checkpointedHvp(0.4, 1.2, n, 1, -0.5);
            exact(g.x(), h.x(), "gradient, n = " + n);
            close(directionalVector(q -> {
                TangentFxGrad.CheckpointedGradient r = TangentFxGrad.checkpointed(q[0], q[1], n);
                return new double[] {r.x(), r.a()};
            }, new double[] {0.4, 1.2}, new double[] {1, -0.5}, 1e-4),
                    new double[] {h.xHvp(), h.aHvp()}, "FD of ∇, n = " + n);
        }
    }
}
