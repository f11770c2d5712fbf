package dev.adjoint.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Instance methods of a class whose fields are final: {@code ClassModelFxGrad.loss(self, x)}
 * with {@code self()} a {@code ClassModelFxGrad.Gradient}, one component per field that carries
 * a derivative, checked against central differences over the fields and exact values.
 */
class ClassModelTest {
    private static final double TOL = 1e-6;

    static ClassModelFx model(Random r) {
        double[] w = new double[4];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextDouble() - 0.5;
        }
        double[][] m = new double[2][3];
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextDouble() - 0.5;
            }
        }
        return new ClassModelFx(w, r.nextDouble(), m,
                new ClassModelFx.Spring(1 + r.nextDouble(), r.nextDouble()), "model");
    }

    /** The differentiable fields, flattened: w, b, m row by row, spring.k, spring.rest. */
    static double[] flatten(ClassModelFx c) {
        double[] v = new double[c.w.length + 1 + 6 + 2];
        int k = 0;
        for (double x : c.w) {
            v[k++] = x;
        }
        v[k++] = c.b;
        for (double[] row : c.m) {
            for (double x : row) {
                v[k++] = x;
            }
        }
        v[k++] = c.spring.k();
        v[k] = c.spring.rest();
        return v;
    }

    static double[] flatten(ClassModelFxGrad.Gradient g) {
        double[] v = new double[g.w().length + 1 + 6 + 2];
        int k = 0;
        for (double x : g.w()) {
            v[k++] = x;
        }
        v[k++] = g.b();
        for (double[] row : g.m()) {
            for (double x : row) {
                v[k++] = x;
            }
        }
        v[k++] = g.spring().k();
        v[k] = g.spring().rest();
        return v;
    }

    static ClassModelFx unflatten(double[] v, ClassModelFx like) {
        double[] w = new double[like.w.length];
        int k = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = v[k++];
        }
        double b = v[k++];
        double[][] m = new double[2][3];
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] = v[k++];
            }
        }
        return new ClassModelFx(w, b, m, new ClassModelFx.Spring(v[k], v[k + 1]), like.name);
    }

    @Test
    void lossGradientWithRespectToFieldsAndInput() {
        ClassModelFx c = model(new Random(3));
        double[] x = {0.4, -0.9, 1.3, 0.2};
        ClassModelFxGrad.LossGradient g = ClassModelFxGrad.loss(c, x);
        assertEquals(c.loss(x), g.value(), 0.0);
        GradientCheck.compare(v -> unflatten(v, c).loss(x), flatten(c), flatten(g.self()))
                .assertWithin(TOL);
        GradientCheck.compare(c::loss, x.clone(), g.x()).assertWithin(TOL);
    }

    @Test
    void componentPathInWrtLeavesOtherFieldsZero() {
        ClassModelFx c = model(new Random(4));
        double t = 0.7;
        ClassModelFxGrad.OnlyWGradient g = ClassModelFxGrad.onlyW(c, t);
        assertEquals(c.onlyW(t), g.value(), 0.0);
        // exact: d/dw_i [t (lambda |w|^2 + e^b) + w_0 b] with lambda = t
        double[] expected = new double[c.w.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = t * t * 2 * c.w[i] + (i == 0 ? c.b : 0);
        }
        assertArrayEquals(expected, g.self().w(), 1e-14);
        assertEquals(0.0, g.self().b(), 0.0);
        assertEquals(0.0, g.self().spring().k(), 0.0);
        assertArrayEquals(new double[3], g.self().m()[1], 0.0);
    }

    @Test
    void fieldsReadButNotDifferentiated() {
        ClassModelFx c = model(new Random(5));
        ClassModelFxGrad.ReadsFieldsGradient g = ClassModelFxGrad.readsFields(c, 0.3);
        assertEquals(c.readsFields(0.3), g.value(), 0.0);
        assertEquals(-Math.sin(0.3 * c.w[1]) * c.w[1] + 2 * c.b * 0.3, g.t(), 1e-15);
    }

    @Test
    void callsBetweenInstanceMethods() {
        ClassModelFx c = model(new Random(6));
        double[] x = {0.1, 0.5, -0.6, 0.8};
        ClassModelFxGrad.BothGradient g = ClassModelFxGrad.both(c, x, 0.9);
        assertEquals(c.both(x, 0.9), g.value(), 0.0);
        GradientCheck.compare(v -> unflatten(v, c).both(x, 0.9), flatten(c), flatten(g.self()))
                .assertWithin(TOL);
        GradientCheck.compare(v -> c.both(v, 0.9), x.clone(), g.x()).assertWithin(TOL);
        GradientCheck.compare(v -> c.both(x, v[0]), new double[] {0.9}, new double[] {g.t()})
                .assertWithin(TOL);
    }

    @Test
    void aMethodNamedLikeAFieldIsCalled() {
        ClassModelFx c = model(new Random(7));
        ClassModelFxGrad.CallsLikeAFieldGradient g = ClassModelFxGrad.callsLikeAField(c, 1.5);
        assertEquals(c.callsLikeAField(1.5), g.value(), 0.0);
        // value = 3b t + 3b b: d/db = 3t + 6b, d/dt = 3b
        assertEquals(3 * 1.5 + 6 * c.b, g.self().b(), 1e-14);
        assertEquals(3 * c.b, g.t(), 1e-15);
        assertArrayEquals(new double[c.w.length], g.self().w(), 0.0);
    }

    @Test
    void gradientAlgebraStepsTheFields() {
        ClassModelFx c = model(new Random(8));
        double[] x = {0.3, 0.2, -0.1, 0.5};
        ClassModelFxGrad.Gradient g = ClassModelFxGrad.loss(c, x).self();
        ClassModelFxGrad.Gradient params = new ClassModelFxGrad.Gradient(c.w, c.b, c.m, c.spring);
        ClassModelFxGrad.Gradient next = ClassModelFxGrad.axpy(-0.1, g, params);
        for (int i = 0; i < c.w.length; i++) {
            assertEquals(c.w[i] - 0.1 * g.w()[i], next.w()[i], 0.0);
        }
        assertEquals(c.spring.k() - 0.1 * g.spring().k(), next.spring().k(), 0.0);
        double[] flat = flatten(g);
        double sq = 0;
        for (double v : flat) {
            sq += v * v;
        }
        assertEquals(sq, ClassModelFxGrad.squaredNorm(g), 1e-12 * sq);
        assertEquals(Math.sqrt(sq), ClassModelFxGrad.norm(g), 1e-12);
    }
}
