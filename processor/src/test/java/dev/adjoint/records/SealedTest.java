package dev.adjoint.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import dev.adjoint.records.SealedFx.Activation;
import dev.adjoint.records.SealedFx.Relu;
import dev.adjoint.records.SealedFx.Scaled;
import dev.adjoint.records.SealedFx.Tanh;
import org.junit.jupiter.api.Test;

/** Calls dispatched on a sealed interface of records, for every permitted record. */
class SealedTest {
    private static final Activation[] ALL = {new Relu(), new Tanh(), new Scaled(0.7, 0.2)};

    @Test
    void eachImplementationAgreesWithFiniteDifferences() {
        double[] x = {0.4, -0.9, 1.3};
        for (Activation act : ALL) {
            SealedFxGrad.NeuronGradient g = SealedFxGrad.neuron(act, 0.8, 0.3, x);
            assertEquals(SealedFx.neuron(act, 0.8, 0.3, x), g.value(), 0.0, act.toString());
            GradientCheck.compare(v -> SealedFx.neuron(act, v[0], v[1], x),
                    new double[] {0.8, 0.3}, new double[] {g.w(), g.b()}, "w", "b")
                    .assertWithin(1e-6);
        }
    }

    @Test
    void tanhExact() {
        // neuron = tanh(s) w with s = b + w sum(x): d/db = (1 - tanh^2 s) w
        double[] x = {1.0};
        SealedFxGrad.NeuronGradient g = SealedFxGrad.neuron(new Tanh(), 0.5, 0.25, x);
        double t = Math.tanh(0.75);
        assertEquals((1 - t * t) * 0.5, g.b(), 1e-15);
    }

    @Test
    void dispatchedInsideALoopForEveryPair() {
        for (Activation first : ALL) {
            for (Activation second : ALL) {
                SealedFxGrad.TwoLayersGradient g =
                        SealedFxGrad.twoLayers(first, second, 0.9, 0.6, 4);
                assertEquals(SealedFx.twoLayers(first, second, 0.9, 0.6, 4), g.value(), 0.0);
                GradientCheck.compare(v -> SealedFx.twoLayers(first, second, v[0], v[1], 4),
                        new double[] {0.9, 0.6}, new double[] {g.w(), g.x()}, "w", "x")
                        .assertWithin(1e-6);
            }
        }
    }
}
