package dev.adjoint.spark;

import java.io.Serializable;

/**
 * The summed loss and gradient over a set of examples.
 *
 * @param loss {@code Σ loss(example)}
 * @param gradient {@code Σ ∇loss(example)}, of the parameters' shape
 * @param count the number of examples
 */
public record LossAndGradient(double loss, Params gradient, long count) implements Serializable {

    /**
     * The mean loss.
     *
     * @return {@code loss / count}
     */
    public double meanLoss() {
        return loss / count;
    }

    /**
     * Scales the gradient in place to the mean gradient.
     *
     * @return {@link #gradient()}, divided by {@code count}
     */
    public Params meanGradient() {
        return gradient.scale(1.0 / count);
    }
}
