package dev.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.spark.examples.BlackScholes;
import dev.adjoint.spark.examples.Trades;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

/** Black–Scholes Greeks summed on Spark equal the local loop and the closed form. */
class PortfolioTest {

    @Test
    void portfolioGreeksMatchTheLocalLoopAndTheClosedForm() {
        double[] market = Trades.market();
        JavaRDD<Trades.Trade> trades = Trades.generate(SparkTests.sc(), 5000, 4, 99L);
        Portfolio.Risk<Trades.Trade> risk = Portfolio.risk(trades, Trades.PRICER, market,
                t -> t.id() % 500 == 0);
        List<Trades.Trade> all = trades.collect();
        Portfolio.Risk<Trades.Trade> local = Portfolio.local(all, Trades.PRICER, market);
        assertEquals(5000, risk.trades());
        assertEquals(local.value(), risk.value(), 1e-12 * Math.abs(local.value()));
        double scale = 0.0;
        for (double s : local.sensitivities()) {
            scale = Math.max(scale, Math.abs(s));
        }
        for (int i = 0; i < market.length; i++) {
            assertEquals(local.sensitivities()[i], risk.sensitivities()[i], 1e-12 * scale,
                    "sensitivity " + i);
        }
        assertEquals(10, risk.kept().size());
        for (Portfolio.TradeRisk<Trades.Trade> r : risk.kept()) {
            Trades.Trade t = r.trade();
            double[] closed = Trades.closedForm(t, market);
            assertEquals(closed[0], r.value(), 1e-9 * Math.max(1, Math.abs(closed[0])));
            int u = t.underlying();
            assertEquals(closed[1], r.sensitivities()[u], 1e-9 * Math.max(1, Math.abs(closed[1])),
                    "delta");
            assertEquals(closed[2], r.sensitivities()[Trades.UNDERLYINGS + u],
                    1e-9 * Math.max(1, Math.abs(closed[2])), "vega");
            assertEquals(closed[3], r.sensitivities()[2 * Trades.UNDERLYINGS],
                    1e-9 * Math.max(1, Math.abs(closed[3])), "rho");
        }
        List<Portfolio.TradeRisk<Trades.Trade>> some = Portfolio.perTrade(trades, Trades.PRICER,
                market).filter(r -> r.trade().id() < 3).collect();
        assertEquals(3, some.size());
        assertEquals(BlackScholes.value(market, some.get(1).trade().underlying(),
                Trades.UNDERLYINGS, some.get(1).trade().strike(), some.get(1).trade().maturity(),
                some.get(1).trade().quantity(), some.get(1).trade().call()), some.get(1).value(),
                0.0);
        assertTrue(Math.abs(risk.sensitivities()[0]) > 0);
    }
}
