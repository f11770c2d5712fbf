package dev.adjoint;

/**
 * Loss functions with {@link Partial} derivatives (scalar losses) or {@link Pullback}s (array
 * losses) so that {@link Differentiable} methods may call them.
 */
public final class Losses {

    private Losses() {
    }

    /**
     * Half squared error.
     *
     * @param prediction the predicted value
     * @param target the target value
     * @return {@code ½(prediction - target)²}
     */
    public static double squaredError(double prediction, double target) {
        double d = prediction - target;
        return 0.5 * d * d;
    }

    /**
     * Partial derivative of {@link #squaredError(double, double)} with respect to
     * {@code prediction}.
     *
     * @param prediction the predicted value
     * @param target the target value
     * @return {@code prediction - target}
     */
    @Partial(of = "squaredError", wrt = "prediction")
    public static double squaredErrorDerivative(double prediction, double target) {
        return prediction - target;
    }

    /**
     * Partial derivative of {@link #squaredError(double, double)} with respect to {@code target}.
     *
     * @param prediction the predicted value
     * @param target the target value
     * @return {@code target - prediction}
     */
    @Partial(of = "squaredError", wrt = "target")
    public static double squaredErrorTargetDerivative(double prediction, double target) {
        return target - prediction;
    }

    /**
     * Binary cross-entropy {@code -(label·log(p) + (1-label)·log(1-p))}, using the convention
     * {@code 0·log 0 = 0} so that a confident correct prediction ({@code p = label ∈ {0, 1}})
     * costs {@code 0} rather than {@code NaN}.
     *
     * @param probability the predicted probability {@code p}, in {@code [0, 1]}
     * @param label the target, usually {@code 0} or {@code 1}
     * @return the loss
     */
    public static double binaryCrossEntropy(double probability, double label) {
        double loss = 0.0;
        if (label != 0.0) {
            loss -= label * Math.log(probability);
        }
        if (label != 1.0) {
            loss -= (1.0 - label) * Math.log1p(-probability);
        }
        return loss;
    }

    /**
     * Partial derivative of {@link #binaryCrossEntropy(double, double)} with respect to
     * {@code probability}, evaluated as {@code -label/p + (1-label)/(1-p)} (same
     * {@code 0·x = 0} convention as the loss).
     *
     * @param probability the predicted probability {@code p}
     * @param label the target
     * @return {@code (p - label) / (p(1-p))}
     */
    @Partial(of = "binaryCrossEntropy", wrt = "probability")
    public static double binaryCrossEntropyDerivative(double probability, double label) {
        double d = 0.0;
        if (label != 0.0) {
            d -= label / probability;
        }
        if (label != 1.0) {
            d += (1.0 - label) / (1.0 - probability);
        }
        return d;
    }

    /**
     * Partial derivative of {@link #binaryCrossEntropy(double, double)} with respect to
     * {@code label}.
     *
     * @param probability the predicted probability {@code p}
     * @param label the target
     * @return {@code log(1-p) - log(p)}
     */
    @Partial(of = "binaryCrossEntropy", wrt = "label")
    public static double binaryCrossEntropyLabelDerivative(double probability, double label) {
        return Math.log1p(-probability) - Math.log(probability);
    }

    /**
     * Second derivative of {@link #binaryCrossEntropy(double, double)} with respect to
     * {@code probability}: {@code label/p² + (1-label)/(1-p)²}, with the loss's {@code 0·x = 0}
     * convention for each term.
     *
     * @param probability the predicted probability {@code p}
     * @param label the target
     * @return the derivative of {@link #binaryCrossEntropyDerivative(double, double)} with
     *     respect to {@code probability}
     */
    @Partial(of = "binaryCrossEntropyDerivative", wrt = "probability")
    public static double binaryCrossEntropySecondDerivative(double probability, double label) {
        double d = 0.0;
        if (label != 0.0) {
            d += label / (probability * probability);
        }
        if (label != 1.0) {
            double q = 1.0 - probability;
            d += (1.0 - label) / (q * q);
        }
        return d;
    }

    /**
     * Mixed second derivative of {@link #binaryCrossEntropy(double, double)}:
     * {@code -1/p - 1/(1-p)}, the derivative of {@link #binaryCrossEntropyDerivative} with
     * respect to {@code label}.
     *
     * @param probability the predicted probability {@code p}
     * @param label the target (unused: the mixed derivative does not depend on it)
     * @return {@code -1/(p(1-p))}
     */
    @Partial(of = "binaryCrossEntropyDerivative", wrt = "label")
    public static double binaryCrossEntropyMixedDerivative(double probability, double label) {
        return -1.0 / probability - 1.0 / (1.0 - probability);
    }

