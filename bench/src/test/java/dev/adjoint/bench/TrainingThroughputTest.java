package dev.adjoint.bench;

import static dev.adjoint.bench.GradientAgreementTest.assertClose;
import static dev.adjoint.bench.GradientAgreementTest.flatten;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The three training forms of {@link TrainingThroughput} do the same work: from one network, an
 * SGD step on the same batch gives the same loss and the same network (so examples/s compare
 * like with like), and the demo-structured record's gradient matches the inline one.
 */
class TrainingThroughputTest {

  @Test
  void everyFormTakesTheSameStep() {
    TrainingThroughput.Data data = TrainingThroughput.Data.of(8, 3);
    Inputs.Mlp init = new Inputs.Mlp(TrainingThroughput.INPUTS, TrainingThroughput.HIDDEN,
        TrainingThroughput.CLASSES, 1, 5);
    TrainingThroughput.GradientStep[] steps = {TrainingThroughput::recordStep,
        TrainingThroughput::inlineStep, TrainingThroughput::handStep};
    String[] names = {"record", "inline", "hand"};
    TrainingThroughput.Model hand = new TrainingThroughput.Model(init);
    double handLoss = hand.train(data, TrainingThroughput::handStep);
    double[] handGrad = flatten(hand.grad.w1(), hand.grad.b1(), hand.grad.w2(), hand.grad.b2());
    double[] handNet = flatten(hand.net.w1(), hand.net.b1(), hand.net.w2(), hand.net.b2());
    for (int f = 0; f < 2; f++) {
      TrainingThroughput.Model m = new TrainingThroughput.Model(init);
      double loss = m.train(data, steps[f]);
      assertEquals(handLoss, loss, 1e-12 * Math.abs(handLoss), names[f] + " loss");
      assertClose(handGrad, flatten(m.grad.w1(), m.grad.b1(), m.grad.w2(), m.grad.b2()), 1e-12,
          names[f] + " gradient");
      assertClose(handNet, flatten(m.net.w1(), m.net.b1(), m.net.w2(), m.net.b2()), 1e-14,
          names[f] + " network after the step");
    }
  }

  @Test
  void aChildJvmMeasuresOneBatchSize() {
    SameJvm.Workload w = TrainingThroughput.workloads().get(0);
    assertEquals("batch " + TrainingThroughput.BATCH_SIZES[0], w.size());
    SameJvm.Options o = SameJvm.Options.parse(
        new String[] {"--rounds", "2", "--warmup-ms", "10", "--slice-ms", "5"});
    double[][] ns = ForkedRounds.run(ForkedRounds.childJvmArgs(java.util.List.of("-Xmx128m")),
        RoundsChild.Table.TRAINING, 0, w, o);
    assertEquals(3, ns.length);
    for (double[] form : ns) {
      assertEquals(2, form.length);
      assertTrue(TrainingThroughput.examplesPerSecond(64, form) > 0);
    }
  }

  @Test
  void throughputCountsExamplesPerMedianStep() {
    assertEquals(64_000.0, TrainingThroughput.examplesPerSecond(64, new double[] {2e6, 1e6, 1e6}),
        1e-9);
  }
}
