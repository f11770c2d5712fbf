package dev.adjoint.gradients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Gradients through clone() used as a value (see CloneValuesFx). */
class CloneValuesTest {
    private static final double[] X = {0.7, -1.2, 0.4};

    @Test
    void cloneAsAnArgument() {
        double[] x = X.clone();
        var g = CloneValuesFxGrad.argument(x, 0.9);
        Check.sameValue(CloneValuesFx.argument(X.clone(), 0.9), g.value());
        assertArrayEquals(X, x, 0.0, "x untouched");
        Check.fd(p -> CloneValuesFx.argument(Arrays.copyOf(p, 3), p[3]),
                new double[] {X[0], X[1], X[2], 0.9},
                new double[] {g.x()[0], g.x()[1], g.x()[2], g.c()});
    }

    @Test
    void cloneAsAReassignedValueInALoop() {
        var g = CloneValuesFxGrad.reassigned(X.clone(), 5);
        Check.sameValue(CloneValuesFx.reassigned(X.clone(), 5), g.value());
        Check.fd(x -> CloneValuesFx.reassigned(x, 5), X, g.x());
        // one step: 3 sin(x0)^2 + sin(x1): exact
        var one = CloneValuesFxGrad.reassigned(X.clone(), 1);
        assertEquals(6 * Math.sin(X[0]) * Math.cos(X[0]), one.x()[0], 1e-12);
        assertEquals(Math.cos(X[1]), one.x()[1], 1e-12);
        assertEquals(0, one.x()[2], 0.0);
    }
}
