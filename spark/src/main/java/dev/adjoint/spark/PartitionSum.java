package dev.adjoint.spark;

import dev.adjoint.Tape;
import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;

/**
 * The accumulator of {@link DistributedGradient}'s {@code treeAggregate}: a partition's summed
 * loss and its one gradient buffer. The zero value carries no buffer (so none is shipped with
 * each task); the buffer is allocated from the broadcast parameters' shape at the partition's
 * first example. Each task deserializes its own zero value, so nothing survives a task or its
 * retry. Package-private: users see {@link LossAndGradient}.
 */
final class PartitionSum implements Serializable {

    private static final long serialVersionUID = 1L;

    double loss;
    long count;
    Params gradient;
    private transient Tape tape;

    /** Adds one example: the seqOp. */
    static <E> PartitionSum add(PartitionSum acc, E example, ExampleLoss<E> loss,
            Broadcast<Params> params) {
        Params p = params.value();
        if (acc.gradient == null) {
            acc.gradient = p.zerosLike();
        }
        if (acc.tape == null) {
            acc.tape = new Tape();
        }
        acc.loss += loss.addGradient(example, p, acc.gradient, acc.tape);
        acc.count++;
        return acc;
    }

    /** Combines two partitions' sums: the combOp; reuses {@code a}'s buffer. */
    static PartitionSum merge(PartitionSum a, PartitionSum b) {
        if (b.gradient == null) {
            a.loss += b.loss;
            a.count += b.count;
            return a;
        }
        if (a.gradient == null) {
            b.loss += a.loss;
            b.count += a.count;
            return b;
        }
        a.gradient.add(b.gradient);
        a.loss += b.loss;
        a.count += b.count;
        return a;
    }
}
