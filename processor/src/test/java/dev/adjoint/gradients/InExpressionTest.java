package dev.adjoint.gradients;

import org.junit.jupiter.api.Test;

class InExpressionTest {

    private static final double[] X = {0.7, -1.3, 0.4, 2.1, -0.6};

    @Test
    void packedReadsMoveTheCounterInOrder() {
        var g = InExpressionFxGrad.packedReads(X);
        Check.sameValue(InExpressionFx.packedReads(X), g.value());
        Check.fd(InExpressionFx::packedReads, X, g.x());
        // a*b + sin(x2)*2: exact partials
        Check.exact(new double[] {X[1], X[0], 2 * Math.cos(X[2]), 0, 0}, g.x(), "x");
    }

    @Test
    void incrementInsideARowIndex() {
        double[][] w = {{0.3, -0.8, 1.1, 0.2, 0.5}, {-0.4, 0.9, 0.1, -1.2, 0.6}};
        var g = InExpressionFxGrad.rowIncrement(w, X);
        Check.sameValue(InExpressionFx.rowIncrement(w, X), g.value());
        Check.fd(p -> InExpressionFx.rowIncrement(w, p), X, g.x());
        Check.fd(p -> InExpressionFx.rowIncrement(new double[][] {
                java.util.Arrays.copyOfRange(p, 0, 5), java.util.Arrays.copyOfRange(p, 5, 10)}, X),
                concat(w[0], w[1]), concat(g.w()[0], g.w()[1]));
    }

    @Test
    void writeAtAnIncrementedIndex() {
        var g = InExpressionFxGrad.compact(X);
        Check.sameValue(InExpressionFx.compact(X), g.value());
        Check.fd(InExpressionFx::compact, X, g.x());
        // positives 0.7, 0.4, 2.1 at ranks 1, 2, 3: d/dv (rank * v^2) = 2 rank v
        Check.exact(new double[] {2 * 0.7, 0, 4 * 0.4, 6 * 2.1, 0}, g.x(), "x");
    }

    @Test
    void conditionsThatIncrement() {
        var g = InExpressionFxGrad.strideCondition(X);
        Check.sameValue(InExpressionFx.strideCondition(X), g.value());
        Check.fd(InExpressionFx::strideCondition, X, g.x());
        var h = InExpressionFxGrad.doWhileIncrement(X);
        Check.sameValue(InExpressionFx.doWhileIncrement(X), h.value());
        Check.fd(InExpressionFx::doWhileIncrement, X, h.x());
        double[] one = {1.5};
        var o = InExpressionFxGrad.doWhileIncrement(one);
        Check.exact(3.0, o.x()[0], "one trip");
    }

    @Test
    void javaEvaluationOrderIsKept() {
        var g = InExpressionFxGrad.leftBeforeRight(X, 0.8);
        Check.sameValue(InExpressionFx.leftBeforeRight(X, 0.8), g.value());
        Check.fd(p -> InExpressionFx.leftBeforeRight(java.util.Arrays.copyOf(p, X.length),
                p[X.length]), concat(X, new double[] {0.8}), concat(g.x(), new double[] {g.a()}));
        var h = InExpressionFxGrad.assignmentValues(0.6, -1.7);
        Check.sameValue(InExpressionFx.assignmentValues(0.6, -1.7), h.value());
        Check.fd(p -> InExpressionFx.assignmentValues(p[0], p[1]), new double[] {0.6, -1.7},
                new double[] {h.a(), h.b()});
        var k = InExpressionFxGrad.argumentsInOrder(X);
        Check.sameValue(InExpressionFx.argumentsInOrder(X), k.value());
        Check.fd(InExpressionFx::argumentsInOrder, X, k.x());
    }

    @Test
    void switchExpressionInALoopCondition() {
        for (int mode = 0; mode < 2; mode++) {
            int m = mode;
            var g = InExpressionFxGrad.switchInCondition(X, m);
            Check.sameValue(InExpressionFx.switchInCondition(X, m), g.value());
            Check.fd(p -> InExpressionFx.switchInCondition(p, m), X, g.x());
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
