package dev.adjoint.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.adjoint.GradientCheck;
import dev.adjoint.records.RecordsFx.Affine;
import dev.adjoint.records.RecordsFx.Heston;
import dev.adjoint.records.RecordsFx.Layer;
import dev.adjoint.records.RecordsFx.Mlp;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Records as differentiated parameters: every gradient against 5-point central differences. */
class RecordsTest {
    private static final double TOL = 1e-6;

    @Test
    void affineRecordExact() {
        // d = w x + b - y = 2*3 + 1 - 4 = 3; loss = 4.5; dw = d x = 9, db = d = 3
        RecordsFxGrad.AffineLossGradient g = RecordsFxGrad.affineLoss(new Affine(2, 1), 3, 4);
        assertEquals(4.5, g.value());
        assertEquals(new Affine(9, 3), g.p());
        assertEquals(6.0, g.x()); // d w
        assertEquals(-3.0, g.y());
    }

    @Test
    void fieldReadsAgreeWithFiniteDifferences() {
        RecordsFxGrad.AffineByFieldsGradient g =
                RecordsFxGrad.affineByFields(new Affine(0.7, -0.4), 1.3);
        assertEquals(RecordsFx.affineByFields(new Affine(0.7, -0.4), 1.3), g.value(), 0.0);
        GradientCheck.compare(v -> RecordsFx.affineByFields(new Affine(v[0], v[1]), v[2]),
                new double[] {0.7, -0.4, 1.3}, new double[] {g.p().w(), g.p().b(), g.x()},
                "w", "b", "x").assertWithin(TOL);
    }

    @Test
    void hestonLikeRecordAgreesWithFiniteDifferences() {
        double[] at = {1.5, 0.04, 0.3, -0.6, 0.05, 0.75};
        RecordsFxGrad.HestonLikeGradient g = RecordsFxGrad.hestonLike(heston(at), at[5]);
        assertEquals(RecordsFx.hestonLike(heston(at), at[5]), g.value(), 0.0);
        Heston d = g.h();
        GradientCheck.compare(v -> RecordsFx.hestonLike(heston(v), v[5]), at,
                new double[] {d.kappa(), d.theta(), d.sigma(), d.rho(), d.v0(), g.t()},
                "kappa", "theta", "sigma", "rho", "v0", "t").assertWithin(TOL);
    }

    private static Heston heston(double[] v) {
        return new Heston(v[0], v[1], v[2], v[3], v[4]);
    }

    @Test
    void nestedRecordMlpAgreesWithFiniteDifferences() {
        Mlp m = randomMlp(new Random(17), 3, 4, 3);
        double[] x = {0.5, -1.2, 0.8};
        RecordsFxGrad.MlpLossGradient g = RecordsFxGrad.mlpLoss(m, x, 2);
        assertEquals(RecordsFx.mlpLoss(m, x, 2), g.value(), 0.0);
        Mlp d = g.m();
        // components that carry no derivative are copied from the input
        assertEquals(3, d.classes());
        assertSame(m.name(), d.name());
        assertNotSame(m.hidden().w(), d.hidden().w());
        double[] at = flatten(m);
        GradientCheck.compare(v -> RecordsFx.mlpLoss(unflatten(v, m), x, 2), at, flatten(d))
                .assertWithin(TOL);
        GradientCheck.compare(v -> RecordsFx.mlpLoss(m, v, 2), x.clone(), g.x()).assertWithin(TOL);
        // the input is left as it was
        assertArrayEquals(at, flatten(m));
    }

    @Test
    void componentPathDifferentiatesOnlyThatComponentAndZerosTheRest() {
        Mlp m = randomMlp(new Random(3), 2, 2, 2);
        double[] x = {0.4, 0.9};
        RecordsFxGrad.OutputOnlyGradient g = RecordsFxGrad.outputOnly(m, x, 1);
        Mlp d = g.m();
        // hidden is outside wrt: zeros of its shape
        assertArrayEquals(new double[][] {{0, 0}, {0, 0}}, d.hidden().w());
        assertArrayEquals(new double[] {0, 0}, d.hidden().b());
        // out.w[1][1]: a * x, out.b[0]: 2 c
        double a = m.hidden().w()[0][0];
        assertEquals(a * x[0], d.out().w()[1][1], 1e-15);
        assertEquals(2 * m.out().b()[0], d.out().b()[0], 1e-15);
        assertEquals(0.0, d.out().w()[0][0]);
    }

    @Test
    void pathAndScalarExact() {
        // f = w^2 x + b x at w = 3, b = 5, x = 2: df/dw = 2 w x = 12, df/dx = w^2 + b = 14
        RecordsFxGrad.PathAndScalarGradient g = RecordsFxGrad.pathAndScalar(new Affine(3, 5), 2);
        assertEquals(28.0, g.value());
        assertEquals(new Affine(12, 0), g.p());
        assertEquals(14.0, g.x());
    }

