package dev.adjoint.spark;

import dev.adjoint.Tape;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Mini-batch training (SGD, momentum, Adam, or any {@link Optimizer}) of a model whose
 * per-example loss Adjoint differentiates, for models such as an MLP where L-BFGS is not what
 * one wants. Each step is one Spark job: the parameters are broadcast, each partition adds the
 * gradients of its examples that belong to the step's mini-batch into one buffer, the partitions
 * are combined with {@code treeAggregate}, and the driver applies the optimizer to the batch's
 * mean gradient.
 *
 * <p>Mini-batches follow one permutation of the examples per epoch, made on the driver
 * ({@link EpochOrder}; by default a seeded Fisher–Yates shuffle) and broadcast once per epoch:
 * the batches are those of a single-machine loop over the same order, so a run reproduces the
 * local run up to the order of floating-point additions. The examples are indexed once
 * ({@code zipWithIndex}) and cached as one block per partition; each step scans its partition's
 * block for the step's examples (an integer comparison per example).
 *
 * @param <E> the type of an example
 */
public final class MiniBatchTrainer<E> implements AutoCloseable {

    /** The order of the examples in an epoch, made on the driver. */
    @FunctionalInterface
    public interface EpochOrder {

        /**
         * A permutation of {@code 0..n-1}: mini-batch {@code s} of the epoch is
         * {@code order[s·batch .. (s+1)·batch)}.
         *
         * @param epoch the 1-based epoch
         * @param n the number of examples
         * @return the order (may be reused between calls)
         */
        int[] order(int epoch, int n);
    }

    /**
     * One step's progress.
     *
     * @param epoch the 1-based epoch
     * @param step the 0-based step within the epoch
     * @param steps the steps per epoch
     * @param meanLoss the mini-batch's mean loss before the update
     * @param examples the mini-batch's size
     */
    public record Step(int epoch, int step, int steps, double meanLoss, long examples) {
    }

    /** Receives each step's progress on the driver. */
    @FunctionalInterface
    public interface Listener {

        /**
         * Called after each step's update.
         *
         * @param step the progress
         * @param params the parameters after the update (do not keep or modify)
         */
        void onStep(Step step, Params params);
    }

    /** A partition's examples with their global indices, cached once. */
    static final class Block<E> implements Serializable {
        private static final long serialVersionUID = 1L;
        final long[] index;
        final List<E> examples;

        Block(long[] index, List<E> examples) {
            this.index = index;
            this.examples = examples;
        }
    }

    private final JavaRDD<Block<E>> blocks;
    private final ExampleLoss<E> loss;
    private final int n;
    private int batch = 32;
    private int epochs = 1;
    private int depth = DistributedGradient.DEFAULT_DEPTH;
    private EpochOrder order;

    /**
     * Indexes and caches the examples (one Spark job).
     *
     * @param examples the training examples
     * @param loss the per-example loss
     */
    public MiniBatchTrainer(JavaRDD<E> examples, ExampleLoss<E> loss) {
        this.loss = loss;
        this.blocks = examples.zipWithIndex().mapPartitions(MiniBatchTrainer::block)
                .persist(StorageLevel.MEMORY_ONLY());
        long count = 0;
        for (Block<E> b : blocks.collect()) {
            count += b.index.length;
        }
        if (count == 0 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot train on " + count + " examples");
        }
        this.n = (int) count;
        this.order = shuffled(1L);
    }

    private static <E> Iterator<Block<E>> block(Iterator<Tuple2<E, Long>> it) {
        List<E> examples = new ArrayList<>();
        List<Long> index = new ArrayList<>();
        while (it.hasNext()) {
            Tuple2<E, Long> t = it.next();
            examples.add(t._1());
            index.add(t._2());
        }
        long[] ix = new long[index.size()];
        for (int i = 0; i < ix.length; i++) {
            ix[i] = index.get(i);
        }
        return Collections.singletonList(new Block<>(ix, examples)).iterator();
    }

