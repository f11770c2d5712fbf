package dev.adjoint.spark;

import dev.adjoint.Tape;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;

/**
 * The summed loss and gradient of an {@link ExampleLoss} over a distributed data set, on Spark's
 * own machinery: the parameters are broadcast once per call; each partition runs the generated
 * adjoint entry point over its examples into one gradient buffer and one tape (nothing is
 * allocated per example); the partitions' sums are combined with {@code treeAggregate}.
 *
 * <p>The result equals {@link #local} over the same examples up to the order of the floating
 * point additions (the tests check 1e-12 relative to the gradient's size for every partitioning).
 * The partitions' sums are combined in the order their tasks finish, so two runs can differ in
 * the last bits; a partition's own sum is the same on every attempt.
 */
public final class DistributedGradient {

    /** The default depth of the aggregation tree, as MLlib uses. */
    public static final int DEFAULT_DEPTH = 2;

    private DistributedGradient() {
    }

    /**
     * The summed loss and gradient over all of {@code examples}.
     *
     * @param <E> the type of an example
     * @param examples the examples
     * @param loss the per-example loss
     * @param params the parameters, broadcast for this call
     * @return the sums and the number of examples
     */
    public static <E> LossAndGradient compute(JavaRDD<E> examples, ExampleLoss<E> loss,
            Params params) {
        return compute(examples, loss, params, DEFAULT_DEPTH);
    }

    /**
     * The summed loss and gradient over all of {@code examples} of a typed {@link Dataset}.
     *
     * @param <E> the type of an example
     * @param examples the examples
     * @param loss the per-example loss
     * @param params the parameters, broadcast for this call
     * @return the sums and the number of examples
     */
    public static <E> LossAndGradient compute(Dataset<E> examples, ExampleLoss<E> loss,
            Params params) {
        return compute(examples.javaRDD(), loss, params, DEFAULT_DEPTH);
    }

    /**
     * The summed loss and gradient over all of {@code examples}.
     *
     * @param <E> the type of an example
     * @param examples the examples
     * @param loss the per-example loss
     * @param params the parameters, broadcast for this call
     * @param depth the depth of the {@code treeAggregate} tree, at least 1
     * @return the sums and the number of examples
     */
    public static <E> LossAndGradient compute(JavaRDD<E> examples, ExampleLoss<E> loss,
            Params params, int depth) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(examples.context());
        Broadcast<Params> bc = jsc.broadcast(params);
        try {
            PartitionSum sum = examples.treeAggregate(new PartitionSum(),
                    (acc, e) -> PartitionSum.add(acc, e, loss, bc), PartitionSum::merge, depth);
            return result(sum, params);
        } finally {
            bc.destroy();
        }
    }

    /**
     * The same sums computed by a plain single-threaded loop on this machine: the reference that
     * the distributed result equals.
     *
     * @param <E> the type of an example
     * @param examples the examples
     * @param loss the per-example loss
     * @param params the parameters
     * @return the sums and the number of examples
     */
    public static <E> LossAndGradient local(Iterable<E> examples, ExampleLoss<E> loss,
            Params params) {
        Params gradient = params.zerosLike();
        Tape tape = new Tape();
        double sum = 0.0;
        long count = 0;
        for (E e : examples) {
            sum += loss.addGradient(e, params, gradient, tape);
            count++;
        }
        return new LossAndGradient(sum, gradient, count);
    }

    static LossAndGradient result(PartitionSum sum, Params params) {
        return new LossAndGradient(sum.loss,
                sum.gradient == null ? params.zerosLike() : sum.gradient, sum.count);
    }
}
