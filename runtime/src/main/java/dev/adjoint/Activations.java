package dev.adjoint;

/**
 * Numerically stable activation functions, each with {@link Partial} derivatives so that
 * {@link Differentiable} methods may call them.
 */
public final class Activations {

    private Activations() {
    }

    /**
     * Rectified linear unit.
     *
     * @param x the input
     * @return {@code max(0, x)}: {@code 0} for {@code x <= 0} (also for {@code -0.0}), {@code x}
     *     otherwise ({@code NaN} stays {@code NaN})
     */
    public static double relu(double x) {
        // A select, not Math.max: the same value for every input (NaN and -0.0 included) in
        // fewer instructions; Math.max must order -0.0 below 0.0 and propagate NaN. The test
        // x > 0.0 comes first because a generated reverse sweep tests relu's result the same way
        // (a > 0.0, reluDerivative's test): where relu is inlined and x > 0.0 held, the JIT finds
        // that test already decided and drops it. Testing x <= 0.0 first (NaN then goes on to be
        // returned) leaves the JIT two different tests, both kept (issue 15: 0.5 ns of the seed
        // ReLU cost's 7.5). NaN is the only input for which both x > 0.0 and x <= 0.0 fail.
        return x > 0.0 ? x : x != x ? x : 0.0;
    }

    /**
     * Derivative of {@link #relu(double)}, with the convention {@code ReLU'(0) = 0}.
     *
     * @param x the input
     * @return {@code 1} if {@code x > 0}, otherwise {@code 0}
     */
    @Partial(of = "relu", wrt = "x")
    @NonDifferentiable
    public static double reluDerivative(double x) {
        return x > 0.0 ? 1.0 : 0.0;
    }

    /**
     * Leaky rectified linear unit.
     *
     * @param x the input
     * @param slope the slope used for {@code x <= 0}
     * @return {@code x} if {@code x > 0}, otherwise {@code slope·x}
     */
    public static double leakyRelu(double x, double slope) {
        return x > 0.0 ? x : slope * x;
    }

    /**
     * Partial derivative of {@link #leakyRelu(double, double)} with respect to {@code x}
     * (convention: the left derivative {@code slope} at {@code x = 0}).
     *
     * @param x the input
     * @param slope the slope used for {@code x <= 0}
     * @return {@code 1} if {@code x > 0}, otherwise {@code slope}
     */
    @Partial(of = "leakyRelu", wrt = "x")
    public static double leakyReluDerivative(double x, double slope) {
        return x > 0.0 ? 1.0 : slope;
    }

    /**
     * Partial derivative of {@link #leakyRelu(double, double)} with respect to {@code slope}.
     *
     * @param x the input
     * @param slope the slope used for {@code x <= 0}
     * @return {@code 0} if {@code x > 0}, otherwise {@code x}
     */
    @Partial(of = "leakyRelu", wrt = "slope")
    public static double leakyReluSlopeDerivative(double x, double slope) {
        return x > 0.0 ? 0.0 : x;
    }

    /**
     * Logistic sigmoid {@code 1/(1+e^-x)}, stable for large {@code |x|} (never overflows, so
     * {@code sigmoid(-800)} is {@code 0}, not {@code NaN}).
     *
     * @param x the input
     * @return the sigmoid of {@code x}, in {@code [0, 1]}
     */
    public static double sigmoid(double x) {
        if (x >= 0.0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /**
     * Derivative of {@link #sigmoid(double)}: {@code s(1-s)}, computed as {@code e/(1+e)²} with
     * {@code e = exp(-|x|)} (one {@code exp}, where {@code sigmoid(x)·sigmoid(-x)} takes two) so it
     * keeps full relative precision in both tails and never overflows.
     *
     * @param x the input
     * @return {@code s(1-s)} where {@code s = sigmoid(x)}
     */
    @Partial(of = "sigmoid", wrt = "x")
    public static double sigmoidDerivative(double x) {
        double e = Math.exp(-Math.abs(x));
        double onePlusE = 1.0 + e;
        return e / (onePlusE * onePlusE);
    }

    /**
     * Softplus {@code log(1+e^x)}, computed stably as {@code max(x,0) + log1p(exp(-|x|))}.
     *
     * @param x the input
     * @return the softplus of {@code x}
     */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * Derivative of {@link #softplus(double)}.
     *
     * @param x the input
     * @return {@code sigmoid(x)}
     */
    @Partial(of = "softplus", wrt = "x")
    public static double softplusDerivative(double x) {
        return sigmoid(x);
    }

    // Second derivatives: the partials of the partials above, which second order (mHvp,
    // mHessian) differentiates. ReLU's derivative is piecewise constant (@NonDifferentiable).

    /**
     * Partial derivative of {@link #leakyReluDerivative(double, double)} with respect to
     * {@code x}: the derivative is piecewise constant in {@code x}.
     *
     * @param x the input
     * @param slope the slope used for {@code x <= 0}
     * @return {@code 0}
     */
    @Partial(of = "leakyReluDerivative", wrt = "x")
    public static double leakyReluDerivativeDx(double x, double slope) {
        return 0.0;
    }

    /**
     * Partial derivative of {@link #leakyReluDerivative(double, double)} with respect to
     * {@code slope}.
     *
     * @param x the input
     * @param slope the slope used for {@code x <= 0}
     * @return {@code 0} if {@code x > 0}, otherwise {@code 1}
     */
    @Partial(of = "leakyReluDerivative", wrt = "slope")
    public static double leakyReluDerivativeDslope(double x, double slope) {
        return x > 0.0 ? 0.0 : 1.0;
    }

    /**
     * Partial derivative of {@link #leakyReluSlopeDerivative(double, double)} with respect to
     * {@code x}.
     *
     * @param x the input
     * @param slope the slope used for {@code x <= 0}
     * @return {@code 0} if {@code x > 0}, otherwise {@code 1}
     */
    @Partial(of = "leakyReluSlopeDerivative", wrt = "x")
    public static double leakyReluSlopeDerivativeDx(double x, double slope) {
        return x > 0.0 ? 0.0 : 1.0;
    }

    /**
     * Partial derivative of {@link #leakyReluSlopeDerivative(double, double)} with respect to
     * {@code slope}.
     *
     * @param x the input
     * @param slope the slope used for {@code x <= 0}
     * @return {@code 0}
     */
    @Partial(of = "leakyReluSlopeDerivative", wrt = "slope")
    public static double leakyReluSlopeDerivativeDslope(double x, double slope) {
        return 0.0;
    }

    /**
     * Second derivative of {@link #sigmoid(double)}: {@code s(1-s)(1-2s)}, computed as
     * {@code s(1-s)·(sigmoid(-x) - sigmoid(x))}.
     *
     * @param x the input
     * @return the derivative of {@link #sigmoidDerivative(double)}
     */
    @Partial(of = "sigmoidDerivative", wrt = "x")
    public static double sigmoidSecondDerivative(double x) {
        return sigmoidDerivative(x) * (sigmoid(-x) - sigmoid(x));
    }

    /**
     * Second derivative of {@link #softplus(double)}: {@code sigmoid'(x)}.
     *
     * @param x the input
     * @return the derivative of {@link #softplusDerivative(double)}
     */
    @Partial(of = "softplusDerivative", wrt = "x")
    public static double softplusSecondDerivative(double x) {
        return sigmoidDerivative(x);
    }
}
