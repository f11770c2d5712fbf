package dev.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mini-batch training on Spark follows the single-machine loop over the same batches. */
class MiniBatchTrainerTest {

    @Test
    void sparkTrainingMatchesTheLocalLoop() {
        List<Tiny.Example> examples = Tiny.examples(203, 4, 31L);
        int batch = 16;
        int epochs = 3;
        for (String name : new String[] {"momentum", "adam"}) {
            Params local = Tiny.params(6, 4, 1L);
            Optimizer localOpt = name.equals("adam") ? Optimizer.adam(0.01)
                    : Optimizer.sgd(0.02, 0.9);
            MiniBatchTrainer.EpochOrder localOrder = MiniBatchTrainer.shuffled(77L);
            List<Double> localLosses = new ArrayList<>();
            for (int epoch = 1; epoch <= epochs; epoch++) {
                int[] order = localOrder.order(epoch, examples.size());
                for (int from = 0; from < order.length; from += batch) {
                    List<Tiny.Example> b = new ArrayList<>();
                    for (int k = from; k < Math.min(order.length, from + batch); k++) {
                        b.add(examples.get(order[k]));
                    }
                    LossAndGradient r = DistributedGradient.local(b, Tiny.LOSS, local);
                    localLosses.add(r.meanLoss());
                    localOpt.step(local, r.meanGradient());
                }
            }

            Params spark = Tiny.params(6, 4, 1L);
            List<Double> sparkLosses = new ArrayList<>();
            try (MiniBatchTrainer<Tiny.Example> t = new MiniBatchTrainer<>(
                    SparkTests.sc().parallelize(examples, 3), Tiny.LOSS)) {
                t.batchSize(batch).epochs(epochs).order(MiniBatchTrainer.shuffled(77L));
                assertEquals(13, t.stepsPerEpoch());
                t.train(spark, name.equals("adam") ? Optimizer.adam(0.01)
                        : Optimizer.sgd(0.02, 0.9), (s, p) -> sparkLosses.add(s.meanLoss()));
                assertEquals(localLosses.get(localLosses.size() - 1),
                        sparkLosses.get(sparkLosses.size() - 1), 1e-9);
                double meanLoss = t.meanLoss(spark);
                assertEquals(DistributedGradient.local(examples, Tiny.LOSS, spark).meanLoss(),
                        meanLoss, 1e-12);
            }
            assertEquals(localLosses.size(), sparkLosses.size());
            assertTrue(sparkLosses.get(sparkLosses.size() - 1) < sparkLosses.get(0), name
                    + " trains: " + sparkLosses.get(0) + " → "
                    + sparkLosses.get(sparkLosses.size() - 1));
            double[] a = local.toArray();
            double[] b = spark.toArray();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-9 * Math.max(1, Math.abs(a[i])), name + " " + i);
            }
        }
    }
}
