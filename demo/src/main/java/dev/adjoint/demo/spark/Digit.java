package dev.adjoint.demo.spark;

import dev.adjoint.demo.train.Dataset;
import dev.adjoint.demo.train.MlpGrad;
import dev.adjoint.demo.train.Training;
import dev.adjoint.spark.ExampleLoss;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One MNIST digit of the demo's data set, and the demo MLP's per-example loss as an
 * {@link ExampleLoss} over the parameter blocks {@code [w1, b1, w2, b2]}.
 *
 * @param x the 784 pixels in {@code [0, 1]}
 * @param label the digit
 */
public record Digit(double[] x, int label) implements Serializable {

    private static final double[] NO_SCALARS = new double[0];

    /** The demo's {@code Mlp.exampleLoss} through its generated entry point: one line. */
    public static final ExampleLoss<Digit> MLP_LOSS = (d, p, g, tape) ->
            MlpGrad.exampleLossAdjoint(d.x(), d.label(), p.matrix(0), p.vector(1), p.matrix(2),
                    p.vector(3), 1.0, NO_SCALARS, g.matrix(0), g.vector(1), g.matrix(2),
                    g.vector(3), tape);

    /**
     * The examples of a data set, in order.
     *
     * @param data the data set
     * @return one digit per example, sharing the feature rows
     */
    public static List<Digit> of(Dataset data) {
        List<Digit> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            out.add(new Digit(data.features()[i], data.labels()[i]));
        }
        return out;
    }

    /**
     * The demo's MNIST training examples (its 8,000/2,000 split), the first {@code limit} of
     * them, loaded <em>on the executors</em> from the demo's bundled data in the application jar,
     * in {@code partitions} contiguous slices, cached. Examples made with
     * {@code sc.parallelize(list)} would instead travel inside every task of every job.
     *
     * @param sc the context
     * @param partitions the number of partitions
     * @param limit at most this many examples (0: all)
     * @return the examples, in the data set's order
     */
    public static JavaRDD<Digit> training(JavaSparkContext sc, int partitions, int limit) {
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(p);
        }
        JavaRDD<Digit> rdd = sc.parallelize(parts, partitions).flatMap(p -> {
            List<Digit> all = of(Training.data(Training.defaults("mnist")).train());
            int n = limit > 0 ? Math.min(limit, all.size()) : all.size();
            return all.subList(n * p / partitions, n * (p + 1) / partitions).iterator();
        }).cache();
        rdd.count();
        return rdd;
    }
}
