package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.concat;
import static dev.adjoint.gradients.Check.dot;
import static dev.adjoint.gradients.Check.hvpMatchesDifferences;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Gradients through helpers that return their argument on one path and a new array on another
 * (issue 13): both paths, reads and writes through the result and the original after the call,
 * the result passed on by another helper, two candidate arguments, and in a loop; central
 * differences away from the switch points, exact values where they are short.
 */
class MaybeCopyTest {
    private static final double[] X = {0.7, -1.1, 0.4};
    private static final double[] Y = {-0.3, 0.9, 0.5};

    @Test
    void readsOnBothPaths() {
        for (double c : new double[] {0.8, -0.6}) {
            double[] x = X.clone();
            var g = MaybeCopyFxGrad.reads(x, c);
            Check.exact(X, x, "the caller's array is left as it was");
            Check.sameValue(MaybeCopyFx.reads(X.clone(), c), g.value());
            Check.fd(p -> MaybeCopyFx.reads(Arrays.copyOf(p, 3), p[3]), concat(X, c),
                    concat(g.x(), g.c()));
            // copy: q = {2 x0, x1, x2}: d/dx0 = 2 x1 + c; alias: d/dx0 = x1 + c
            Check.exact((c > 0 ? 2 : 1) * X[1] + c, g.x()[0], "d/dx0 for c = " + c);
            // d/dx1 = q0 + sin(x2) on both paths
            Check.exact((c > 0 ? 2 : 1) * X[0] + Math.sin(X[2]), g.x()[1], "d/dx1 for c = " + c);
        }
    }

    @Test
    void writesThroughTheResultAndTheOriginal() {
        for (double c : new double[] {0.8, 1.3, -0.6, -1.4}) {
            var g = MaybeCopyFxGrad.writes(X.clone(), c);
            Check.sameValue(MaybeCopyFx.writes(X.clone(), c), g.value());
            Check.fd(p -> MaybeCopyFx.writes(Arrays.copyOf(p, 3), p[3]), concat(X, c),
                    concat(g.x(), g.c()));
            double[] dx = {0.3, -0.2, 0.5};
            double dc = 0.4;
            var t = MaybeCopyFxGrad.writesTangent(X.clone(), c, dx, dc);
            Check.sameValue(g.value(), t.value());
            assertEquals(dot(concat(g.x(), g.c()), concat(dx, dc)), t.tangent(), 1e-12);
            var hv = MaybeCopyFxGrad.writesHvp(X.clone(), c, dx, dc);
            hvpMatchesDifferences(p -> {
                var q = MaybeCopyFxGrad.writes(Arrays.copyOf(p, 3), p[3]);
                return concat(q.x(), q.c());
            }, concat(X, c), concat(dx, dc), concat(hv.xHvp(), hv.cHvp()));
        }
    }

    @Test
    void resultPassedOnByAnotherHelper() {
        for (double c : new double[] {0.8, -0.6}) {
            var g = MaybeCopyFxGrad.passed(X.clone(), c);
            Check.sameValue(MaybeCopyFx.passed(X.clone(), c), g.value());
            Check.fd(p -> MaybeCopyFx.passed(Arrays.copyOf(p, 3), p[3]), concat(X, c),
                    concat(g.x(), g.c()));
            double[] dx = {0.3, -0.2, 0.5};
            double dc = 0.4;
            var t = MaybeCopyFxGrad.passedTangent(X.clone(), c, dx, dc);
            Check.sameValue(g.value(), t.value());
            assertEquals(dot(concat(g.x(), g.c()), concat(dx, dc)), t.tangent(), 1e-12);
            var hv = MaybeCopyFxGrad.passedHvp(X.clone(), c, dx, dc);
            hvpMatchesDifferences(p -> {
                var q = MaybeCopyFxGrad.passed(Arrays.copyOf(p, 3), p[3]);
                return concat(q.x(), q.c());
            }, concat(X, c), concat(dx, dc), concat(hv.xHvp(), hv.cHvp()));
            double q0 = (c > 0 ? 2 : 1) * X[0];
            Check.exact((c > 0 ? 2 : 1) * X[1] * X[1] + 1, g.x()[0], "d/dx0 for c = " + c);
            Check.exact(2 * q0 * X[1], g.x()[1], "d/dx1 for c = " + c);
        }
    }

