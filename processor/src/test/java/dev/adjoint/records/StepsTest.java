package dev.adjoint.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import dev.adjoint.records.StateFx.Spring;
import org.junit.jupiter.api.Test;

/** Helpers of several statements returning a record, inlined: gradients against FD. */
class StepsTest {
    private static final double TOL = 1e-6;

    @Test
    void leapfrogSimulation() {
        StepsFxGrad.SimulateGradient g = StepsFxGrad.simulate(new Spring(3.0, 0.2), 0.8, -0.3, 30);
        assertEquals(StepsFx.simulate(new Spring(3.0, 0.2), 0.8, -0.3, 30), g.value(), 0.0);
        GradientCheck.compare(v -> StepsFx.simulate(new Spring(v[0], v[1]), v[2], v[3], 30),
                new double[] {3.0, 0.2, 0.8, -0.3},
                new double[] {g.p().k(), g.p().damping(), g.x0(), g.v0()},
                "k", "damping", "x0", "v0").assertWithin(TOL);
    }

    @Test
    void helperWithALoopCalledInALoop() {
        StepsFxGrad.SubsteppedGradient g = StepsFxGrad.substepped(0.5, 0.4, 2.0, 6);
        assertEquals(StepsFx.substepped(0.5, 0.4, 2.0, 6), g.value(), 0.0);
        GradientCheck.compare(v -> StepsFx.substepped(v[0], v[1], v[2], 6),
                new double[] {0.5, 0.4, 2.0}, new double[] {g.x0(), g.v0(), g.k()},
                "x0", "v0", "k").assertWithin(TOL);
    }

    @Test
    void oneSubstepIsExact() {
        StepsFxGrad.OneSubstepGradient g = StepsFxGrad.oneSubstep(0.5, 0.4, 2.0);
        // x1 = x0 + 0.1 (v0 - 0.1 k x0)
        assertEquals(1 - 0.01 * 2.0, g.x0(), 1e-15);
        assertEquals(0.1, g.v0(), 1e-15);
        assertEquals(-0.01 * 0.5, g.k(), 1e-15);
    }

    @Test
    void helperCallingAHelperAndBranching() {
        StepsFxGrad.BouncingGradient g = StepsFxGrad.bouncing(new Spring(5.0, 0.1), 0.3, 1.2, 12);
        assertEquals(StepsFx.bouncing(new Spring(5.0, 0.1), 0.3, 1.2, 12), g.value(), 0.0);
        GradientCheck.compare(v -> StepsFx.bouncing(new Spring(v[0], v[1]), v[2], v[3], 12),
                new double[] {5.0, 0.1, 0.3, 1.2},
                new double[] {g.p().k(), g.p().damping(), g.x0(), g.v0()},
                "k", "damping", "x0", "v0").assertWithin(TOL);
    }
}
