package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

/** Option pricing. */
final class FinanceCorpus {
    private FinanceCorpus() {
    }

    static final double[] ERF_A = {0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429};
    static final double ERF_P = 0.3275911;

    /** Abramowitz-Stegun 7.1.26, with a sign flip for negative arguments. */
    static double erf(double x) {
        double sign = 1;
        if (x < 0) {
            sign = -1;
            x = -x;
        }
        double t = 1.0 / (1.0 + ERF_P * x);
        double poly = 0;
        for (int k = ERF_A.length - 1; k >= 0; k--) {
            poly = poly * t + ERF_A[k];
        }
        poly *= t;
        return sign * (1 - poly * Math.exp(-x * x));
    }

    static double normCdf(double x) {
        return 0.5 * (1 + erf(x / Math.sqrt(2)));
    }

    /** 15. Black-Scholes call; the gradient holds delta, vega, rho, theta (negated), dC/dK. */
    @Differentiable
    static double blackScholesCall(double s, double k, double t, double r, double sigma) {
        double sqrtT = Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
        double d2 = d1 - sigma * sqrtT;
        return s * normCdf(d1) - k * Math.exp(-r * t) * normCdf(d2);
    }

    /** 16. Put via a string-configured payoff and put-call parity. */
    @Differentiable(wrt = {"s", "sigma"})
    static double vanilla(String kind, double s, double k, double t, double r, double sigma) {
        double call = blackScholesCall(s, k, t, r, sigma);
        switch (kind) {
            case "call":
                return call;
            case "put":
                return call - s + k * Math.exp(-r * t);
            case "straddle": {
                double put = call - s + k * Math.exp(-r * t);
                return call + put;
            }
            default:
                throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    /** 17. Cox-Ross-Rubinstein binomial tree for an American put (early exercise via Math.max). */
    @Differentiable(wrt = {"s0", "sigma", "r"})
    static double binomialAmericanPut(double s0, double k, double t, double r, double sigma, int n) {
        double dt = t / n;
        double u = Math.exp(sigma * Math.sqrt(dt));
        double d = 1 / u;
        double disc = Math.exp(-r * dt);
        double p = (Math.exp(r * dt) - d) / (u - d);
        double[] values = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double st = s0 * Math.pow(u, n - i) * Math.pow(d, i);
            values[i] = Math.max(k - st, 0.0);
        }
        for (int step = n - 1; step >= 0; step--) {
            for (int i = 0; i <= step; i++) {
                double st = s0 * Math.pow(u, step - i) * Math.pow(d, i);
                double cont = disc * (p * values[i] + (1 - p) * values[i + 1]);
                values[i] = Math.max(cont, k - st);
            }
        }
        return values[0];
    }

    /** 18. Monte-Carlo-free "pathwise" average of an Asian call over a fixed path of shocks. */
    @Differentiable(wrt = {"s0", "sigma"})
    static double asianPathwise(double s0, double sigma, double r, double k, double[] shocks, double dt) {
        double s = s0;
        double sum = 0;
        for (double z : shocks) {
            s *= Math.exp((r - 0.5 * sigma * sigma) * dt + sigma * Math.sqrt(dt) * z);
            sum += s;
        }
        double avg = sum / shocks.length;
        return Math.exp(-r * dt * shocks.length) * Math.max(avg - k, 0);
    }

    /** 19. Implied volatility by Newton's method (data-dependent trip count), then a loss on it. */
    @Differentiable(wrt = {"price"})
    static double impliedVolNewton(double price, double s, double k, double t, double r) {
        double sigma = 0.3;
        int it = 0;
        while (it < 50) {
            double c = blackScholesCall(s, k, t, r, sigma);
            double d1 = (Math.log(s / k) + (r + 0.5 * sigma * sigma) * t) / (sigma * Math.sqrt(t));
            double vega = s * Math.sqrt(t) * Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI);
            double step = (c - price) / vega;
            sigma -= step;
            if (Math.abs(step) < 1e-14) {
                break;
            }
            it++;
        }
        return sigma;
    }
}