    /**
     * A seeded Fisher–Yates shuffle of {@code 0..n-1}, fresh each epoch from one generator.
     *
     * @param seed the generator's seed
     * @return the epoch order
     */
    public static EpochOrder shuffled(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return (epoch, size) -> {
            int[] o = new int[size];
            for (int i = 0; i < size; i++) {
                o[i] = i;
            }
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = o[i];
                o[i] = o[j];
                o[j] = t;
            }
            return o;
        };
    }

    /**
     * The number of examples.
     *
     * @return {@code n}
     */
    public int size() {
        return n;
    }

    /**
     * Sets the mini-batch size (default 32).
     *
     * @param size examples per step
     * @return this
     */
    public MiniBatchTrainer<E> batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size " + size);
        }
        this.batch = size;
        return this;
    }

    /**
     * Sets the number of passes over the examples (default 1).
     *
     * @param count epochs
     * @return this
     */
    public MiniBatchTrainer<E> epochs(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("epochs " + count);
        }
        this.epochs = count;
        return this;
    }

    /**
     * Sets the order of the examples in each epoch (default {@link #shuffled shuffled(1)}).
     *
     * @param epochOrder the order
     * @return this
     */
    public MiniBatchTrainer<E> order(EpochOrder epochOrder) {
        this.order = epochOrder;
        return this;
    }

    /**
     * Sets the depth of the aggregation tree (default 2).
     *
     * @param treeDepth at least 1
     * @return this
     */
    public MiniBatchTrainer<E> depth(int treeDepth) {
        this.depth = treeDepth;
        return this;
    }

    /**
     * The steps per epoch.
     *
     * @return {@code ⌈n / batch⌉}
     */
    public int stepsPerEpoch() {
        return (n + batch - 1) / batch;
    }

    /**
     * Trains {@code params} in place.
     *
     * @param params the initial parameters, updated in place
     * @param optimizer the update
     * @param listener receives each step's progress
     * @return {@code params}
     */
    public Params train(Params params, Optimizer optimizer, Listener listener) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        int steps = stepsPerEpoch();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            int[] o = order.order(epoch, n);
            int[] stepOf = new int[n];
            for (int pos = 0; pos < n; pos++) {
                stepOf[o[pos]] = pos / batch;
            }
            Broadcast<int[]> steping = jsc.broadcast(stepOf);
            try {
                for (int s = 0; s < steps; s++) {
                    LossAndGradient r = step(jsc, params, steping, s);
                    optimizer.step(params, r.meanGradient());
                    listener.onStep(new Step(epoch, s, steps, r.meanLoss(), r.count()), params);
                }
            } finally {
                steping.destroy();
            }
        }
        return params;
    }

    private LossAndGradient step(JavaSparkContext jsc, Params params, Broadcast<int[]> stepOf,
            int s) {
        Broadcast<Params> bc = jsc.broadcast(params);
        ExampleLoss<E> f = loss;
        try {
            PartitionSum sum = blocks.treeAggregate(new PartitionSum(),
                    (acc, b) -> addStep(acc, b, f, bc, stepOf.value(), s),
                    PartitionSum::merge, depth);
            return DistributedGradient.result(sum, params);
        } finally {
            bc.destroy();
        }
    }

    private static <E> PartitionSum addStep(PartitionSum acc, Block<E> block, ExampleLoss<E> loss,
            Broadcast<Params> params, int[] stepOf, int s) {
        long[] index = block.index;
        for (int i = 0; i < index.length; i++) {
            if (stepOf[(int) index[i]] == s) {
                PartitionSum.add(acc, block.examples.get(i), loss, params);
            }
        }
        return acc;
    }

    /** Releases the cached examples. */
    @Override
    public void close() {
        blocks.unpersist(false);
    }

    /**
     * The mean loss of the current parameters over all examples (one job), e.g. for an epoch's
     * progress line.
     *
     * @param params the parameters
     * @return the mean loss
     */
    public double meanLoss(Params params) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<Params> bc = jsc.broadcast(params);
        ExampleLoss<E> f = loss;
        try {
            double sum = blocks.map(b -> {
                Params p = bc.value();
                Params g = p.zerosLike();
                Tape tape = new Tape();
                double l = 0.0;
                for (E e : b.examples) {
                    l += f.addGradient(e, p, g, tape);
                }
                return l;
            }).reduce(Double::sum);
            return sum / n;
        } finally {
            bc.destroy();
        }
    }
}
