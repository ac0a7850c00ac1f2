package com.positionlab.engine.backtest;

import static com.positionlab.engine.backtest.Markets.dates;
import static com.positionlab.engine.backtest.Markets.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.task.Progress;

/**
 * Two-asset backtests small enough to follow by hand: every expected figure is worked out in the comments from the
 * prices, the targets and the cost rates (c commission, s slippage; a buy costs kb = s + c (1 + s) and a sale
 * ks = s + c (1 - s) per unit of close value; trades go to w X / p units, X the equity after costs).
 */
class WalkForwardTest {

    /** Currency amounts of a few thousand, computed in a handful of operations. */
    private static final double CENTS = 1e-9;

    private static BacktestResult run(LocalDate[] dates, double[][] prices, double capital, RebalanceSchedule schedule,
            WeightRule rule, double costBps, double slippageBps) {
        PriceHistory history = new PriceHistory(dates, prices);
        BacktestRequest request = BacktestRequest.of(history, dates[0], dates[dates.length - 1], capital, schedule, 1)
                .withCosts(costBps, slippageBps);
        return Backtester.run(request, rule, Progress.NONE);
    }

    @Test
    void monthlyFiftyFiftyWithoutCostsDriftsThenRebalancesOnTheFirstDayOfTheMonth() {
        LocalDate[] dates = dates("2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02");
        double[][] prices = rows(new double[] {10, 11, 12, 12}, new double[] {20, 18, 18, 20});

        BacktestResult r = run(dates, prices, 1000, RebalanceSchedule.monthly(), new FixedWeights(new double[] {0.5, 0.5}),
                0, 0);

        // Day 0: 500 / 10 = 50 units of A, 500 / 20 = 25 of B, no cash left: equity 1000.
        // Day 1 (Jan 31, no rebalance): 50 x 11 + 25 x 18 = 550 + 450 = 1000; weights 0.55 / 0.45.
        // Day 2 (Feb 1, first trading day of February): 50 x 12 + 25 x 18 = 1050; to 525 each:
        //   A 525 / 12 = 43.75 units (sell 6.25 = 75), B 525 / 18 = 29.1666... (buy 4.1666... = 75).
        // Day 3: 43.75 x 12 + 29.1666... x 20 = 525 + 583.333... = 1108.333...
        assertThat(r.equity()).containsExactly(new double[] {1000, 1000, 1050, 525 + 525.0 / 18 * 20}, within(CENTS));
        assertThat(r.weightsAt(1)).containsExactly(new double[] {0.55, 0.45}, within(1e-12));
        assertThat(r.weightsAt(2)).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
        assertThat(r.rebalanceDates()).containsExactly(dates[0], dates[2]);
        assertThat(r.trades()).hasSize(4);
        Trade sellA = r.trades().get(2);
        assertThat(sellA.date()).isEqualTo(dates[2]);
        assertThat(sellA.instrument()).isZero();
        assertThat(sellA.units()).isCloseTo(-6.25, within(1e-12));
        assertThat(sellA.value()).isCloseTo(-75, within(CENTS));
        // One-way turnover: day 0 1000 / 2 / 1000 = 0.5; day 2 (75 + 75) / 2 / 1050 = 1/14.
        assertThat(r.turnovers()[0]).isCloseTo(0.5, within(1e-12));
        assertThat(r.turnover()).isCloseTo(0.5 + 1.0 / 14, within(1e-12));
        assertThat(r.annualisedTurnover()).isCloseTo((0.5 + 1.0 / 14) * 252 / 4, within(1e-9));
        assertThat(r.costs()).isZero();
    }

    @Test
    void commissionComesOutOfCashAndTradesLandOnTarget() {
        LocalDate[] dates = dates("2024-03-04", "2024-03-05", "2024-03-06");
        double[][] prices = rows(new double[] {50, 60, 66}, new double[] {25, 20, 22});

        BacktestResult r = run(dates, prices, 10_100, RebalanceSchedule.daily(),
                new FixedWeights(new double[] {0.5, 0.5}), 100, 0);

        // c = 1%. Day 0, all bought: X + 0.01 X = 10100, X = 10000: 100 units of A, 200 of B, commission
        //   50 + 50 = 100, cash 10100 - 10000 - 100 = 0.
        // Day 1: A 6000, B 4000, equity 10000. Sell A down and buy B up to 0.5 X each:
        //   X + 0.01 (6000 - 0.5 X) + 0.01 (0.5 X - 4000) = 10000, X + 20 = 10000, X = 9980.
        //   A to 4990 / 60 = 83.1666... (sell 16.8333... for 1010), B to 4990 / 20 = 249.5 (buy 49.5 for 990),
        //   commission 10.1 + 9.9 = 20, cash 0 + 1010 - 990 - 20 = 0.
        // Day 2: both up 10%: 10978, on target, no trade.
        assertThat(r.equity()).containsExactly(new double[] {10_000, 9_980, 10_978}, within(CENTS));
        assertThat(r.cash()).containsExactly(new double[] {0, 0, 0}, within(CENTS));
        assertThat(r.commissions()).containsExactly(new double[] {100, 20, 0}, within(CENTS));
        assertThat(r.commission()).isCloseTo(120, within(CENTS));
        assertThat(r.slippage()).isZero();
        assertThat(r.trades()).hasSize(4);
        Trade sellA = r.trades().get(2);
        assertThat(sellA.units()).isCloseTo(-(100 - 4990.0 / 60), within(1e-12));
        assertThat(sellA.value()).isCloseTo(-1010, within(CENTS));
        assertThat(sellA.commission()).isCloseTo(10.1, within(CENTS));
        assertThat(r.trades().get(3).value()).isCloseTo(990, within(CENTS));
        // Turnover, traded value over equity before trading: 10000 / 2 / 10100 on day 0 (the commission is not
        // traded value), (1010 + 990) / 2 / 10000 = 0.1 on day 1.
        assertThat(r.turnovers()).containsExactly(new double[] {10_000.0 / 2 / 10_100, 0.1, 0}, within(1e-12));
        assertThat(r.weightsAt(1)).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
    }

