package dev.adjoint.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void swapOfArraysOfDifferentLengthsIsRefused() {
        assertEquals(0.25, SwapFx.swapLengths(0.5));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SwapFxGrad.swapLengths(0.5));
        assertEquals("Adjoint swaps the elements of 'u' and 'v', which needs arrays of one length",
                e.getMessage());
    }

    private static double[] concat(double[] a, double... b) {
        double[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
