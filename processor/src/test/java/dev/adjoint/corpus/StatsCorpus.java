package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

/** Likelihoods and fits. */
final class StatsCorpus {
    private StatsCorpus() {
    }

    static final double LOG_2PI = 1.8378770664093453;

    /** 20. Gaussian negative log-likelihood of data under (mu, log sigma). */
    @Differentiable(wrt = {"mu", "logSigma"})
    static double gaussianNll(double[] data, double mu, double logSigma) {
        double sigma = Math.exp(logSigma);
        double nll = 0;
        for (double x : data) {
            double z = (x - mu) / sigma;
            nll += 0.5 * z * z + logSigma + 0.5 * LOG_2PI;
        }
        return nll;
    }

    static double logSumExp(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        double s = 0;
        for (double v : a) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }

    /** 21. Gaussian-mixture log-likelihood with log-sum-exp over components (helper on a local array). */
    @Differentiable(wrt = {"logits", "means", "logSigmas"})
    static double gmmLogLik(double[] data, double[] logits, double[] means, double[] logSigmas) {
        int kk = logits.length;
        double[] logw = new double[kk];
        double norm = logSumExp(logits);
        for (int c = 0; c < kk; c++) {
            logw[c] = logits[c] - norm;
        }
        double[] comp = new double[kk];
        double total = 0;
        for (int n = 0; n < data.length; n++) {
            for (int c = 0; c < kk; c++) {
                double z = (data[n] - means[c]) * Math.exp(-logSigmas[c]);
                comp[c] = logw[c] - 0.5 * z * z - logSigmas[c] - 0.5 * LOG_2PI;
            }
            total += logSumExp(comp);
        }
        return total;
    }

    /** 22. Least-squares polynomial fit residual (Horner inside), with coefficients differentiated. */
    @Differentiable(wrt = {"coef"})
    static double polyFitLoss(double[] xs, double[] ys, double[] coef) {
        double loss = 0;
        for (int i = 0; i < xs.length; i++) {
            double p = 0;
            for (int d = coef.length - 1; d >= 0; d--) {
                p = p * xs[i] + coef[d];
            }
            double r = p - ys[i];
            loss += r * r;
        }
        return loss / xs.length;
    }

    /** 23. Student-t log-likelihood with a Lanczos logGamma helper (helpers calling helpers). */
    static final double[] LANCZOS = {676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = 0.99999999999980993;
        double t = x + 7.5;
        for (int i = 0; i < 8; i++) {
            a += LANCZOS[i] / (x + i + 1);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    @Differentiable(wrt = {"nu", "mu", "scale"})
    static double studentTLogLik(double[] data, double nu, double mu, double scale) {
        double c = logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI) - Math.log(scale);
        double ll = 0;
        for (double x : data) {
            double z = (x - mu) / scale;
            ll += c - (nu + 1) / 2 * Math.log1p(z * z / nu);
        }
        return ll;
    }

    /** 24. Huber loss robust regression, kink by branch on |r| (away from the kink). */
    @Differentiable(wrt = {"a", "b"})
    static double huberFit(double[] xs, double[] ys, double a, double b, double delta) {
        double loss = 0;
        for (int i = 0; i < xs.length; i++) {
            double r = ys[i] - (a * xs[i] + b);
            double ar = Math.abs(r);
            loss += ar <= delta ? 0.5 * r * r : delta * (ar - 0.5 * delta);
        }
        return loss;
    }
}
