package dev.adjoint.spark.examples;

import dev.adjoint.Differentiable;

/**
 * Multinomial logistic regression with a flat weight vector, in MLlib's layout so that its
 * L-BFGS can train it through {@link dev.adjoint.spark.MllibGradient}: class 0 is the pivot
 * (margin 0), class {@code c ≥ 1} has the weights {@code w[(c−1)·n .. c·n)} over the {@code n}
 * features (append a constant 1 for an intercept). The same loss as MLlib's hand-written
 * {@code LogisticGradient(classes)}.
 */
public final class Softmax {

    private Softmax() {
    }

    /**
     * The negative log-likelihood of one example.
     *
     * @param w {@code (classes−1)·n} weights
     * @param x the {@code n} features
     * @param label the class, {@code 0 ≤ label < classes}
     * @param classes the number of classes
     * @return {@code log(1 + Σ_c exp(m_c)) − m_label}, {@code m_0 = 0}
     */
    @Differentiable(wrt = "w")
    public static double loss(double[] w, double[] x, int label, int classes) {
        int n = x.length;
        double max = 0.0;
        for (int c = 1; c < classes; c++) {
            double m = 0.0;
            for (int i = 0; i < n; i++) {
                m += w[(c - 1) * n + i] * x[i];
            }
            max = Math.max(max, m);
        }
        double sum = Math.exp(-max);
        double picked = 0.0;
        for (int c = 1; c < classes; c++) {
            double m = 0.0;
            for (int i = 0; i < n; i++) {
                m += w[(c - 1) * n + i] * x[i];
            }
            sum += Math.exp(m - max);
            if (c == label) {
                picked = m;
            }
        }
        return max + Math.log(sum) - picked;
    }

    /**
     * The predicted class.
     *
     * @param w the weights
     * @param x the features
     * @param classes the number of classes
     * @return the class of the largest margin
     */
    public static int predict(double[] w, double[] x, int classes) {
        int n = x.length;
        int best = 0;
        double bestMargin = 0.0;
        for (int c = 1; c < classes; c++) {
            double m = 0.0;
            for (int i = 0; i < n; i++) {
                m += w[(c - 1) * n + i] * x[i];
            }
            if (m > bestMargin) {
                bestMargin = m;
                best = c;
            }
        }
        return best;
    }
}