    @Test
    void slippageBuysAboveTheClose() {
        LocalDate[] dates = dates("2024-03-04", "2024-03-05");
        double[][] prices = rows(new double[] {50, 55}, new double[] {25, 25});

        BacktestResult r = run(dates, prices, 10_100, RebalanceSchedule.once(),
                new FixedWeights(new double[] {0.5, 0.5}), 0, 100);

        // s = 1%: kb = 0.01, X = 10100 / 1.01 = 10000. A: 100 units at 50.5 = 5050; B: 200 units at 25.25 = 5050;
        // slippage 100 x 50 x 0.01 + 200 x 25 x 0.01 = 100; cash 10100 - 10100 = 0; equity at the close 10000.
        // Day 1 (held): 100 x 55 + 200 x 25 = 10500.
        assertThat(r.equity()).containsExactly(new double[] {10_000, 10_500}, within(CENTS));
        assertThat(r.trades().get(0).price()).isCloseTo(50.5, within(1e-12));
        assertThat(r.trades().get(0).units()).isCloseTo(100, within(1e-12));
        assertThat(r.trades().get(1).price()).isCloseTo(25.25, within(1e-12));
        assertThat(r.slippage()).isCloseTo(100, within(CENTS));
        assertThat(r.commission()).isZero();
        assertThat(r.cash()[0]).isCloseTo(0, within(CENTS));
    }

    @Test
    void commissionIsChargedOnTheSlippedPriceBothWays() {
        LocalDate[] dates = dates("2024-03-04", "2024-03-05");
        double[][] prices = rows(new double[] {50, 60}, new double[] {25, 20});
        WeightRule allInThenAllOut = (window, current) -> window.today().equals(dates[0])
                ? new double[] {0.5, 0.5} : new double[] {0, 0};

        BacktestResult r = run(dates, prices, 10_201, RebalanceSchedule.daily(), allInThenAllOut, 100, 100);

        // c = s = 1%: kb = 0.01 + 0.01 x 1.01 = 0.0201, X = 10201 / 1.0201 = 10000.
        //   A: 100 units at 50.5 = 5050, commission 50.5, slippage 50; B: 200 at 25.25 = 5050, 50.5, 50.
        //   cash 10201 - 10100 - 101 = 0.
        // Day 1, everything sold: A 100 at 60 x 0.99 = 59.4 = 5940, commission 59.4, slippage 60;
        //   B 200 at 19.8 = 3960, commission 39.6, slippage 40. Cash 5940 - 59.4 + 3960 - 39.6 = 9801,
        //   = 10000 x (1 - ks), ks = 0.01 + 0.01 x 0.99 = 0.0199.
        assertThat(r.equity()).containsExactly(new double[] {10_000, 9_801}, within(CENTS));
        assertThat(r.commissions()).containsExactly(new double[] {101, 99}, within(CENTS));
        assertThat(r.slippages()).containsExactly(new double[] {100, 100}, within(CENTS));
        assertThat(r.costs()).isCloseTo(400, within(CENTS));
        Trade saleA = r.trades().get(2);
        assertThat(saleA.isBuy()).isFalse();
        assertThat(saleA.price()).isCloseTo(59.4, within(1e-12));
        assertThat(saleA.value()).isCloseTo(-5940, within(CENTS));
        assertThat(saleA.cost()).isCloseTo(119.4, within(CENTS));
        assertThat(r.weightsAt(1)).containsExactly(0.0, 0.0);
    }