    @Test
    void vectorResultTakesTheSeed() {
        Layer l = new Layer(new double[][] {{0.3, -0.2}, {0.1, 0.4}, {-0.5, 0.2}},
                new double[] {0.1, -0.1, 0.05});
        double[] x = {0.7, -0.3};
        double[] seed = {1.0, -2.0, 0.5};
        RecordsFxGrad.DenseGradient g = RecordsFxGrad.dense(l, x, seed);
        assertArrayEquals(RecordsFx.dense(l, x), g.value(), 0.0);
        double[] at = concat(flatten(l.w()), l.b());
        double[] analytic = concat(flatten(g.l().w()), g.l().b());
        GradientCheck.compare(v -> dot(seed, RecordsFx.dense(new Layer(
                new double[][] {{v[0], v[1]}, {v[2], v[3]}, {v[4], v[5]}},
                new double[] {v[6], v[7], v[8]}), x)), at, analytic).assertWithin(TOL);
    }

    @Test
    void recordReadInsideLoopsAndBranches() {
        for (double[] at : new double[][] {{0.9, 0.4}, {1.3, -0.2}, {0.5, 0.8}}) {
            RecordsFxGrad.IterateGradient g = RecordsFxGrad.iterate(new Affine(at[0], at[1]), 7);
            assertEquals(RecordsFx.iterate(new Affine(at[0], at[1]), 7), g.value(), 0.0);
            GradientCheck.compare(v -> RecordsFx.iterate(new Affine(v[0], v[1]), 7), at,
                    new double[] {g.p().w(), g.p().b()}, "w", "b").assertWithin(TOL);
        }
    }

    @Test
    void localAliasesOfComponents() {
        Layer l = new Layer(new double[][] {{0.3, -0.2}, {0.1, 0.4}}, new double[] {0.1, -0.1});
        double[] x = {0.7, -0.3};
        RecordsFxGrad.AliasesGradient g = RecordsFxGrad.aliases(l, x);
        assertEquals(RecordsFx.aliases(l, x), g.value(), 0.0);
        double[] at = concat(flatten(l.w()), l.b());
        GradientCheck.compare(v -> RecordsFx.aliases(new Layer(
                new double[][] {{v[0], v[1]}, {v[2], v[3]}}, new double[] {v[4], v[5]}), x),
                at, concat(flatten(g.l().w()), g.l().b())).assertWithin(TOL);
        // exact: ds/db_j = 2 z_j
        double z0 = 0.1 + 0.3 * 0.7 + -0.2 * -0.3;
        assertEquals(2 * z0, g.l().b()[0], 1e-15);
    }

    @Test
    void privateHelperWithForEachOverRows() {
        Layer l = new Layer(new double[][] {{0.3, -0.2}, {0.1, 0.4}}, new double[] {0, 0});
        RecordsFxGrad.PrivateRowHelperGradient g = RecordsFxGrad.privateRowHelper(l, 1.5);
        assertEquals(RecordsFx.privateRowHelper(l, 1.5), g.value(), 0.0);
        // d/dk = sum w^2 + 2k, d/dw = 2 k w
        assertEquals(0.09 + 0.04 + 0.01 + 0.16 + 3.0, g.k(), 1e-15);
        assertEquals(2 * 1.5 * 0.4, g.l().w()[1][1], 1e-15);
    }

    @Test
    void finalFieldOfAnObjectPassedIn() {
        // f = rate w x + b: df/dw = rate x, df/db = 1, df/dx = rate w
        RecordsFxGrad.WithConfigGradient g =
                RecordsFxGrad.withConfig(new Affine(2, 1), new RecordsFx.Config(0.5), 3);
        assertEquals(4.0, g.value());
        assertEquals(new Affine(1.5, 1), g.p());
        assertEquals(1.0, g.x());
    }

    // ------------------------------------------------------------------------------ helpers

    static Mlp randomMlp(Random r, int in, int hidden, int classes) {
        return new Mlp(new Layer(random(r, hidden, in), random(r, 1, hidden)[0]),
                new Layer(random(r, classes, hidden), random(r, 1, classes)[0]), classes, "net");
    }

    private static double[][] random(Random r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int i = 0; i < cols; i++) {
                row[i] = r.nextGaussian() * 0.5;
            }
        }
        return m;
    }

    static double[] flatten(Mlp m) {
        return concat(concat(flatten(m.hidden().w()), m.hidden().b()),
                concat(flatten(m.out().w()), m.out().b()));
    }

    static Mlp unflatten(double[] v, Mlp shape) {
        int[] k = {0};
        Layer h = new Layer(take(v, k, shape.hidden().w()), take(v, k, shape.hidden().b()));
        Layer o = new Layer(take(v, k, shape.out().w()), take(v, k, shape.out().b()));
        return new Mlp(h, o, shape.classes(), shape.name());
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

    static double[] flatten(double[][] m) {
        double[] out = new double[0];
        for (double[] row : m) {
            out = concat(out, row);
        }
        return out;
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
