package dev.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

class DistributedGradientTest {

    private static final List<Tiny.Example> EXAMPLES = Tiny.examples(600, 5, 11L);
    private static final Params PARAMS = Tiny.params(8, 5, 3L);

    static void assertClose(LossAndGradient expected, LossAndGradient actual, String what) {
        assertEquals(expected.count(), actual.count(), what + ": count");
        assertEquals(expected.loss(), actual.loss(), 1e-12 * Math.abs(expected.loss()),
                what + ": loss");
        double[] e = expected.gradient().toArray();
        double[] a = actual.gradient().toArray();
        assertEquals(e.length, a.length);
        double scale = expected.gradient().maxAbs();
        double worst = 0.0;
        for (int i = 0; i < e.length; i++) {
            worst = Math.max(worst, Math.abs(e[i] - a[i]));
        }
        assertTrue(worst <= 1e-12 * scale, what + ": gradient differs by " + worst
                + " (max |g| " + scale + ")");
    }

    @Test
    void equalsTheLocalSumForAnyPartitioningAndTreeDepth() {
        LossAndGradient local = DistributedGradient.local(EXAMPLES, Tiny.LOSS, PARAMS);
        assertTrue(local.gradient().maxAbs() > 1.0, "a gradient worth comparing");
        assertTrue(local.gradient().vector(2)[0] != 0.0, "the scalar's adjoint is filled");
        for (int partitions : new int[] {1, 2, 3, 7, 64, 700}) {
            JavaRDD<Tiny.Example> rdd = SparkTests.sc().parallelize(EXAMPLES, partitions);
            for (int depth : new int[] {1, 2, 3}) {
                if (partitions > 7 && depth != 2) {
                    continue;
                }
                LossAndGradient d = DistributedGradient.compute(rdd, Tiny.LOSS, PARAMS, depth);
                assertClose(local, d, partitions + " partitions, depth " + depth);
            }
        }
    }

    @Test
    void worksOnATypedDataset() {
        Dataset<Tiny.Example> ds = SparkTests.session().createDataset(EXAMPLES,
                Encoders.javaSerialization(Tiny.Example.class)).repartition(3);
        assertClose(DistributedGradient.local(EXAMPLES, Tiny.LOSS, PARAMS),
                DistributedGradient.compute(ds, Tiny.LOSS, PARAMS), "Dataset");
    }

    @Test
    void anEmptyDataSetHasZeroLossAndGradient() {
        LossAndGradient r = DistributedGradient.compute(
                SparkTests.sc().parallelize(List.<Tiny.Example>of(), 3), Tiny.LOSS, PARAMS);
        assertEquals(0, r.count());
        assertEquals(0.0, r.loss());
        assertEquals(0.0, r.gradient().maxAbs());
        assertEquals(PARAMS.size(), r.gradient().size());
    }

    @Test
    void theParametersAreNotModified() {
        double[] before = PARAMS.toArray();
        DistributedGradient.compute(SparkTests.sc().parallelize(EXAMPLES, 2), Tiny.LOSS, PARAMS);
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, PARAMS.toArray());
    }
}