    @Test
    void twoCandidateArgumentsAndANewArray() {
        for (double s : new double[] {0.9, -0.8, 0.2}) {
            double[] x = X.clone();
            double[] y = Y.clone();
            var g = MaybeCopyFxGrad.chooses(x, y, s);
            double[] px = X.clone();
            double[] py = Y.clone();
            Check.sameValue(MaybeCopyFx.chooses(px, py, s), g.value());
            // q[0] = q[0] * s writes into x when either returns it: as the primal does
            Check.exact(px, x, "x after the call, for s = " + s);
            Check.exact(py, y, "y after the call, for s = " + s);
            Check.exact(s > 0.5 ? 0.63 : X[0], x[0], "x[0] after the call, for s = " + s);
            Check.fd(p -> MaybeCopyFx.chooses(Arrays.copyOf(p, 3), Arrays.copyOfRange(p, 3, 6),
                    p[6]), concat(concat(X, Y), s), concat(concat(g.x(), g.y()), g.s()));
            double[] dx = {0.3, -0.2, 0.5};
            double[] dy = {-0.1, 0.6, 0.2};
            double ds = 0.7;
            double[] tx = X.clone();
            var t = MaybeCopyFxGrad.choosesTangent(tx, Y.clone(), s, dx, dy, ds);
            Check.exact(px, tx, "x after the tangent call, for s = " + s);
            Check.sameValue(g.value(), t.value());
            assertEquals(dot(concat(concat(g.x(), g.y()), g.s()), concat(concat(dx, dy), ds)),
                    t.tangent(), 1e-12);
            var hv = MaybeCopyFxGrad.choosesHvp(X.clone(), Y.clone(), s, dx, dy, ds);
            hvpMatchesDifferences(p -> {
                var q = MaybeCopyFxGrad.chooses(Arrays.copyOf(p, 3), Arrays.copyOfRange(p, 3, 6),
                        p[6]);
                return concat(concat(q.x(), q.y()), q.s());
            }, concat(concat(X, Y), s), concat(concat(dx, dy), ds),
                    concat(concat(hv.xHvp(), hv.yHvp()), hv.sHvp()));
        }
    }

    @Test
    void inALoopWithThePathChangingPerIteration() {
        for (int k = 0; k < 2; k++) {
            int start = k;
            var g = MaybeCopyFxGrad.inLoop(X.clone(), start);
            Check.sameValue(MaybeCopyFx.inLoop(X.clone(), start), g.value());
            Check.fd(p -> MaybeCopyFx.inLoop(p, start), X, g.x());
        }
    }

    @Test
    void writesIntoAConstantCandidate() {
        for (boolean copy : new boolean[] {true, false}) {
            double a = 1.3;
            var g = MaybeCopyFxGrad.intoConstant(a, copy);
            Check.sameValue(MaybeCopyFx.intoConstant(a, copy), g.value());
            Check.fd(p -> MaybeCopyFx.intoConstant(p[0], copy), new double[] {a},
                    new double[] {g.a()});
            // copy: q = {3, -0.5 a}, k[1] a - 1.5 a = -2 a; alias: k[1] = -0.5 a, so
            // -0.5 a^2 - 0.75 a
            Check.exact(copy ? -2.0 : -a - 0.75, g.a(), "d/da, copy = " + copy);
        }
    }

    @Test
    void timeSteppingThroughTheResult() {
        for (int k = 0; k < 3; k++) {
            int start = k;
            double[] x = X.clone();
            var g = MaybeCopyFxGrad.stepping(x, start);
            Check.exact(X, x, "x is left as it was");
            Check.sameValue(MaybeCopyFx.stepping(X.clone(), start), g.value());
            Check.fd(p -> MaybeCopyFx.stepping(p, start), X, g.x());
        }
    }
}
