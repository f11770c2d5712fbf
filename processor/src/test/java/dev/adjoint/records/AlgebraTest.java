package dev.adjoint.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.adjoint.records.RecordsFx.Affine;
import dev.adjoint.records.RecordsFx.Layer;
import dev.adjoint.records.RecordsFx.Mlp;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The generated add / scale / axpy / squaredNorm / norm of gradient records. */
class AlgebraTest {

    @Test
    void scalarRecordExact() {
        Affine x = new Affine(3, 4);
        Affine y = new Affine(1, -2);
        assertEquals(new Affine(4, 2), RecordsFxGrad.add(x, y));
        assertEquals(new Affine(1.5, 2), RecordsFxGrad.scale(x, 0.5));
        assertEquals(new Affine(-5, -10), RecordsFxGrad.axpy(-2, x, y));
        assertEquals(25.0, RecordsFxGrad.squaredNorm(x));
        assertEquals(5.0, RecordsFxGrad.norm(x));
    }

    @Test
    void nestedRecordComponentByComponent() {
        Mlp a = RecordsTest.randomMlp(new Random(1), 3, 2, 2);
        Mlp b = RecordsTest.randomMlp(new Random(2), 3, 2, 2);
        Mlp step = RecordsFxGrad.axpy(-0.1, a, b);
        double[] fa = RecordsTest.flatten(a);
        double[] fb = RecordsTest.flatten(b);
        double[] expected = new double[fa.length];
        double squares = 0;
        for (int i = 0; i < fa.length; i++) {
            expected[i] = -0.1 * fa[i] + fb[i];
            squares += fa[i] * fa[i];
        }
        assertArrayEquals(expected, RecordsTest.flatten(step), 0.0);
        assertArrayEquals(RecordsTest.flatten(RecordsFxGrad.add(a, b)),
                RecordsTest.flatten(RecordsFxGrad.axpy(1.0, a, b)), 0.0);
        assertEquals(squares, RecordsFxGrad.squaredNorm(a), 1e-12 * squares);
        assertEquals(Math.sqrt(squares), RecordsFxGrad.norm(a), 1e-12);
        // components that carry no derivative come from the first operand
        assertSame(a.name(), step.name());
        assertEquals(a.classes(), step.classes());
        // results are fresh: the operands are unchanged
        assertArrayEquals(fa, RecordsTest.flatten(a), 0.0);
    }

    @Test
    void descentStepLowersTheLoss() {
        Mlp m = RecordsTest.randomMlp(new Random(4), 3, 4, 3);
        double[] x = {0.5, -1.0, 0.25};
        double before = RecordsFx.mlpLoss(m, x, 0);
        Mlp g = RecordsFxGrad.mlpLoss(m, x, 0).m();
        Mlp next = RecordsFxGrad.axpy(-0.05, g, m);
        // the step copies classes and name from the gradient, which copied them from m
        assertEquals(m.classes(), next.classes());
        double after = RecordsFx.mlpLoss(next, x, 0);
        // first order: loss falls by about rate * |g|^2
        double predicted = 0.05 * RecordsFxGrad.squaredNorm(g);
        assertEquals(predicted, before - after, 0.1 * predicted);
    }

    @Test
    void shapesMustAgree() {
        Layer a = new Layer(new double[][] {{1, 2}}, new double[] {1});
        Layer b = new Layer(new double[][] {{1, 2, 3}}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> RecordsFxGrad.add(a, b));
    }
}
