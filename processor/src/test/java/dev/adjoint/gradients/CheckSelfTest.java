package dev.adjoint.gradients;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The oracles must be able to fail: a test that cannot fail is a defect. */
class CheckSelfTest {
    @Test
    void fdRejectsWrongGradient() {
        assertThrows(AssertionError.class,
                () -> Check.fd(x -> x[0] * x[0], Check.v(3.0), Check.v(6.001)));
        Check.fd(x -> x[0] * x[0], Check.v(3.0), Check.v(6.0));
    }

    @Test
    void fdRejectsNaNAndInfinity() {
        assertThrows(AssertionError.class,
                () -> Check.fd(x -> x[0], Check.v(3.0), Check.v(Double.NaN)));
        assertThrows(AssertionError.class,
                () -> Check.fd(x -> x[0], Check.v(3.0), Check.v(Double.POSITIVE_INFINITY)));
    }

    @Test
    void exactRejects() {
        assertThrows(AssertionError.class, () -> Check.exact(6.0, 6.0 + 1e-9, "x"));
        assertThrows(AssertionError.class, () -> Check.sameValue(1.0, Math.nextUp(1.0)));
        Check.sameValue(Double.NaN, Double.NaN);
    }

    @Test
    void hipparchusOracleWorksAndRejects() {
        Check.exact(Math.cos(0.7) * 2.0,
                Check.ds(v -> v[0].sin().multiply(v[1]), 0.7, 2.0)[0], "ds");
        assertThrows(AssertionError.class,
                () -> Check.hipparchus(v -> v[0].exp(), Check.v(1.0), Check.v(2.7), "exp"));
    }
}
