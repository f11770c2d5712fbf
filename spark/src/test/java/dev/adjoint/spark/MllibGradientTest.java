package dev.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.spark.examples.SoftmaxGrad;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.Gradient;
import org.apache.spark.mllib.optimization.LBFGS;
import org.apache.spark.mllib.optimization.LogisticGradient;
import org.apache.spark.mllib.optimization.SquaredL2Updater;
import org.apache.spark.rdd.RDD;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/** The generated softmax regression gradient inside MLlib equals MLlib's hand-written one. */
class MllibGradientTest {

    static final int CLASSES = 3;
    static final double[] NO_SCALARS = new double[0];

    static final Gradient ADJOINT = new MllibGradient((x, y, w, g, tape) ->
            SoftmaxGrad.lossAdjoint(w, x, (int) y, CLASSES, 1.0, NO_SCALARS, g, tape));

    static List<Tuple2<Object, Vector>> data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Tuple2<Object, Vector>> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] x = new double[5];
            for (int i = 0; i < 4; i++) {
                x[i] = r.nextDouble(-2, 2);
            }
            x[4] = 1.0;
            double s = x[0] - x[1] + 0.5 * r.nextDouble(-1, 1);
            int label = s < -0.5 ? 0 : s < 0.8 ? 1 : 2;
            out.add(new Tuple2<>((double) label, Vectors.dense(x)));
        }
        return out;
    }

    @Test
    void sameLossAndGradientAsMllibsLogisticGradient() {
        Gradient mllib = new LogisticGradient(CLASSES);
        SplittableRandom r = new SplittableRandom(5);
        double[] w = new double[(CLASSES - 1) * 5];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextDouble(-3, 3);
        }
        for (Tuple2<Object, Vector> e : data(200, 9)) {
            Vector a = Vectors.zeros(w.length);
            Vector b = Vectors.zeros(w.length);
            double la = ADJOINT.compute(e._2(), (Double) e._1(), Vectors.dense(w), a);
            double lb = mllib.compute(e._2(), (Double) e._1(), Vectors.dense(w), b);
            assertEquals(lb, la, 1e-12 * Math.max(1, Math.abs(lb)));
            assertArrayEquals(b.toArray(), a.toArray(), 1e-12);
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void lbfgsTrainsTheGeneratedModelLikeMllibsOwn() {
        JavaRDD<Tuple2<Object, Vector>> rdd = SparkTests.sc().parallelize(data(400, 21), 3)
                .cache();
        RDD<Tuple2<Object, Vector>> data = rdd.rdd();
        Vector w0 = Vectors.zeros((CLASSES - 1) * 5);
        Tuple2<Vector, double[]> ours = LBFGS.runLBFGS(data, ADJOINT, new SquaredL2Updater(),
                10, 1e-10, 30, 1e-3, w0);
        Tuple2<Vector, double[]> theirs = LBFGS.runLBFGS(data, new LogisticGradient(CLASSES),
                new SquaredL2Updater(), 10, 1e-10, 30, 1e-3, w0);
        double[] h = ours._2();
        assertTrue(h[h.length - 1] < 0.5 * h[0], "the loss fell: " + h[0] + " → "
                + h[h.length - 1]);
        assertEquals(theirs._2().length, h.length, "same number of iterations");
        assertArrayEquals(theirs._2(), h, 1e-8);
        assertArrayEquals(theirs._1().toArray(), ours._1().toArray(), 1e-6);
        rdd.unpersist();
    }
}
