package dev.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

/** Failing tasks: the user's message reaches the driver; a retried task gives the same sum. */
class FailureTest {

    private static final Params PARAMS = Tiny.params(6, 4, 8L);

    @Test
    void aThrowingLossFailsTheJobWithTheUsersMessage() {
        List<Tiny.Example> examples = new ArrayList<>(Tiny.examples(100, 4, 2L));
        examples.set(37, new Tiny.Example(37, new double[] {0, Double.NaN, 0, 0}, 1.0));
        ExampleLoss<Tiny.Example> guarded = (e, p, g, tape) -> {
            double l = Tiny.LOSS.addGradient(e, p, g, tape);
            if (Double.isNaN(l)) {
                throw new IllegalArgumentException("NaN loss at example " + e.id());
            }
            return l;
        };
        JavaRDD<Tiny.Example> rdd = SparkTests.sc().parallelize(examples, 2);
        SparkException e = assertThrows(SparkException.class,
                () -> DistributedGradient.compute(rdd, guarded, PARAMS));
        assertTrue(e.getMessage().contains("NaN loss at example 37"), e.getMessage());
        assertTrue(e.getMessage().contains("IllegalArgumentException"), e.getMessage());
        // Spark tried the task twice (local[2,2]) before giving up.
        assertTrue(e.getMessage().contains("failed 2 times"), e.getMessage());
    }

    @Test
    void aRetriedTaskGivesTheSameResult() {
        List<Tiny.Example> examples = Tiny.examples(300, 4, 3L);
        JavaRDD<Tiny.Example> rdd = SparkTests.sc().parallelize(examples, 2);
        LossAndGradient clean = DistributedGradient.compute(rdd, Tiny.LOSS, PARAMS);
        // The first attempt of partition 1 adds half its examples into its buffer, then dies.
        ExampleLoss<Tiny.Example> flaky = (e, p, g, tape) -> {
            double l = Tiny.LOSS.addGradient(e, p, g, tape);
            TaskContext t = TaskContext.get();
            if (t.partitionId() == 1 && t.attemptNumber() == 0 && e.id() == 220) {
                throw new IllegalStateException("executor lost (simulated)");
            }
            return l;
        };
        LossAndGradient retried = DistributedGradient.compute(rdd, flaky, PARAMS);
        assertEquals(clean.count(), retried.count());
        assertEquals(clean.loss(), retried.loss(), 0.0);
        assertArrayEquals(clean.gradient().toArray(), retried.gradient().toArray(), 0.0);
        DistributedGradientTest.assertClose(
                DistributedGradient.local(examples, Tiny.LOSS, PARAMS), retried, "retried");
    }
}
