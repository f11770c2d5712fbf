package dev.adjoint.adversarial;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link Oracle} fails on a wrong value, a wrong gradient, a wrong tangent and a wrong H·v. */
class OracleSelfTest {

    private static double cube(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v * v * v;
        }
        return s;
    }

    private static double[] grad(double[] p) {
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            g[i] = 3 * p[i] * p[i];
        }
        return g;
    }

    private static double tangent(double[] p, double[] v) {
        double[] g = grad(p);
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            d += g[i] * v[i];
        }
        return d;
    }

    private static double[] hvp(double[] p, double[] v) {
        double[] h = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            h[i] = 6 * p[i] * v[i];
        }
        return h;
    }

    @Test
    void acceptsTheTruth() {
        Oracle.allModes(OracleSelfTest::cube, OracleSelfTest::cube, OracleSelfTest::grad,
                OracleSelfTest::tangent, OracleSelfTest::hvp);
    }

    @Test
    void rejectsEachLie() {
        assertThrows(AssertionError.class, () -> Oracle.allModes(OracleSelfTest::cube,
                p -> cube(p) + 1e-15, OracleSelfTest::grad, OracleSelfTest::tangent,
                OracleSelfTest::hvp));
        assertThrows(AssertionError.class, () -> Oracle.allModes(OracleSelfTest::cube,
                OracleSelfTest::cube, p -> {
                    double[] g = grad(p);
                    g[2] *= 1.001;
                    return g;
                }, OracleSelfTest::tangent, OracleSelfTest::hvp));
        assertThrows(AssertionError.class, () -> Oracle.allModes(OracleSelfTest::cube,
                OracleSelfTest::cube, OracleSelfTest::grad,
                (p, v) -> tangent(p, v) * 1.0001, OracleSelfTest::hvp));
        assertThrows(AssertionError.class, () -> Oracle.allModes(OracleSelfTest::cube,
                OracleSelfTest::cube, OracleSelfTest::grad, OracleSelfTest::tangent, (p, v) -> {
                    double[] h = hvp(p, v);
                    h[0] += 1e-3;
                    return h;
                }));
        assertThrows(AssertionError.class, () -> Oracle.gradient(p -> {
            p[0] = 1;
            return cube(p);
        }, OracleSelfTest::cube, OracleSelfTest::grad));
    }
}
