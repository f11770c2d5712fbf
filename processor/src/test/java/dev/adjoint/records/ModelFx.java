package dev.adjoint.records;

import dev.adjoint.Differentiable;
import dev.adjoint.Losses;

/** Instance methods of records (issue 17): the receiver's gradient is self(). */
record ModelFx(double[][] w1, double[] b1, double[][] w2, double[] b2, String name) {

    /** A one-hidden-layer network's loss, reading the fields by name, this.f and accessors. */
    @Differentiable
    double loss(double[] x, int label) {
        double[] h = new double[b1.length];
        for (int j = 0; j < h.length; j++) {
            double z = this.b1[j];
            for (int i = 0; i < x.length; i++) {
                z += w1()[j][i] * x[i];
            }
            h[j] = Math.tanh(z);
        }
        double[] logits = new double[b2().length];
        for (int k = 0; k < logits.length; k++) {
            double z = this.b2()[k];
            for (int j = 0; j < h.length; j++) {
                z += w2[k][j] * h[j];
            }
            logits[k] = z;
        }
        return Losses.softmaxCrossEntropy(logits, label);
    }

    /** The receiver only, wrt naming it. */
    @Differentiable(wrt = {"self"})
    double penalty(double lambda) {
        double s = 0;
        for (double[] row : w1) {
            for (double v : row) {
                s += v * v;
            }
        }
        return lambda * s + b2[0] * b2[0];
    }

    /** A parameter only: the receiver is read but not differentiated. */
    @Differentiable(wrt = {"x"})
    double readsSelf(double x) {
        return Math.sin(x * w1[0][0]) + b1[0] * x;
    }

    /** Calls between instance methods: unqualified, on this, and a helper without annotation. */
    @Differentiable
    double regularized(double[] x, int label, double k) {
        return loss(x, label) + this.penalty(0.01) + scaled(k);
    }

    /** A helper of the record, differentiated because a gradient calls it. */
    double scaled(double k) {
        return k * b1[0] * b1[1] + Math.sin(k * w2[0][0]);
    }

    /** Methods called on two record parameters. */
    @Differentiable
    static double twoModels(ModelFx a, ModelFx b, double[] x) {
        return a.loss(x, 0) * b.scaled(0.5) + b.penalty(0.1);
    }

    /** The mean loss of a batch: loss called on this inside a loop. */
    @Differentiable(wrt = {"self"})
    double batchLoss(double[][] xs, int[] labels) {
        double sum = 0;
        for (int n = 0; n < labels.length; n++) {
            double[] x = xs[n];
            sum += loss(x, labels[n]);
        }
        return sum / labels.length;
    }

    /** A component path of the receiver in wrt. */
    @Differentiable(wrt = {"self.b2"})
    double bias(double t) {
        return b2[0] * t * t + w1[0][0] * b2[1];
    }
}
