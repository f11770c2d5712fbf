package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

/**
 * A corpus program once rejected, accepted since issue 13: a helper that writes its output into
 * a caller's buffer ({@code softmaxInto}, once {@code rejected/HelperWritesBuffer}).
 */
final class OutParamCorpus {
    private OutParamCorpus() {
    }

    /** A helper that writes its output into a caller's buffer. */
    static void softmaxInto(double[] z, double[] out) {
        double m = z[0];
        for (double v : z) {
            m = Math.max(m, v);
        }
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            out[i] = Math.exp(z[i] - m);
            s += out[i];
        }
        for (int i = 0; i < z.length; i++) {
            out[i] /= s;
        }
    }

    /** The negative log-likelihood of a label through the buffer. */
    @Differentiable
    static double useBuffer(double[] z, int label) {
        double[] p = new double[z.length];
        softmaxInto(z, p);
        return -Math.log(p[label]);
    }
}