    /**
     * The derivative of {@link #binaryCrossEntropyLabelDerivative} with respect to
     * {@code probability}: the same mixed derivative, {@code -1/p - 1/(1-p)}.
     *
     * @param probability the predicted probability {@code p}
     * @param label the target (unused)
     * @return {@code -1/(p(1-p))}
     */
    @Partial(of = "binaryCrossEntropyLabelDerivative", wrt = "probability")
    public static double binaryCrossEntropyLabelMixedDerivative(double probability,
            double label) {
        return binaryCrossEntropyMixedDerivative(probability, label);
    }

    /**
     * The derivative of {@link #binaryCrossEntropyLabelDerivative} with respect to
     * {@code label}: the loss is linear in the label, so 0.
     *
     * @param probability the predicted probability (unused)
     * @param label the target (unused)
     * @return 0
     */
    @Partial(of = "binaryCrossEntropyLabelDerivative", wrt = "label")
    public static double binaryCrossEntropyLabelSecondDerivative(double probability,
            double label) {
        return 0.0;
    }

    /**
     * Mean squared error {@code (1/n)·Σ(predictions[i] - targets[i])²}.
     *
     * @param predictions the predicted values
     * @param targets the target values
     * @return the mean squared error
     * @throws IllegalArgumentException if the arrays are empty or differ in length
     */
    public static double mse(double[] predictions, double[] targets) {
        int n = commonLength(predictions, targets);
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double d = predictions[i] - targets[i];
            sum += d * d;
        }
        return sum / n;
    }

    /**
     * Pullback of {@link #mse(double[], double[])}: adds
     * {@code seed·2(predictions[i] - targets[i])/n} to {@code predictionsAdj[i]} and its negation
     * to {@code targetsAdj[i]}.
     *
     * @param predictions the predicted values
     * @param targets the target values
     * @param seed the adjoint of the result
     * @param predictionsAdj adjoint of {@code predictions} to accumulate into, or {@code null}
     * @param targetsAdj adjoint of {@code targets} to accumulate into, or {@code null}
     * @throws IllegalArgumentException if the arrays are empty or differ in length
     */
    @Pullback(of = "mse")
    public static void msePullback(double[] predictions, double[] targets, double seed,
            double[] predictionsAdj, double[] targetsAdj) {
        int n = commonLength(predictions, targets);
        checkAdjoint(predictionsAdj, n, "predictionsAdj");
        checkAdjoint(targetsAdj, n, "targetsAdj");
        double scale = 2.0 * seed / n;
        for (int i = 0; i < n; i++) {
            double g = scale * (predictions[i] - targets[i]);
            if (predictionsAdj != null) {
                predictionsAdj[i] += g;
            }
            if (targetsAdj != null) {
                targetsAdj[i] -= g;
            }
        }
    }

    /**
     * Softmax cross-entropy {@code -log softmax(logits)[label]}, computed with a max-shifted
     * log-sum-exp so that large logits (e.g. {@code 1000}) stay finite.
     *
     * @param logits the unnormalised log-probabilities
     * @param label index of the correct class
     * @return the loss
     * @throws IllegalArgumentException if {@code label} is not a valid index of {@code logits}
     */
    public static double softmaxCrossEntropy(double[] logits, int label) {
        checkLabel(logits, label);
        int argmax = argmax(logits);
        double max = logits[argmax];
        double rest = 0.0;
        for (int i = 0; i < logits.length; i++) {
            if (i != argmax) {
                rest += Math.exp(logits[i] - max);
            }
        }
        return (max - logits[label]) + Math.log1p(rest);
    }

    /**
     * Pullback of {@link #softmaxCrossEntropy(double[], int)}: adds
     * {@code seed·(softmax(logits)[i] - [i == label])} to {@code logitsAdj[i]}.
     *
     * @param logits the unnormalised log-probabilities
     * @param label index of the correct class
     * @param seed the adjoint of the result
     * @param logitsAdj adjoint of {@code logits} to accumulate into, or {@code null}
     * @throws IllegalArgumentException if {@code label} is not a valid index of {@code logits}
     */
    @Pullback(of = "softmaxCrossEntropy")
    public static void softmaxCrossEntropyPullback(double[] logits, int label, double seed,
            double[] logitsAdj) {
        checkLabel(logits, label);
        if (logitsAdj == null) {
            return;
        }
        checkAdjoint(logitsAdj, logits.length, "logitsAdj");
        double[] e = shiftedExp(logits);
        double total = 0.0;
        double others = 0.0;
        for (int i = 0; i < e.length; i++) {
            total += e[i];
            if (i != label) {
                others += e[i];
            }
        }
        for (int i = 0; i < e.length; i++) {
            // softmax_label - 1 is evaluated as -others/total to avoid cancellation.
            double g = i == label ? -others / total : e[i] / total;
            logitsAdj[i] += seed * g;
        }
    }

    /**
     * Softmax, computed stably by shifting the logits by their maximum. Intended for inference:
     * it has no derivative annotations.
     *
     * @param logits the unnormalised log-probabilities
     * @return a new array of probabilities summing to 1 (empty for empty input)
     */
    public static double[] softmax(double[] logits) {
        double[] e = shiftedExp(logits);
        double total = 0.0;
        for (double v : e) {
            total += v;
        }
        for (int i = 0; i < e.length; i++) {
            e[i] /= total;
        }
        return e;
    }

    /** Returns a new array {@code exp(logits[i] - max(logits))}. */
    private static double[] shiftedExp(double[] logits) {
        double[] e = new double[logits.length];
        if (e.length == 0) {
            return e;
        }
        double max = logits[argmax(logits)];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.exp(logits[i] - max);
        }
        return e;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int commonLength(double[] predictions, double[] targets) {
        int n = predictions.length;
        if (n != targets.length) {
            throw new IllegalArgumentException("length mismatch: " + n + " predictions but "
                    + targets.length + " targets");
        }
        if (n == 0) {
            throw new IllegalArgumentException("predictions and targets must not be empty");
        }
        return n;
    }

    private static void checkLabel(double[] logits, int label) {
        if (label < 0 || label >= logits.length) {
            throw new IllegalArgumentException(
                    "label " + label + " out of range for " + logits.length + " logits");
        }
    }

    private static void checkAdjoint(double[] adjoint, int n, String name) {
        if (adjoint != null && adjoint.length != n) {
            throw new IllegalArgumentException(
                    name + " has length " + adjoint.length + ", expected " + n);
        }
    }

    // Forward mode (@Tangent) of the array losses, and second derivatives: what mTangent, mHvp
    // and mHessian use. A null direction is zero.

    /**
     * Second partial derivative of {@link #squaredError(double, double)}: the derivative of
     * {@link #squaredErrorDerivative(double, double)} with respect to {@code prediction}.
     *
     * @param prediction the predicted value
     * @param target the target value
     * @return {@code 1}
     */
    @Partial(of = "squaredErrorDerivative", wrt = "prediction")
    public static double squaredErrorSecondDerivative(double prediction, double target) {
        return 1.0;
    }

    /**
     * The derivative of {@link #squaredErrorDerivative(double, double)} with respect to
     * {@code target}.
     *
     * @param prediction the predicted value
     * @param target the target value
     * @return {@code -1}
     */
    @Partial(of = "squaredErrorDerivative", wrt = "target")
    public static double squaredErrorMixedDerivative(double prediction, double target) {
        return -1.0;
    }

    /**
     * The derivative of {@link #squaredErrorTargetDerivative(double, double)} with respect to
     * {@code prediction}.
     *
     * @param prediction the predicted value
     * @param target the target value
     * @return {@code -1}
     */
    @Partial(of = "squaredErrorTargetDerivative", wrt = "prediction")
    public static double squaredErrorTargetMixedDerivative(double prediction, double target) {
        return -1.0;
    }

    /**
     * The derivative of {@link #squaredErrorTargetDerivative(double, double)} with respect to
     * {@code target}.
     *
     * @param prediction the predicted value
     * @param target the target value
     * @return {@code 1}
     */
    @Partial(of = "squaredErrorTargetDerivative", wrt = "target")
    public static double squaredErrorTargetSecondDerivative(double prediction, double target) {
        return 1.0;
    }

    /**
     * Tangent of {@link #mse(double[], double[])}: {@code (2/n)·Σ(p[i] - t[i])(dp[i] - dt[i])}.
     *
     * @param predictions the predicted values
     * @param targets the target values
     * @param predictionsDot the direction of {@code predictions}, or {@code null} for zero
     * @param targetsDot the direction of {@code targets}, or {@code null} for zero
     * @return the directional derivative of the mean squared error
     * @throws IllegalArgumentException if the arrays are empty or differ in length
     */
    @Tangent(of = "mse")
    public static double mseTangent(double[] predictions, double[] targets,
            double[] predictionsDot, double[] targetsDot) {
        int n = commonLength(predictions, targets);
        checkAdjoint(predictionsDot, n, "predictionsDot");
        checkAdjoint(targetsDot, n, "targetsDot");
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += (predictions[i] - targets[i]) * (at(predictionsDot, i) - at(targetsDot, i));
        }
        return 2.0 * sum / n;
    }

    /**
     * Pullback of {@link #mseTangent(double[], double[], double[], double[])}, for second order.
     *
     * @param predictions the predicted values
     * @param targets the target values
     * @param predictionsDot the direction of {@code predictions}, or {@code null} for zero
     * @param targetsDot the direction of {@code targets}, or {@code null} for zero
     * @param seed the adjoint of the result
     * @param predictionsAdj adjoint of {@code predictions} to accumulate into, or {@code null}
     * @param targetsAdj adjoint of {@code targets} to accumulate into, or {@code null}
     * @param predictionsDotAdj adjoint of {@code predictionsDot}, or {@code null}
     * @param targetsDotAdj adjoint of {@code targetsDot}, or {@code null}
     */
    @Pullback(of = "mseTangent")
    public static void mseTangentPullback(double[] predictions, double[] targets,
            double[] predictionsDot, double[] targetsDot, double seed, double[] predictionsAdj,
            double[] targetsAdj, double[] predictionsDotAdj, double[] targetsDotAdj) {
        int n = commonLength(predictions, targets);
        double scale = 2.0 * seed / n;
        for (int i = 0; i < n; i++) {
            double d = scale * (at(predictionsDot, i) - at(targetsDot, i));
            double e = scale * (predictions[i] - targets[i]);
            add(predictionsAdj, i, d);
            add(targetsAdj, i, -d);
            add(predictionsDotAdj, i, e);
            add(targetsDotAdj, i, -e);
        }
    }

    /**
     * Tangent of {@link #softmaxCrossEntropy(double[], int)}:
     * {@code Σ(softmax(logits)[i] - [i == label])·dlogits[i]}.
     *
     * @param logits the unnormalised log-probabilities
     * @param label index of the correct class
     * @param logitsDot the direction of {@code logits}, or {@code null} for zero
     * @return the directional derivative of the loss
     * @throws IllegalArgumentException if {@code label} is not a valid index of {@code logits}
     */
    @Tangent(of = "softmaxCrossEntropy")
    public static double softmaxCrossEntropyTangent(double[] logits, int label,
            double[] logitsDot) {
        checkLabel(logits, label);
        if (logitsDot == null) {
            return 0.0;
        }
        checkAdjoint(logitsDot, logits.length, "logitsDot");
        double[] s = softmax(logits);
        double sum = -logitsDot[label];
        for (int i = 0; i < s.length; i++) {
            sum += s[i] * logitsDot[i];
        }
        return sum;
    }

    /**
     * Pullback of {@link #softmaxCrossEntropyTangent(double[], int, double[])}, for second
     * order: adds {@code seed·s[j](dl[j] - s·dl)} into {@code logitsAdj[j]} and
     * {@code seed·(s[j] - [j == label])} into {@code logitsDotAdj[j]}.
     *
     * @param logits the unnormalised log-probabilities
     * @param label index of the correct class
     * @param logitsDot the direction of {@code logits}, or {@code null} for zero
     * @param seed the adjoint of the result
     * @param logitsAdj adjoint of {@code logits} to accumulate into, or {@code null}
     * @param logitsDotAdj adjoint of {@code logitsDot} to accumulate into, or {@code null}
     */
    @Pullback(of = "softmaxCrossEntropyTangent")
    public static void softmaxCrossEntropyTangentPullback(double[] logits, int label,
            double[] logitsDot, double seed, double[] logitsAdj, double[] logitsDotAdj) {
        checkLabel(logits, label);
        double[] s = softmax(logits);
        double dot = 0.0;
        for (int i = 0; i < s.length; i++) {
            dot += s[i] * at(logitsDot, i);
        }
        for (int j = 0; j < s.length; j++) {
            add(logitsAdj, j, seed * s[j] * (at(logitsDot, j) - dot));
            add(logitsDotAdj, j, seed * (s[j] - (j == label ? 1.0 : 0.0)));
        }
    }

    private static double at(double[] direction, int i) {
        return direction == null ? 0.0 : direction[i];
    }

    private static void add(double[] adjoint, int i, double value) {
        if (adjoint != null) {
            adjoint[i] += value;
        }
    }
}
