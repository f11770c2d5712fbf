package dev.adjoint.spark.examples;

import dev.adjoint.Differentiable;
import dev.adjoint.Partial;

/**
 * Black–Scholes values of European options on several underlyings, differentiated by Adjoint
 * with respect to the shared market parameters: for {@code U} underlyings,
 * {@code market = [spot₀ … spot_{U−1}, vol₀ … vol_{U−1}, rate]}. The gradient of a trade's value
 * is its delta (spots), vega (volatilities) and rho (rate).
 */
public final class BlackScholes {

    private BlackScholes() {
    }

    /**
     * The value of {@code quantity} European options.
     *
     * @param market spots, volatilities, then the rate
     * @param underlying the option's underlying, {@code 0 ≤ underlying < underlyings}
     * @param underlyings {@code U}
     * @param strike the strike
     * @param maturity years to expiry, positive
     * @param quantity the number of options (negative: sold)
     * @param call a call, else a put
     * @return the position's value
     */
    @Differentiable(wrt = "market")
    public static double value(double[] market, int underlying, int underlyings, double strike,
            double maturity, double quantity, boolean call) {
        double s = market[underlying];
        double sigma = market[underlyings + underlying];
        double r = market[2 * underlyings];
        double sqrtT = Math.sqrt(maturity);
        double d1 = (Math.log(s / strike) + (r + 0.5 * sigma * sigma) * maturity)
                / (sigma * sqrtT);
        double d2 = d1 - sigma * sqrtT;
        double discounted = strike * Math.exp(-r * maturity);
        double price;
        if (call) {
            price = s * normCdf(d1) - discounted * normCdf(d2);
        } else {
            price = discounted * normCdf(-d2) - s * normCdf(-d1);
        }
        return quantity * price;
    }

    /**
     * The standard normal distribution function, to about 1e-15 (Hart's double-precision
     * algorithm, as given by G. West, "Better approximations to cumulative normal functions").
     *
     * @param x the argument
     * @return {@code Φ(x)}
     */
    public static double normCdf(double x) {
        double a = Math.abs(x);
        double tail;
        if (a > 37.0) {
            tail = 0.0;
        } else {
            double e = Math.exp(-a * a / 2.0);
            if (a < 7.07106781186547) {
                double num = 3.52624965998911E-02 * a + 0.700383064443688;
                num = num * a + 6.37396220353165;
                num = num * a + 33.912866078383;
                num = num * a + 112.079291497871;
                num = num * a + 221.213596169931;
                num = num * a + 220.206867912376;
                double den = 8.83883476483184E-02 * a + 1.75566716318264;
                den = den * a + 16.064177579207;
                den = den * a + 86.7807322029461;
                den = den * a + 296.564248779674;
                den = den * a + 637.333633378831;
                den = den * a + 793.826512519948;
                den = den * a + 440.413735824752;
                tail = e * num / den;
            } else {
                double b = a + 0.65;
                b = a + 4.0 / b;
                b = a + 3.0 / b;
                b = a + 2.0 / b;
                b = a + 1.0 / b;
                tail = e / b / 2.506628274631;
            }
        }
        return x > 0 ? 1.0 - tail : tail;
    }

    /**
     * The exact derivative of {@link #normCdf}: the standard normal density.
     *
     * @param x the argument
     * @return {@code φ(x)}
     */
    @Partial(of = "normCdf", wrt = "x")
    public static double normPdf(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2.0 * Math.PI);
    }
}
