package com.positionlab.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.positionlab.engine.task.Progress;

/**
 * An equal-weight portfolio of PyPortfolioOpt's 20 reference stocks, rebalanced monthly over all 7,126 days
 * (1989-12-29 to 2018-04-11; a stock joins at the first rebalance, on the first trading day of a month, after its listing), against a plain
 * loop written here from the definitions, which shares no code with the engine: without costs, and with
 * commission and slippage, where the equity after costs is found by bisection instead of the engine's Newton steps.
 */
class ReferenceEqualWeightTest {

    /** Relative difference tolerated on equity after 340 rebalances computed in another order. */
    private static final double RELATIVE = 1e-9;
    private static final double CAPITAL = 1_000_000;

    private static ReferenceStocks stocks;

    @BeforeAll
    static void load() throws IOException {
        Assumptions.assumeTrue(ReferenceStocks.present(), "reference prices not present");
        stocks = ReferenceStocks.read();
    }

    @ParameterizedTest(name = "cost_bps={0} slippage_bps={1}")
    @CsvSource({"0, 0", "10, 5", "50, 25"})
    void monthlyEqualWeightMatchesAPlainLoop(double costBps, double slippageBps) {
        PriceHistory history = new PriceHistory(stocks.dates, stocks.prices);
        int last = stocks.dates.length - 1;
        BacktestRequest request = BacktestRequest.of(history, stocks.dates[0], stocks.dates[last], CAPITAL,
                RebalanceSchedule.monthly(), 1).withCosts(costBps, slippageBps);

        BacktestResult r = Backtester.run(request, new EqualWeight(), Progress.NONE);
        double[] expected = plainLoop(costBps / 10_000, slippageBps / 10_000);

        assertThat(r.size()).isEqualTo(7126);
        for (int t = 0; t < expected.length; t++) {
            assertThat(r.equityAt(t)).as("equity on %s", stocks.dates[t])
                    .isCloseTo(expected[t], within(RELATIVE * expected[t]));
        }
        // 1989-12 to 2018-04 is 341 months
        assertThat(r.rebalanceDates()).hasSize(341);
        assertThat(r.finalEquity()).isGreaterThan(10 * CAPITAL);
    }

    /** Equity per day of the monthly equal-weight portfolio, computed directly. */
    private static double[] plainLoop(double c, double s) {
        int n = stocks.prices[0].length;
        double[] units = new double[n];
        double cash = CAPITAL;
        double[] equity = new double[stocks.dates.length];
        for (int t = 0; t < stocks.dates.length; t++) {
            double[] p = stocks.prices[t];
            double e = cash;
            for (int i = 0; i < n; i++) {
                if (units[i] != 0) {
                    e += units[i] * p[i];
                }
            }
            if (t == 0 || stocks.dates[t].getMonthValue() != stocks.dates[t - 1].getMonthValue()) {
                int listed = 0;
                for (int i = 0; i < n; i++) {
                    listed += Double.isNaN(p[i]) ? 0 : 1;
                }
                double x = equityAfterCosts(e, units, p, listed, c, s);
                for (int i = 0; i < n; i++) {
                    if (Double.isNaN(p[i])) {
                        continue;
                    }
                    double target = x / listed / p[i];
                    double q = target - units[i];
                    double paid = q * (q > 0 ? p[i] * (1 + s) : p[i] * (1 - s));
                    cash -= paid + c * Math.abs(paid);
                    units[i] = target;
                }
            }
            equity[t] = cash;
            for (int i = 0; i < n; i++) {
                if (units[i] != 0) {
                    equity[t] += units[i] * p[i];
                }
            }
        }
        return equity;
    }

    /**
     * The equity x left after trading every listed stock to x / listed: the root in [0, e] of
     * {@code x + sum cost_i(x) - e}, where a purchase of value v at the close costs v (s + c (1 + s)) and a
     * sale v (s + c (1 - s)), found by bisection.
     */
    private static double equityAfterCosts(double e, double[] units, double[] p, int listed, double c, double s) {
        if (c == 0 && s == 0) {
            return e;
        }
        double lo = 0;
        double hi = e;
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            double cost = 0;
            for (int i = 0; i < units.length; i++) {
                if (!Double.isNaN(p[i])) {
                    double change = mid / listed - units[i] * p[i];
                    cost += Math.abs(change) * (change > 0 ? s + c * (1 + s) : s + c * (1 - s));
                }
            }
            if (mid + cost > e) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
