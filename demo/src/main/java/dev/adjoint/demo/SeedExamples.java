package dev.adjoint.demo;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;
import dev.adjoint.Losses;

/**
 * The examples of the seed document "Backpropagation &amp; Computation Graphs", written as ordinary
 * Java. Adjoint generates their reverse-mode gradients into {@code SeedExamplesGrad}.
 */
public final class SeedExamples {

    private SeedExamples() {
    }

    /**
     * The seed's first cost function, {@code J(w) = w²}, whose derivative is {@code 2w}.
     *
     * @param w the weight
     * @return {@code w²}
     */
    @Differentiable(graph = true)
    public static double square(double w) {
        return w * w;
    }

    /**
     * The seed's linear unit {@code a = wx + b} with cost {@code J = ½(a - y)²}, written as its
     * four computation-graph nodes. Backpropagation gives {@code ∂J/∂w = d·x} and
     * {@code ∂J/∂b = d} with {@code d = a - y}.
     *
     * @param w the weight
     * @param x the input
     * @param b the bias
     * @param y the target
     * @return the cost {@code J}
     */
    @Differentiable(wrt = {"w", "b"}, graph = true)
    public static double linearUnit(double w, double x, double b, double y) {
        double c = w * x;       // Step 1: weighted input
        double a = c + b;       // Step 2: add the bias
        double d = a - y;       // Step 3: error
        return 0.5 * d * d;     // Step 4: cost J = ½d²
    }

    /**
     * The cost as a function of the error node {@code d} of the linear unit's computation graph:
     * {@code J = ½d²} (the seed's node 4). Backpropagation's Step 1: {@code ∂J/∂d = d}.
     *
     * @param d the error {@code a - y}
     * @return {@code ½d²}
     */
    @Differentiable
    public static double costOfD(double d) {
        return 0.5 * d * d;
    }

    /**
     * The cost as a function of the output node {@code a}: {@code d = a - y}, then
     * {@link #costOfD}. Step 2: {@code ∂J/∂a = ∂J/∂d · 1}.
     *
     * @param a the output {@code c + b}
     * @param y the target
     * @return the cost {@code J}
     */
    @Differentiable(wrt = "a")
    public static double costOfA(double a, double y) {
        return costOfD(a - y);
    }

    /**
     * The cost as a function of the weighted-input node {@code c}: {@code a = c + b}, then
     * {@link #costOfA}. Step 3: {@code ∂J/∂c = ∂J/∂a · 1}.
     *
     * @param c the weighted input {@code w·x}
     * @param b the bias
     * @param y the target
     * @return the cost {@code J}
     */
    @Differentiable(wrt = "c")
    public static double costOfC(double c, double b, double y) {
        return costOfA(c + b, y);
    }

    /**
     * The seed's network with one hidden ReLU unit and a ReLU output unit, with cost
     * {@code J = ½(a₂ - y)²}.
     *
     * @param x the input
     * @param y the target
     * @param w1 the hidden weight
     * @param b1 the hidden bias
     * @param w2 the output weight
     * @param b2 the output bias
     * @return the cost {@code J}
     */
    @Differentiable(wrt = {"w1", "b1", "w2", "b2"}, graph = true)
    public static double twoLayer(double x, double y, double w1, double b1, double w2,
            double b2) {
        double z1 = w1 * x + b1;
        double a1 = Activations.relu(z1);
        double z2 = w2 * a1 + b2;
        double a2 = Activations.relu(z2);
        return Losses.squaredError(a2, y);
    }
}
