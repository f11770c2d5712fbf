package dev.adjoint.spark;

import dev.adjoint.Tape;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * Portfolio sensitivities: a {@code @Differentiable} pricing function applied to every trade of
 * a distributed portfolio, its gradients with respect to the shared market parameters (spots,
 * volatilities, rates: the Greeks) summed across the cluster in the same pass as the value.
 *
 * <p>{@link #risk} returns the totals and keeps the per-trade results of the trades the caller
 * selects (collected to the driver: a sample, the largest exposures); {@link #perTrade} gives
 * every trade's result as an RDD to filter, join or write wherever the caller wants.
 */
public final class Portfolio {

    private Portfolio() {
    }

    /**
     * A pricing function whose gradient Adjoint generated; implement it with one line calling
     * the generated entry point with {@code seed = 1}:
     *
     * <pre>{@code
     * TradePricer<Option> p = (t, market, greeks, tape) -> BlackScholesGrad.valueAdjoint(market,
     *     t.underlying(), U, t.strike(), t.maturity(), t.quantity(), t.call(), 1.0, NO_SCALARS,
     *     greeks, tape);
     * }</pre>
     *
     * @param <T> the type of a trade
     */
    @FunctionalInterface
    public interface TradePricer<T> extends Serializable {

        /**
         * Returns the trade's value and adds its sensitivities into {@code sensitivities}.
         *
         * @param trade the trade
         * @param market the market parameters (read only)
         * @param sensitivities {@code ∂value/∂market}: add into it
         * @param tape a tape for the generated entry point, reused across trades
         * @return the trade's value
         */
        double addSensitivities(T trade, double[] market, double[] sensitivities, Tape tape);
    }

    /**
     * One trade's value and sensitivities.
     *
     * @param <T> the type of a trade
     * @param trade the trade
     * @param value its value
     * @param sensitivities {@code ∂value/∂market}
     */
    public record TradeRisk<T>(T trade, double value, double[] sensitivities)
            implements Serializable {
    }

    /**
     * The portfolio's totals and the kept trades' results.
     *
     * @param <T> the type of a trade
     * @param value {@code Σ value}
     * @param sensitivities {@code Σ ∂value/∂market}
     * @param trades the number of trades
     * @param kept the results of the trades selected by the caller, in no particular order
     */
    public record Risk<T>(double value, double[] sensitivities, long trades,
            List<TradeRisk<T>> kept) implements Serializable {
    }

    /** Accumulator of {@link #risk}: one sensitivity buffer per partition, plus kept trades. */
    static final class RiskSum<T> implements Serializable {
        private static final long serialVersionUID = 1L;
        double value;
        long count;
        double[] sensitivities;
        ArrayList<TradeRisk<T>> kept = new ArrayList<>();
        private transient Tape tape;

        RiskSum<T> add(T trade, TradePricer<T> pricer, double[] market,
                Function<T, Boolean> keep) throws Exception {
            if (sensitivities == null) {
                sensitivities = new double[market.length];
            }
            if (tape == null) {
                tape = new Tape();
            }
            if (keep != null && keep.call(trade)) {
                double[] own = new double[market.length];
                double v = pricer.addSensitivities(trade, market, own, tape);
                for (int i = 0; i < own.length; i++) {
                    sensitivities[i] += own[i];
                }
                value += v;
                kept.add(new TradeRisk<>(trade, v, own));
            } else {
                value += pricer.addSensitivities(trade, market, sensitivities, tape);
            }
            count++;
            return this;
        }

        RiskSum<T> merge(RiskSum<T> other) {
            if (sensitivities == null) {
                sensitivities = other.sensitivities;
            } else if (other.sensitivities != null) {
                for (int i = 0; i < sensitivities.length; i++) {
                    sensitivities[i] += other.sensitivities[i];
                }
            }
            value += other.value;
            count += other.count;
            kept.addAll(other.kept);
            return this;
        }
    }

    /**
     * The portfolio's value and summed sensitivities in one pass, keeping the per-trade results
     * of the trades {@code keep} selects.
     *
     * @param <T> the type of a trade
     * @param trades the portfolio
     * @param pricer the pricing function
     * @param market the market parameters, broadcast for this call
     * @param keep selects the trades whose own results are returned ({@code null}: none); keep
     *     their number small, they are collected to the driver
     * @return the totals and the kept results
     */
    public static <T> Risk<T> risk(JavaRDD<T> trades, TradePricer<T> pricer, double[] market,
            Function<T, Boolean> keep) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(trades.context());
        Broadcast<double[]> bc = jsc.broadcast(market);
        try {
            RiskSum<T> sum = trades.treeAggregate(new RiskSum<T>(),
                    (acc, t) -> acc.add(t, pricer, bc.value(), keep), RiskSum::merge,
                    DistributedGradient.DEFAULT_DEPTH);
            return new Risk<>(sum.value, sum.sensitivities == null ? new double[market.length]
                    : sum.sensitivities, sum.count, List.copyOf(sum.kept));
        } finally {
            bc.destroy();
        }
    }

    /**
     * Every trade's value and sensitivities, lazily: an RDD to filter, join, or save wherever
     * the caller wants. The market parameters travel in the closure of each task (a broadcast
     * would outlive this call); each trade's result owns a new array.
     *
     * @param <T> the type of a trade
     * @param trades the portfolio
     * @param pricer the pricing function
     * @param market the market parameters (copied)
     * @return the per-trade results, one per trade, in the trades' order
     */
    public static <T> JavaRDD<TradeRisk<T>> perTrade(JavaRDD<T> trades, TradePricer<T> pricer,
            double[] market) {
        double[] m = market.clone();
        return trades.mapPartitions(it -> {
            Tape tape = new Tape();
            return new Iterator<TradeRisk<T>>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public TradeRisk<T> next() {
                    T t = it.next();
                    double[] own = new double[m.length];
                    double v = pricer.addSensitivities(t, m, own, tape);
                    return new TradeRisk<>(t, v, own);
                }
            };
        });
    }

    /**
     * The same totals by a plain single-threaded loop on this machine, the reference.
     *
     * @param <T> the type of a trade
     * @param trades the trades
     * @param pricer the pricing function
     * @param market the market parameters
     * @return the totals, keeping nothing
     */
    public static <T> Risk<T> local(Iterable<T> trades, TradePricer<T> pricer, double[] market) {
        double[] s = new double[market.length];
        Tape tape = new Tape();
        double v = 0.0;
        long n = 0;
        for (T t : trades) {
            v += pricer.addSensitivities(t, market, s, tape);
            n++;
        }
        return new Risk<>(v, s, n, List.of());
    }
}
