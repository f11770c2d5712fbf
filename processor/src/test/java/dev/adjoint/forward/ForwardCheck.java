package dev.adjoint.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/** Oracles for forward mode and second order: finite differences and Hipparchus. */
final class ForwardCheck {
    /** Relative tolerance against 5-point central differences. */
    static final double FD_TOL = 1e-6;

    private ForwardCheck() {
    }

    /** The 5-point central difference of {@code t -> f(x + t v)} at 0. */
    static double directional(ToDoubleFunction<double[]> f, double[] x, double[] v, double h) {
        return (-f.applyAsDouble(step(x, v, 2 * h)) + 8 * f.applyAsDouble(step(x, v, h))
                - 8 * f.applyAsDouble(step(x, v, -h)) + f.applyAsDouble(step(x, v, -2 * h)))
                / (12 * h);
    }

    static double[] step(double[] x, double[] v, double t) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += t * v[i];
        }
        return y;
    }

    /** The 5-point central difference of a vector function along {@code v}. */
    static double[] directionalVector(Function<double[], double[]> f, double[] x, double[] v,
            double h) {
        double[] a = f.apply(step(x, v, 2 * h));
        double[] b = f.apply(step(x, v, h));
        double[] c = f.apply(step(x, v, -h));
        double[] d = f.apply(step(x, v, -2 * h));
        double[] out = new double[a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (-a[i] + 8 * b[i] - 8 * c[i] + d[i]) / (12 * h);
        }
        return out;
    }

    /** {@code actual} within {@link #FD_TOL} of {@code expected}, relative to max(1, |e|). */
    static void close(double expected, double actual, String what) {
        assertTrue(Double.isFinite(actual), what + ": not finite: " + actual);
        assertEquals(expected, actual, FD_TOL * Math.max(1, Math.abs(expected)), what);
    }

    static void close(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], actual[i], what + "[" + i + "]");
        }
    }

    /** Equal up to a few ulps of the larger of 1 and |expected| (two exact computations). */
    static void exact(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }

    static void exact(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            exact(expected[i], actual[i], what + "[" + i + "]");
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Value, gradient and Hessian of {@code f} at {@code x} by Hipparchus, order 2. */
    record Second(double value, double[] gradient, double[][] hessian) {
        double[] times(double[] v) {
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = dot(hessian[i], v);
            }
            return out;
        }
    }

    static Second hipparchus(Function<DerivativeStructure[], DerivativeStructure> f,
            double... x) {
        DSFactory factory = new DSFactory(x.length, 2);
        DerivativeStructure[] vars = new DerivativeStructure[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = factory.variable(i, x[i]);
        }
        DerivativeStructure r = f.apply(vars);
        double[] g = new double[x.length];
        double[][] h = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            int[] orders = new int[x.length];
            orders[i] = 1;
            g[i] = r.getPartialDerivative(orders);
            for (int j = 0; j < x.length; j++) {
                int[] second = new int[x.length];
                second[i]++;
                second[j]++;
                h[i][j] = r.getPartialDerivative(second);
            }
        }
        return new Second(r.getValue(), g, h);
    }
}
