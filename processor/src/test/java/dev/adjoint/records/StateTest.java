package dev.adjoint.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import dev.adjoint.records.StateFx.Spring;
import org.junit.jupiter.api.Test;

/** Record locals reassigned in loops: gradients against finite differences. */
class StateTest {
    private static final double TOL = 1e-6;

    @Test
    void springSimulation() {
        StateFxGrad.SimulateGradient g = StateFxGrad.simulate(new Spring(4.0, 0.3), 1.0, -0.5, 40);
        assertEquals(StateFx.simulate(new Spring(4.0, 0.3), 1.0, -0.5, 40), g.value(), 0.0);
        GradientCheck.compare(v -> StateFx.simulate(new Spring(v[0], v[1]), v[2], v[3], 40),
                new double[] {4.0, 0.3, 1.0, -0.5},
                new double[] {g.p().k(), g.p().damping(), g.x0(), g.v0()},
                "k", "damping", "x0", "v0").assertWithin(TOL);
    }

    @Test
    void rotationReadsTheOldStateInBothComponents() {
        StateFxGrad.RotateGradient g = StateFxGrad.rotate(0.7, -0.2, 0.3, 5);
        assertEquals(StateFx.rotate(0.7, -0.2, 0.3, 5), g.value(), 0.0);
        GradientCheck.compare(v -> StateFx.rotate(v[0], v[1], v[2], 5),
                new double[] {0.7, -0.2, 0.3}, new double[] {g.x0(), g.y0(), g.angle()},
                "x0", "y0", "angle").assertWithin(TOL);
        // exact: a rotation by 5 * 0.3 of (0.7, -0.2): value = X^2 + 3 Y
        double a = 1.5;
        double x = 0.7 * Math.cos(a) + 0.2 * Math.sin(a);
        assertEquals(2 * x * Math.cos(a) + 3 * Math.sin(a), g.x0(), 1e-12);
    }

    @Test
    void nestedRecordLocal() {
        StateFxGrad.NestedLocalGradient g = StateFxGrad.nestedLocal(new Spring(1.5, 0.8), 0.4);
        assertEquals(StateFx.nestedLocal(new Spring(1.5, 0.8), 0.4), g.value(), 0.0);
        GradientCheck.compare(v -> StateFx.nestedLocal(new Spring(v[0], v[1]), v[2]),
                new double[] {1.5, 0.8, 0.4},
                new double[] {g.p().k(), g.p().damping(), g.x0()}).assertWithin(TOL);
    }

    @Test
    void stepReturnedByAHelperEqualsTheStepWrittenInPlace() {
        Spring spring = new Spring(4.0, 0.3);
        StateFxGrad.SimulateWithHelperGradient g =
                StateFxGrad.simulateWithHelper(spring, 1.0, -0.5, 40);
        StateFxGrad.SimulateGradient inPlace = StateFxGrad.simulate(spring, 1.0, -0.5, 40);
        assertEquals(StateFx.simulate(spring, 1.0, -0.5, 40), g.value(), 1e-15);
        assertEquals(inPlace.x0(), g.x0(), 1e-12);
        assertEquals(inPlace.v0(), g.v0(), 1e-12);
        assertEquals(inPlace.p().k(), g.p().k(), 1e-12);
        GradientCheck.compare(v -> StateFx.simulateWithHelper(new Spring(v[0], v[1]), v[2], v[3],
                        40),
                new double[] {4.0, 0.3, 1.0, -0.5},
                new double[] {g.p().k(), g.p().damping(), g.x0(), g.v0()},
                "k", "damping", "x0", "v0").assertWithin(TOL);
    }

    @Test
    void helpersWhoseParameterNamesTheCallerAlsoUses() {
        StateFxGrad.HelpersWithSharedNamesGradient g =
                StateFxGrad.helpersWithSharedNames(0.6, -0.4, 3);
        assertEquals(StateFx.helpersWithSharedNames(0.6, -0.4, 3), g.value(), 0.0);
        GradientCheck.compare(v -> StateFx.helpersWithSharedNames(v[0], v[1], 3),
                new double[] {0.6, -0.4}, new double[] {g.a(), g.b()}, "a", "b")
                .assertWithin(TOL);
    }

    @Test
    void oneKickExactly() {
        // steps = 1: s = (pi sin b, a + (a b / 4)^2); st = (kick(s, a b / 4), a b / 4 + 1, 3)
        double a = 0.6;
        double b = -0.4;
        StateFxGrad.HelpersWithSharedNamesGradient g = StateFxGrad.helpersWithSharedNames(a, b, 1);
        double x = 0.25 * b;
        double sx = Math.PI * Math.sin(b);
        double sv = a + a * a * x * x;
        double t = a * x;
        double kx = Math.PI * Math.sin(sx);
        double kv = sv + t * t;
        assertEquals(kx * (t + 1) + kv + 3 + sx, StateFx.helpersWithSharedNames(a, b, 1), 1e-15);
        assertEquals(kx * (t + 1) + kv + 3 + sx, g.value(), 1e-15);
        // d/da: sv' = 1 + 2 a x^2, t' = x, kx' = 0 (sx does not depend on a)
        double dsv = 1 + 2 * a * x * x;
        assertEquals(kx * x + dsv + 2 * t * x, g.a(), 1e-12);
    }
}
