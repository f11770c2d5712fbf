package dev.adjoint.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.adjoint.GradientCheck;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/** Shared oracles for the gradient tests. Every method here can fail; see CheckSelfTest. */
final class Check {
    /** Relative tolerance against 5-point central differences. */
    static final double FD_TOL = 1e-6;

    private Check() {
    }

    /**
     * Analytic gradient vs. central finite differences of {@code f} at {@code x}. Also rejects
     * non-finite analytic entries outright.
     */
    static GradientCheck.Report fd(ToDoubleFunction<double[]> f, double[] x, double[] analytic,
            String... names) {
        for (int i = 0; i < analytic.length; i++) {
            if (!Double.isFinite(analytic[i])) {
                fail("non-finite analytic gradient entry " + i + ": " + Arrays.toString(analytic));
            }
        }
        return GradientCheck.compare(f, x, analytic, names).assertWithin(FD_TOL);
    }

    /** FD check with an explicit relative step (for functions with nearby kinks). */
    static GradientCheck.Report fdStep(ToDoubleFunction<double[]> f, double[] x, double[] analytic,
            double step, String... names) {
        for (double a : analytic) {
            assertTrue(Double.isFinite(a), "non-finite analytic gradient " + Arrays.toString(analytic));
        }
        return GradientCheck.compare(f, x, analytic, step, names).assertWithin(FD_TOL);
    }

    /** Exact (hand-derived) value, up to a few ulps. */
    static void exact(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(1.0, Math.abs(expected)), what);
    }

    /** Exact vector comparison. */
    static void exact(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            exact(expected[i], actual[i], what + "[" + i + "]");
        }
    }

    /** value() must be the original method's result, bit for bit (NaN == NaN, 0.0 == -0.0). */
    static void sameValue(double original, double value) {
        assertEquals(original, value, 0.0, "value() differs from the original method");
    }

    /** Gradient of f at x computed by Hipparchus forward-mode DerivativeStructure. */
    static double[] ds(Function<DerivativeStructure[], DerivativeStructure> f, double... x) {
        DSFactory factory = new DSFactory(x.length, 1);
        DerivativeStructure[] vars = new DerivativeStructure[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = factory.variable(i, x[i]);
        }
        DerivativeStructure r = f.apply(vars);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int[] orders = new int[x.length];
            orders[i] = 1;
            g[i] = r.getPartialDerivative(orders);
        }
        return g;
    }

    /** Hipparchus oracle vs analytic gradient, relative 1e-12. */
    static void hipparchus(Function<DerivativeStructure[], DerivativeStructure> f, double[] x,
            double[] analytic, String what) {
        double[] expected = ds(f, x);
        assertEquals(expected.length, analytic.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Double.isFinite(expected[i]), what + ": oracle not finite at " + i);
            assertEquals(expected[i], analytic[i], 1e-12 * Math.max(1.0, Math.abs(expected[i])),
                    what + ": vs Hipparchus, entry " + i);
        }
    }

    /**
     * Calls the generated {@code grad.method(args)} reflectively and returns the record's
     * components in declaration order, after asserting their names are {@code value, names...}.
     */
    static double[] gradient(Class<?> grad, String method, String[] names, Object... args) {
        try {
            java.lang.reflect.Method m = null;
            for (java.lang.reflect.Method c : grad.getDeclaredMethods()) {
                if (c.getName().equals(method) && c.getParameterCount() == args.length) {
                    m = c;
                }
            }
            if (m == null) {
                fail("no method " + method + " in " + grad);
            }
            Object record = m.invoke(null, args);
            java.lang.reflect.RecordComponent[] comps = record.getClass().getRecordComponents();
            String[] actualNames = new String[comps.length];
            double[] out = new double[comps.length];
            for (int i = 0; i < comps.length; i++) {
                actualNames[i] = comps[i].getName();
                out[i] = (double) comps[i].getAccessor().invoke(record);
            }
            String[] expectedNames = new String[names.length + 1];
            expectedNames[0] = "value";
            System.arraycopy(names, 0, expectedNames, 1, names.length);
            assertEquals(Arrays.asList(expectedNames), Arrays.asList(actualNames),
                    "record components of " + method);
            return out;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static double[] v(double... xs) {
        return xs;
    }

    /**
     * mTangent against the gradient, mHvp against central differences of the gradient, along
     * the direction v[i] = 0.3 - 0.17 i.
     */
    static void modes(Function<double[], double[]> gradient, double[] x,
            java.util.function.ToDoubleFunction<double[]> tangent,
            Function<double[], double[]> hvp) {
        double[] v = new double[x.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.3 - 0.17 * i;
        }
        assertEquals(dot(gradient.apply(x), v), tangent.applyAsDouble(v), 1e-12);
        hvpMatchesDifferences(gradient, x, v, hvp.apply(v));
    }

    /** H v against 5-point central differences of the gradient along v. */
    static void hvpMatchesDifferences(Function<double[], double[]> gradient, double[] x,
            double[] v, double[] hvp) {
        double h = 1e-4;
        double[] p2 = gradient.apply(shifted(x, v, 2 * h));
        double[] p1 = gradient.apply(shifted(x, v, h));
        double[] m1 = gradient.apply(shifted(x, v, -h));
        double[] m2 = gradient.apply(shifted(x, v, -2 * h));
        for (int i = 0; i < x.length; i++) {
            double fd = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h);
            assertEquals(fd, hvp[i], 1e-6 * Math.max(1, Math.abs(fd)), "Hv[" + i + "]");
        }
    }

    static double[] shifted(double[] x, double[] v, double t) {
        double[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += t * v[i];
        }
        return r;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] concat(double[] a, double... b) {
        double[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
