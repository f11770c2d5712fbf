package dev.adjoint.spark;

import dev.adjoint.Tape;
import java.io.Serializable;
import org.apache.spark.mllib.linalg.DenseVector;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.optimization.Gradient;

/**
 * MLlib's optimiser contract for any {@code @Differentiable} model with a flat parameter vector:
 * {@link Gradient#compute(Vector, double, Vector, Vector)} adds the example's gradient into
 * {@code cumGradient} and returns its loss, which is exactly the contract of a generated
 * {@code mAdjoint} entry point. So MLlib's {@code LBFGS} and {@code GradientDescent} (their
 * broadcast, {@code treeAggregate} and line search) train the model:
 *
 * <pre>{@code
 * Gradient g = new MllibGradient((x, y, w, gw, tape) ->
 *     LogisticGrad.logLossAdjoint(w, x, y, 1.0, NO_SCALARS, gw, tape));
 * Tuple2<Vector, double[]> r = LBFGS.runLBFGS(data, g, new SimpleUpdater(), 10, 1e-9, 100, 0.0, w0);
 * }</pre>
 *
 * <p>The weights and the cumulative gradient are used in place (MLlib passes dense vectors);
 * the features are passed as {@code data.toArray()}, the dense array itself for a
 * {@code DenseVector}. One tape serves all the examples of a task.
 */
public final class MllibGradient extends Gradient {

    private static final long serialVersionUID = 1L;

    /**
     * A per-example loss over a labelled feature vector and a flat weight vector; implement it
     * with one line calling the generated adjoint entry point with {@code seed = 1}.
     */
    @FunctionalInterface
    public interface LabeledLoss extends Serializable {

        /**
         * Returns the loss of one example and adds its gradient into {@code gradient}.
         *
         * @param features the example's features (read only)
         * @param label the example's label
         * @param weights the parameters (read only)
         * @param gradient the cumulative gradient: add into it
         * @param tape a tape for the generated entry point, reused across examples
         * @return the example's loss
         */
        double addGradient(double[] features, double label, double[] weights, double[] gradient,
                Tape tape);
    }

    private final LabeledLoss loss;
    private transient Tape tape;

    /**
     * Adapts a per-example loss.
     *
     * @param loss the loss, calling a generated adjoint entry point
     */
    public MllibGradient(LabeledLoss loss) {
        this.loss = loss;
    }

    @Override
    public double compute(Vector data, double label, Vector weights, Vector cumGradient) {
        if (!(cumGradient instanceof DenseVector dense)) {
            throw new IllegalArgumentException("the cumulative gradient must be a DenseVector,"
                    + " got " + cumGradient.getClass().getSimpleName());
        }
        if (tape == null) {
            tape = new Tape();
        }
        return loss.addGradient(data.toArray(), label, weights.toArray(), dense.values(), tape);
    }
}
