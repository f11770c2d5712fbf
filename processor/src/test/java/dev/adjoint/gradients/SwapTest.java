package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SwapTest {

    @Test
    void heatEquationWithBufferSwap() {
        double[] u0 = {0.2, 0.9, -0.4, 1.3, 0.5, -0.8, 0.1};
        for (int steps : new int[] {0, 1, 4, 9}) {
            var g = SwapFxGrad.heatSwap(u0, 0.2, steps);
            Check.sameValue(SwapFx.heatSwap(u0, 0.2, steps), g.value());
            Check.fd(p -> SwapFx.heatSwap(Arrays.copyOf(p, 7), p[7], steps), concat(u0, 0.2),
                    concat(g.u0(), g.kappa()));
        }
    }

    @Test
    void swapsOfIntAndDoubleArrays() {
        double[] x = {0.7, -1.3, 0.4};
        for (double a : new double[] {0.6, -1.1}) {
            var g = SwapFxGrad.swapIndices(x, a);
            Check.sameValue(SwapFx.swapIndices(x, a), g.value());
            Check.fd(p -> SwapFx.swapIndices(Arrays.copyOf(p, 3), p[3]), concat(x, a),
                    concat(g.x(), g.a()));
        }
    }

    @Test
    void rnnHandsItsNewStateOver() {
        double[] x = {0.5, -0.3, 0.9, 0.2};
        double[][] w = {{0.4, -0.7}, {0.6, 0.3}};
        double[] h0 = {0.1, -0.2};
        double[] x1 = x.clone();
        double expected = SwapFx.rnn(x1, w, h0);
        double[] x2 = x.clone();
        var g = SwapFxGrad.rnn(x2, w, h0);
        Check.sameValue(expected, g.value());
        org.junit.jupiter.api.Assertions.assertArrayEquals(x1, x2, 0.0);
        Check.fd(p -> SwapFx.rnn(p.clone(), w, h0), x, g.x());
        Check.fd(p -> SwapFx.rnn(x.clone(), new double[][] {Arrays.copyOf(p, 2),
                Arrays.copyOfRange(p, 2, 4)}, h0), concat(w[0], w[1]),
                concat(g.w()[0], g.w()[1]));
        Check.fd(p -> SwapFx.rnn(x.clone(), w, p), h0, g.h0());
    }

    @Test
    void swapOfArraysOfDifferentLengthsSwapsReferences() {
        // u = {a}, v = {a, a} after the swap: u[0] * v[1] = a * a
        assertEquals(0.25, SwapFx.swapLengths(0.5));
        var g = SwapFxGrad.swapLengths(0.5);
        Check.sameValue(0.25, g.value());
        Check.exact(1.0, g.a(), "d(a*a)/da");
        Check.fd(p -> SwapFx.swapLengths(p[0]), new double[] {-1.3}, new double[] {
            SwapFxGrad.swapLengths(-1.3).a()});
    }
}