    @Test
    void lotsRoundTowardZeroAndTheRemainderStaysInCash() {
        LocalDate[] dates = dates("2024-03-04");
        double[][] prices = rows(new double[] {30}, new double[] {70});
        PriceHistory history = new PriceHistory(dates, prices);
        BacktestRequest request = BacktestRequest.of(history, dates[0], dates[0], 10_000, RebalanceSchedule.daily(), 1)
                .withLotSizes(new double[] {10, 1});
        WeightRule half = new FixedWeights(new double[] {0.5, 0.5});

        BacktestResult free = Backtester.run(request, half, Progress.NONE);
        BacktestResult costly = Backtester.run(request.withCosts(100, 0), half, Progress.NONE);

        // No costs: A 5000 / 30 = 166.7 units -> 16 lots of 10 = 160 (4800); B 5000 / 70 = 71.4 -> 71 (4970);
        // cash 10000 - 4800 - 4970 = 230.
        assertThat(free.trades()).extracting(Trade::units).containsExactly(160.0, 71.0);
        assertThat(free.cash()[0]).isCloseTo(230, within(CENTS));
        assertThat(free.equity()[0]).isCloseTo(10_000, within(CENTS));
        // c = 1%: X = 10000 / 1.01 = 9900.99; A 4950.50 / 30 = 165.0 -> 160 (4800); B 4950.50 / 70 = 70.7 -> 70
        // (4900); commission 48 + 49 = 97; cash 10000 - 4800 - 4900 - 97 = 203.
        assertThat(costly.trades()).extracting(Trade::units).containsExactly(160.0, 70.0);
        assertThat(costly.cash()[0]).isCloseTo(203, within(CENTS));
        assertThat(costly.commission()).isCloseTo(97, within(CENTS));
    }

    @Test
    void cashEarnsItsDailyRateFromTheSecondDay() {
        LocalDate[] dates = dates("2024-03-04", "2024-03-05", "2024-03-06");
        double[][] prices = rows(new double[] {10, 10, 12}, new double[] {5, 5, 5});
        PriceHistory history = new PriceHistory(dates, prices);
        BacktestRequest request = BacktestRequest.of(history, dates[0], dates[2], 1000, RebalanceSchedule.once(), 1)
                .withCashRate(0.001);

        BacktestResult r = Backtester.run(request, new FixedWeights(new double[] {0.5, 0}), Progress.NONE);

        // Day 0: 50 units of A, cash 500. Day 1: cash 500 x 1.001 = 500.5, equity 1000.5.
        // Day 2: cash 500.5 x 1.001 = 501.0005, A 50 x 12 = 600, equity 1101.0005.
        assertThat(r.cash()).containsExactly(new double[] {500, 500.5, 501.0005}, within(CENTS));
        assertThat(r.equity()).containsExactly(new double[] {1000, 1000.5, 1101.0005}, within(CENTS));
        assertThat(r.dailyReturns()).containsExactly(new double[] {0.0005, 1101.0005 / 1000.5 - 1}, within(1e-12));
    }

    @Test
    void aShortPositionFundsTheLongOne() {
        LocalDate[] dates = dates("2024-03-04", "2024-03-05");
        double[][] prices = rows(new double[] {10, 11}, new double[] {20, 22});

        BacktestResult r = run(dates, prices, 1000, RebalanceSchedule.once(),
                new FixedWeights(new double[] {1.5, -0.5}), 0, 0);

        // Long 1500 / 10 = 150 units of A, short 500 / 20 = 25 units of B: cash 1000 - 1500 + 500 = 0.
        // Day 1: 150 x 11 - 25 x 22 = 1650 - 550 = 1100.
        assertThat(r.trades()).extracting(Trade::units).containsExactly(150.0, -25.0);
        assertThat(r.equity()).containsExactly(new double[] {1000, 1100}, within(CENTS));
        assertThat(r.weightsAt(1)).containsExactly(new double[] {1.5, -0.5}, within(1e-12));
    }

    @Test
    void theBacktestStartsOnTheFirstTradingDayAtOrAfterStartAndTheRuleSeesEarlierDays() {
        LocalDate[] dates = dates("2024-03-01", "2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07");
        double[][] prices = rows(new double[] {1, 2, 3, 4, 5}, new double[] {5, 4, 3, 2, 1});
        PriceHistory history = new PriceHistory(dates, prices);
        List<Integer> windowSizes = new java.util.ArrayList<>();
        WeightRule recording = (window, current) -> {
            windowSizes.add(window.size());
            return new double[] {0.5, 0.5};
        };
        BacktestRequest request = BacktestRequest.of(history, LocalDate.parse("2024-03-02"),
                LocalDate.parse("2024-03-06"), 1000, RebalanceSchedule.daily(), 3);

        BacktestResult r = Backtester.run(request, recording, Progress.NONE);

        assertThat(r.dates()).containsExactly(dates[1], dates[2], dates[3]);
        assertThat(windowSizes).containsExactly(2, 3, 3);
    }
}
