package dev.adjoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Trades recomputation for memory in the gradient of a {@code @Differentiable} method, as
 * Tapenade's and Clad's checkpointing do. Each loop at the top level of the method runs its
 * forward sweep recording nothing but a snapshot of its scalar state every {@link #every()}
 * iterations; the reverse sweep then replays one segment at a time: restore the snapshot,
 * recompute the segment while recording, and reverse it. Tape memory drops from one record per
 * iteration to about {@code n / every} snapshots plus one segment's records, for roughly one
 * more forward sweep of work; {@code every ≈ √n} minimises the sum.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Checkpointed {

    /**
     * Iterations between two snapshots.
     *
     * @return the segment length, at least 1
     */
    int every();
}
