package dev.adjoint.spark.examples;

import dev.adjoint.spark.Portfolio;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A synthetic book of European options on {@link #UNDERLYINGS} underlyings, made on the
 * executors (each trade from its id and a seed, so nothing is shipped from the driver), and its
 * Black–Scholes pricer through the gradient Adjoint generated for {@link BlackScholes#value}.
 */
public final class Trades {

    /** The number of underlyings. */
    public static final int UNDERLYINGS = 5;

    private static final double[] NO_SCALARS = new double[0];

    /** The Black–Scholes pricer: the one line calling the generated entry point. */
    public static final Portfolio.TradePricer<Trade> PRICER = (t, m, greeks, tape) ->
            BlackScholesGrad.valueAdjoint(m, t.underlying(), UNDERLYINGS, t.strike(),
                    t.maturity(), t.quantity(), t.call(), 1.0, NO_SCALARS, greeks, tape);

    private Trades() {
    }

    /**
     * One option position.
     *
     * @param id the trade id
     * @param underlying its underlying
     * @param strike the strike
     * @param maturity years to expiry
     * @param quantity options held (negative: sold)
     * @param call a call, else a put
     */
    public record Trade(long id, int underlying, double strike, double maturity, double quantity,
            boolean call) implements Serializable {
    }

    /**
     * Today's market: spots 100, 50, 20, 250, 80; volatilities 20 %, 35 %, 25 %, 15 %, 45 %;
     * rate 3 %.
     *
     * @return {@code [spots, vols, rate]}, a new array
     */
    public static double[] market() {
        return new double[] {100, 50, 20, 250, 80, 0.20, 0.35, 0.25, 0.15, 0.45, 0.03};
    }

    /**
     * The trade with id {@code id} of the book with seed {@code seed}.
     *
     * @param id the id
     * @param seed the book's seed
     * @return the trade
     */
    public static Trade trade(long id, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
        int u = r.nextInt(UNDERLYINGS);
        double spot = market()[u];
        return new Trade(id, u, spot * r.nextDouble(0.6, 1.4), r.nextDouble(0.05, 5.0),
                Math.rint(r.nextDouble(-100, 100)), r.nextBoolean());
    }

    /**
     * {@code n} trades, made on the executors in {@code partitions} partitions.
     *
     * @param sc the context
     * @param n the number of trades
     * @param partitions the number of partitions
     * @param seed the book's seed
     * @return the trades, ids {@code 0..n-1}
     */
    public static JavaRDD<Trade> generate(JavaSparkContext sc, long n, int partitions,
            long seed) {
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(p);
        }
        return sc.parallelize(parts, partitions).flatMap(p -> {
            long from = n * p / partitions;
            long to = n * (p + 1) / partitions;
            List<Trade> out = new ArrayList<>((int) (to - from));
            for (long id = from; id < to; id++) {
                out.add(trade(id, seed));
            }
            return out.iterator();
        });
    }

    /**
     * The textbook closed forms, for checking: value, delta, vega, rho.
     *
     * @param t the trade
     * @param m the market
     * @return {@code {value, ∂/∂spot, ∂/∂vol, ∂/∂rate}}
     */
    public static double[] closedForm(Trade t, double[] m) {
        double s = m[t.underlying()];
        double v = m[UNDERLYINGS + t.underlying()];
        double r = m[2 * UNDERLYINGS];
        double k = t.strike();
        double tt = t.maturity();
        double d1 = (Math.log(s / k) + (r + 0.5 * v * v) * tt) / (v * Math.sqrt(tt));
        double d2 = d1 - v * Math.sqrt(tt);
        double df = Math.exp(-r * tt);
        double q = t.quantity();
        double vega = q * s * BlackScholes.normPdf(d1) * Math.sqrt(tt);
        if (t.call()) {
            return new double[] {
                q * (s * BlackScholes.normCdf(d1) - k * df * BlackScholes.normCdf(d2)),
                q * BlackScholes.normCdf(d1), vega, q * k * tt * df * BlackScholes.normCdf(d2)};
        }
        return new double[] {
            q * (k * df * BlackScholes.normCdf(-d2) - s * BlackScholes.normCdf(-d1)),
            q * (BlackScholes.normCdf(d1) - 1), vega, -q * k * tt * df * BlackScholes.normCdf(-d2)};
    }
}
