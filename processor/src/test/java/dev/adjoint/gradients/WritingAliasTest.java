package dev.adjoint.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Writing helpers called with arguments that may be one array (see WritingAliasFx). */
class WritingAliasTest {
    private static final double[] S0 = {0.9, -0.4};
    private static final double[] W = {0.7, -1.2, 0.4};

    @Test
    void swappedStateArraysAreDistinctAtEachCall() {
        var g = WritingAliasFxGrad.swapStepping(S0.clone(), 0.2, 15);
        Check.sameValue(WritingAliasFx.swapStepping(S0.clone(), 0.2, 15), g.value());
        double[] p = {S0[0], S0[1], 0.2};
        Check.fd(q -> WritingAliasFx.swapStepping(Arrays.copyOf(q, 2), q[2], 15), p,
                new double[] {g.s0()[0], g.s0()[1], g.dt()});
    }

    @Test
    void distinctArraysChosenByAConditional() {
        var g = WritingAliasFxGrad.chosen(W.clone(), -1);
        Check.sameValue(WritingAliasFx.chosen(W.clone(), -1), g.value());
        Check.fd(w -> WritingAliasFx.chosen(w, -1), W, g.w());
        // y is z, which becomes sin(w) + w^2; x = w: the loss is y0 * (w1 + 1), exact
        double dy0 = Math.cos(W[0]) + 2 * W[0];
        double[] exact = {dy0 * (W[1] + 1), Math.sin(W[0]) + W[0] * W[0], 0};
        for (int i = 0; i < 3; i++) {
            assertEquals(exact[i], g.w()[i], 1e-12);
        }
    }

    @Test
    void oneArrayChosenTwiceThrows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WritingAliasFxGrad.chosen(W.clone(), 1));
        assertEquals("the gradient differentiates WritingAliasFx.addSquares, which may write into"
                + " 'dst', for distinct arrays only: 'dst' and 'src' must not be the same array",
                e.getMessage());
    }

    @Test
    void distinctRows() {
        for (int k = 1; k < 3; k++) {
            int row = k;
            var g = WritingAliasFxGrad.rows(W.clone(), row);
            Check.sameValue(WritingAliasFx.rows(W.clone(), row), g.value());
            Check.fd(w -> WritingAliasFx.rows(w, row), W, g.w());
        }
    }

    @Test
    void oneRowTwiceThrows() {
        assertThrows(IllegalArgumentException.class, () -> WritingAliasFxGrad.rows(W.clone(), 0));
    }
}
