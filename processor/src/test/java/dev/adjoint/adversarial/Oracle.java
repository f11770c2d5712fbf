package dev.adjoint.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.GradientCheck;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The oracles every adversarial program goes through: value() equals the original bit for bit,
 * the gradient agrees with 5-point central differences, mTangent with the gradient, mHvp with
 * central differences of the gradient, and none of them changes the caller's array differently
 * from the original.
 */
final class Oracle {
    static final double[] X = {0.7, -1.3, 0.4, 1.1};
    static final double[] V = {0.3, -0.5, 0.9, -0.2};

    private Oracle() {
    }

    /** Gradient mode only. */
    static void gradient(ToDoubleFunction<double[]> original, ToDoubleFunction<double[]> value,
            Function<double[], double[]> gradient) {
        assertEquals(original.applyAsDouble(X.clone()), value.applyAsDouble(X.clone()), 0.0,
                "value() differs from the original");
        double[] g = gradient.apply(X.clone());
        for (double d : g) {
            assertTrue(Double.isFinite(d), "non-finite gradient " + Arrays.toString(g));
        }
        GradientCheck.compare(p -> original.applyAsDouble(p.clone()), X, g).assertWithin(1e-6);
        double[] afterOriginal = X.clone();
        original.applyAsDouble(afterOriginal);
        double[] afterGradient = X.clone();
        gradient.apply(afterGradient);
        assertEquals(Arrays.toString(afterOriginal), Arrays.toString(afterGradient),
                "the gradient left the caller's array differently from the original");
    }

    /** Gradient, tangent and Hessian-vector modes. */
    static void allModes(ToDoubleFunction<double[]> original, ToDoubleFunction<double[]> value,
            Function<double[], double[]> gradient, ToDoubleBiFunction<double[], double[]> tangent,
            BiFunction<double[], double[], double[]> hvp) {
        gradient(original, value, gradient);
        double[] g = gradient.apply(X.clone());
        double dot = 0;
        for (int i = 0; i < g.length; i++) {
            dot += g[i] * V[i];
        }
        assertEquals(dot, tangent.applyAsDouble(X.clone(), V.clone()),
                1e-9 * Math.max(1, Math.abs(dot)), "mTangent vs gradient");
        double[] hv = hvp.apply(X.clone(), V.clone());
        double h = 1e-4;
        double[] p2 = gradient.apply(shifted(2 * h));
        double[] p1 = gradient.apply(shifted(h));
        double[] m1 = gradient.apply(shifted(-h));
        double[] m2 = gradient.apply(shifted(-2 * h));
        for (int i = 0; i < X.length; i++) {
            double fd = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h);
            assertEquals(fd, hv[i], 1e-6 * Math.max(1, Math.abs(fd)), "Hv[" + i + "]");
        }
    }

    private static double[] shifted(double t) {
        double[] r = X.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += t * V[i];
        }
        return r;
    }
}
