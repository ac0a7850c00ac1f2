package com.positionlab.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.positionlab.engine.task.Progress;

/**
 * Costs lower the result by exactly what was paid, carried forward with the portfolio; and every day's books
 * balance: equity is cash plus the holdings at the close, and cash moves only by interest, trades and commission.
 */
class CostAccountingTest {

    /** Relative error of sums over a few hundred days and a dozen instruments. */
    private static final double RELATIVE = 1e-10;
    private static final double CAPITAL = 1e6;

    private static final PriceHistory HISTORY = Markets.randomHistory(300, 6, 424242L, false);
    private static final WeightRule TARGETS = new FixedWeights(new double[] {0.3, 0.2, 0.15, 0.1, 0.1, 0.05});

    private static BacktestRequest request(RebalanceSchedule schedule) {
        return BacktestRequest.of(HISTORY, HISTORY.date(0), HISTORY.date(HISTORY.size() - 1), CAPITAL, schedule, 1)
                .withCashRate(0.00015);
    }

    @Test
    void aSingleRebalancesCostsLowerFinalEquityByWhatTheyWouldHaveGrownTo() {
        BacktestResult free = Backtester.run(request(RebalanceSchedule.once()), TARGETS, Progress.NONE);
        BacktestResult costly = Backtester.run(request(RebalanceSchedule.once()).withCosts(25, 10), TARGETS,
                Progress.NONE);

        double paid = costly.costs();
        // The costs are the gap between the capital and day 0's equity at the close ...
        assertThat(CAPITAL - costly.equityAt(0)).isCloseTo(paid, within(RELATIVE * CAPITAL));
        // ... and the costly portfolio is the free one scaled by (capital - paid) / capital, its cash included:
        // what the costs would have bought grows as the portfolio does.
        double growth = free.finalEquity() / CAPITAL;
        assertThat(free.finalEquity() - costly.finalEquity()).isCloseTo(paid * growth, within(RELATIVE * CAPITAL));
        // All bought from cash with 90% invested: X + 0.9 kb X = capital, kb = s + c (1 + s), paid = capital - X.
        double kb = 0.001 + 0.0025 * 1.001;
        assertThat(paid).isCloseTo(CAPITAL - CAPITAL / (1 + 0.9 * kb), within(RELATIVE * CAPITAL));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"daily", "monthly"})
    void repeatedCostsCompoundDayByDay(String schedule) {
        RebalanceSchedule s = schedule.equals("daily") ? RebalanceSchedule.daily() : RebalanceSchedule.monthly();
        BacktestResult free = Backtester.run(request(s), TARGETS, Progress.NONE);
        BacktestResult costly = Backtester.run(request(s).withCosts(20, 5), TARGETS, Progress.NONE);

        // Both portfolios hold the target weights after every rebalance and so earn the same return between
        // rebalances; each rebalance's costs take their share of the equity before trading, once.
        double ratio = 1;
        for (int d = 0; d < free.size(); d++) {
            double cost = costly.commissions()[d] + costly.slippages()[d];
            ratio *= 1 - cost / (costly.equityAt(d) + cost);
            assertThat(costly.equityAt(d) / free.equityAt(d)).as("day %d", d).isCloseTo(ratio, within(RELATIVE));
        }
        assertThat(ratio).isLessThan(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"long only with lots", "long short"})
    void everyDaysBooksBalance(String kind) {
        PriceHistory history = Markets.randomHistory(400, 7, 99L, true);
        boolean longShort = kind.equals("long short");
        double[] lots = {5, 0, 1, 10, 0, 2, 1};
        BacktestRequest request = BacktestRequest.of(history, history.date(30), history.date(399), CAPITAL,
                RebalanceSchedule.driftBand(0.02), 20).withCosts(12, 7).withCashRate(0.0002)
                .withLotSizes(longShort ? null : lots);
        WeightRule rule = longShort ? new LongShort() : new NoLookAheadTest.Momentum();

        BacktestResult r = Backtester.run(request, rule, Progress.NONE);

        new Books(history, 30, 0.0012, 0.0007, 0.0002).check(r, longShort ? null : lots);
        assertThat(r.rebalanceDates().size()).isGreaterThan(5);
        if (!longShort) {
            // fully invested and long only: trades sized after costs and lots rounded down leave no debt (up to
            // rounding in the fractional instruments)
            for (double c : r.cash()) {
                assertThat(c).isGreaterThanOrEqualTo(-RELATIVE * CAPITAL);
            }
        }
    }

    /** Replays a result's trades against the prices and checks each day's figures. */
    private record Books(PriceHistory history, int first, double c, double s, double rate) {
        void check(BacktestResult r, double[] lots) {
            int n = history.instruments();
            double[] units = new double[n];
            double cash = r.initialCapital();
            int k = 0;
            for (int d = 0; d < r.size(); d++) {
                double scale = Math.abs(r.equityAt(d));
                cash = d == 0 ? cash : cash * (1 + rate);
                double before = cash + value(units, d);
                double traded = 0;
                double commission = 0;
                double slippage = 0;
                for (; k < r.trades().size() && r.trades().get(k).day() == d; k++) {
                    Trade t = r.trades().get(k);
                    double close = history.price(first + d, t.instrument());
                    assertThat(t.close()).isEqualTo(close);
                    assertThat(t.price()).isCloseTo(close * (t.isBuy() ? 1 + s : 1 - s), within(1e-12 * close));
                    assertThat(t.commission()).isCloseTo(c * Math.abs(t.value()), within(1e-12 * scale));
                    assertThat(t.slippage()).isCloseTo(s * Math.abs(t.units()) * close, within(1e-12 * scale));
                    units[t.instrument()] += t.units();
                    cash -= t.value() + t.commission();
                    traded += Math.abs(t.value());
                    commission += t.commission();
                    slippage += t.slippage();
                }
                for (int i = 0; lots != null && i < n; i++) {
                    if (lots[i] > 0) {
                        double whole = units[i] / lots[i];
                        assertThat(whole).isCloseTo(Math.rint(whole), within(1e-9));
                    }
                }
                assertThat(r.cash()[d]).as("cash on day %d", d).isCloseTo(cash, within(RELATIVE * scale));
                assertThat(r.equityAt(d)).as("equity on day %d", d)
                        .isCloseTo(r.cash()[d] + value(units, d), within(RELATIVE * scale));
                assertThat(r.commissions()[d]).isCloseTo(commission, within(RELATIVE * scale));
                assertThat(r.slippages()[d]).isCloseTo(slippage, within(RELATIVE * scale));
                assertThat(r.equityAt(d) + commission + slippage).as("costs on day %d", d)
                        .isCloseTo(before, within(RELATIVE * scale));
                assertThat(r.turnovers()[d]).isCloseTo(traded / 2 / before, within(RELATIVE));
            }
            assertThat(k).isEqualTo(r.trades().size());
        }

        private double value(double[] units, int d) {
            double v = 0;
            for (int i = 0; i < units.length; i++) {
                if (units[i] != 0) {
                    v += units[i] * history.price(first + d, i);
                }
            }
            return v;
        }
    }

    /** Long the two best and short the two worst instruments over the window (listed throughout), 60/30. */
    static final class LongShort implements WeightRule {
        @Override
        public double[] targetWeights(PriceWindow window, double[] currentWeights) {
            int n = window.instruments();
            Integer[] order = new Integer[n];
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
                double past = window.price(window.size() - 1, i);
                score[i] = Double.isNaN(past) ? Double.NaN : window.close(i) / past;
            }
            Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
            double[] w = new double[n];
            int ranked = 0;
            for (Integer i : order) {
                ranked += Double.isNaN(score[i]) ? 0 : 1;
            }
            // NaN scores sort first under Double.compare descending; skip them.
            int startAt = n - ranked;
            if (ranked >= 4) {
                w[order[startAt]] = 0.3;
                w[order[startAt + 1]] = 0.3;
                w[order[n - 1]] = -0.15;
                w[order[n - 2]] = -0.15;
            }
            return w;
        }

        @Override
        public boolean allowsShort() {
            return true;
        }
    }
}
