package dev.adjoint.spark;

import dev.adjoint.Tape;
import java.io.Serializable;

/**
 * A per-example loss whose gradient Adjoint generated: implement it with one line calling the
 * generated adjoint entry point with {@code seed = 1}, e.g. for
 * {@code @Differentiable(wrt = "w") static double logLoss(double[] w, double[] x, double y)}:
 *
 * <pre>{@code
 * ExampleLoss<Example> loss = (e, p, g, tape) ->
 *     LogisticGrad.logLossAdjoint(p.vector(0), e.x(), e.y(), 1.0, NO_SCALARS, g.vector(0), tape);
 * }</pre>
 *
 * <p>The contract is the generated entry point's: return the loss of {@code example} at
 * {@code params} and <em>add</em> its gradient into {@code gradient} (never overwrite it). It
 * is called on executors, once per example, with one {@code gradient} buffer and one
 * {@code tape} per partition, so it must not allocate per example what it can avoid, must not
 * keep state between calls, and must not modify {@code params} or {@code example}. An exception
 * it throws (a NaN guard, say) fails the Spark job with its message.
 *
 * @param <E> the type of an example
 */
@FunctionalInterface
public interface ExampleLoss<E> extends Serializable {

    /**
     * Returns the loss of one example and adds its gradient into {@code gradient}.
     *
     * @param example the example
     * @param params the parameters (read only; shared by all examples of the partition)
     * @param gradient the partition's gradient buffer, of {@code params}' shape: add into it
     * @param tape a tape to pass to the generated entry point, reused across the partition's
     *     examples
     * @return the loss of {@code example}
     */
    double addGradient(E example, Params params, Params gradient, Tape tape);
}
