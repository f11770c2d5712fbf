package dev.adjoint.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.adjoint.GradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Instance methods of records: {@code ModelFxGrad.loss(self, x, label).self()}. */
class InstanceTest {
    private static final double TOL = 1e-6;

    static ModelFx model(Random r) {
        return new ModelFx(random(r, 4, 3), random(r, 1, 4)[0], random(r, 3, 4),
                random(r, 1, 3)[0], "m");
    }

    @Test
    void lossGradientWithRespectToSelfAndInput() {
        ModelFx m = model(new Random(5));
        double[] x = {0.3, -0.8, 1.1};
        ModelFxGrad.LossGradient g = ModelFxGrad.loss(m, x, 1);
        assertEquals(m.loss(x, 1), g.value(), 0.0);
        ModelFx d = g.self();
        assertSame(m.name(), d.name());
        GradientCheck.compare(v -> unflatten(v, m).loss(x, 1), flatten(m), flatten(d))
                .assertWithin(TOL);
        GradientCheck.compare(v -> m.loss(v, 1), x.clone(), g.x()).assertWithin(TOL);
    }

    @Test
    void wrtSelfOnly() {
        ModelFx m = model(new Random(6));
        ModelFxGrad.PenaltyGradient g = ModelFxGrad.penalty(m, 0.5);
        assertEquals(m.penalty(0.5), g.value(), 0.0);
        // exact: d/dw1 = 2 lambda w1, d/db2[0] = 2 b2[0], the rest 0
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(m.w1()[j][i], g.self().w1()[j][i], 1e-15);
            }
        }
        assertEquals(2 * m.b2()[0], g.self().b2()[0], 1e-15);
        assertArrayEquals(new double[4], g.self().b1());
        GradientCheck.compare(v -> unflatten(v, m).penalty(0.5), flatten(m), flatten(g.self()))
                .assertWithin(TOL);
    }

    @Test
    void selfReadButNotDifferentiated() {
        ModelFx m = model(new Random(7));
        ModelFxGrad.ReadsSelfGradient g = ModelFxGrad.readsSelf(m, 0.4);
        assertEquals(m.readsSelf(0.4), g.value(), 0.0);
        GradientCheck.compare(v -> m.readsSelf(v[0]), new double[] {0.4}, new double[] {g.x()})
                .assertWithin(TOL);
        double w = m.w1()[0][0];
        assertEquals(Math.cos(0.4 * w) * w + m.b1()[0], g.x(), 1e-15);
    }

    @Test
    void callsBetweenInstanceMethods() {
        ModelFx m = model(new Random(8));
        double[] x = {0.2, 0.5, -0.7};
        ModelFxGrad.RegularizedGradient g = ModelFxGrad.regularized(m, x, 2, 1.3);
        assertEquals(m.regularized(x, 2, 1.3), g.value(), 0.0);
        GradientCheck.compare(v -> unflatten(v, m).regularized(x, 2, 1.3), flatten(m),
                flatten(g.self())).assertWithin(TOL);
        GradientCheck.compare(v -> m.regularized(v, 2, 1.3), x.clone(), g.x()).assertWithin(TOL);
        GradientCheck.compare(v -> m.regularized(x, 2, v[0]), new double[] {1.3},
                new double[] {g.k()}).assertWithin(TOL);
    }

    @Test
    void methodsCalledOnTwoRecordParameters() {
        ModelFx a = model(new Random(9));
        ModelFx b = model(new Random(10));
        double[] x = {0.9, -0.1, 0.4};
        ModelFxGrad.TwoModelsGradient g = ModelFxGrad.twoModels(a, b, x);
        assertEquals(ModelFx.twoModels(a, b, x), g.value(), 0.0);
        GradientCheck.compare(v -> ModelFx.twoModels(unflatten(v, a), b, x), flatten(a),
                flatten(g.a())).assertWithin(TOL);
        GradientCheck.compare(v -> ModelFx.twoModels(a, unflatten(v, b), x), flatten(b),
                flatten(g.b())).assertWithin(TOL);
        GradientCheck.compare(v -> ModelFx.twoModels(a, b, v), x.clone(), g.x())
                .assertWithin(TOL);
    }

    @Test
    void methodOfANestedRecordCalledOnAComponent() {
        RecordsFx.Mlp m = RecordsTest.randomMlp(new Random(11), 3, 4, 2);
        double[] x = {0.3, 0.1, -0.6};
        RecordsFxGrad.NestedCallGradient g = RecordsFxGrad.nestedCall(m, x);
        assertEquals(RecordsFx.nestedCall(m, x), g.value(), 0.0);
        GradientCheck.compare(v -> RecordsFx.nestedCall(RecordsTest.unflatten(v, m), x),
                RecordsTest.flatten(m), RecordsTest.flatten(g.m())).assertWithin(TOL);
    }

    @Test
    void instanceCallInsideALoop() {
        ModelFx m = model(new Random(12));
        double[][] xs = {{0.2, 0.5, -0.7}, {1.0, -0.3, 0.1}, {-0.4, 0.8, 0.6}};
        int[] labels = {0, 2, 1};
        ModelFxGrad.BatchLossGradient g = ModelFxGrad.batchLoss(m, xs, labels);
        assertEquals(m.batchLoss(xs, labels), g.value(), 0.0);
        GradientCheck.compare(v -> unflatten(v, m).batchLoss(xs, labels), flatten(m),
                flatten(g.self())).assertWithin(TOL);
    }

    @Test
    void wrtAComponentPathOfSelf() {
        ModelFx m = model(new Random(13));
        ModelFxGrad.BiasGradient g = ModelFxGrad.bias(m, 2.0);
        assertEquals(m.bias(2.0), g.value(), 0.0);
        // d/db2[0] = t^2, d/db2[1] = w1[0][0], everything else outside wrt: zeros
        assertArrayEquals(new double[] {4.0, m.w1()[0][0], 0.0}, g.self().b2(), 0.0);
        assertArrayEquals(new double[4], g.self().b1(), 0.0);
        assertEquals(0.0, g.self().w1()[0][0]);
    }

    // ------------------------------------------------------------------------------ helpers

    static double[][] random(Random r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int i = 0; i < cols; i++) {
                row[i] = r.nextGaussian() * 0.5;
            }
        }
        return m;
    }

    static double[] flatten(ModelFx m) {
        return RecordsTest.concat(
                RecordsTest.concat(RecordsTest.flatten(m.w1()), m.b1()),
                RecordsTest.concat(RecordsTest.flatten(m.w2()), m.b2()));
    }

    static ModelFx unflatten(double[] v, ModelFx shape) {
        int[] k = {0};
        return new ModelFx(take(v, k, shape.w1()), take(v, k, shape.b1()),
                take(v, k, shape.w2()), take(v, k, shape.b2()), shape.name());
    }

    private static double[][] take(double[] v, int[] k, double[][] shape) {
        double[][] out = new double[shape.length][];
        for (int i = 0; i < shape.length; i++) {
            out[i] = take(v, k, shape[i]);
        }
        return out;
    }

    private static double[] take(double[] v, int[] k, double[] shape) {
        double[] out = java.util.Arrays.copyOfRange(v, k[0], k[0] + shape.length);
        k[0] += shape.length;
        return out;
    }
}
