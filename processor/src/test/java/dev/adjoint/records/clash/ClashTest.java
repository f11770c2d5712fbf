package dev.adjoint.records.clash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import org.junit.jupiter.api.Test;

/** The generated Gradient record beside a user class of that name in the same package. */
class ClashTest {
    @Test
    void userGradientAndGeneratedGradientBothResolve() {
        var scale = new dev.adjoint.records.clash.units.Gradient(0.5);
        Gradient schedule = new Gradient(2.0);
        ClashModel m = new ClashModel(new double[] {0.3, -0.6}, 1.2, schedule);
        ClashModelGrad.LossGradient g = ClashModelGrad.loss(m, 0.8, scale);
        assertEquals(m.loss(0.8, scale), g.value(), 0.0);
        ClashModelGrad.Gradient self = g.self();
        double s = 1.2 * 0.5 + 2.0 * (0.3 * Math.sin(0.8) - 0.6 * Math.sin(1.6));
        assertEquals(2 * s * 0.5, self.b(), 1e-14); // exact: d(s^2)/db = 2 s step
        GradientCheck.compare(v -> new ClashModel(new double[] {v[0], v[1]}, v[2], schedule)
                .loss(v[3], scale), new double[] {0.3, -0.6, 1.2, 0.8},
                new double[] {self.w()[0], self.w()[1], self.b(), g.x()}).assertWithin(1e-6);
        ClashModelGrad.Gradient stepped = ClashModelGrad.axpy(-0.1, self,
                new ClashModelGrad.Gradient(m.w, m.b));
        assertEquals(1.2 - 0.1 * self.b(), stepped.b(), 1e-15);
    }
}
