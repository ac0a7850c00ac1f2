package com.positionlab.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.positionlab.engine.task.Progress;

/**
 * A backtest cannot see the future: changing every price after day t leaves equity, cash, weights, rebalances,
 * costs and trades up to and including day t bit for bit the same, whatever the rule, the schedule, the costs and
 * the lots; and a rule that reaches for a later price is refused by its window.
 */
class NoLookAheadTest {

    private static final int DAYS = 420;
    private static final int INSTRUMENTS = 9;
    /** The backtest starts 60 days into the history, so the rules' windows reach back before it. */
    private static final int FIRST = 60;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        RebalanceSchedule[] schedules = {RebalanceSchedule.daily(), RebalanceSchedule.weekly(),
                RebalanceSchedule.monthly(), RebalanceSchedule.driftBand(0.03)};
        for (RebalanceSchedule schedule : schedules) {
            out.add(Arguments.of(schedule, "equal weight", 0.0, false));
            out.add(Arguments.of(schedule, "momentum", 15.0, true));
            out.add(Arguments.of(schedule, "peeking", 10.0, false));
        }
        return out.stream();
    }

    private static WeightRule rule(String name) {
        return switch (name) {
            case "equal weight" -> new EqualWeight();
            case "momentum" -> new Momentum();
            default -> new Peeking();
        };
    }

    @ParameterizedTest(name = "{0} {1} cost_bps={2} lots={3}")
    @MethodSource("cases")
    void changingLaterPricesChangesNothingUpToTheDay(RebalanceSchedule schedule, String ruleName, double costBps,
            boolean lots) {
        PriceHistory history = Markets.randomHistory(DAYS, INSTRUMENTS, 20260101L, true);
        BacktestRequest request = request(history, schedule, costBps, lots);
        BacktestResult before = Backtester.run(request, rule(ruleName), Progress.NONE);

        for (int cut : new int[] {0, 37, 180, DAYS - FIRST - 2}) {
            PriceHistory altered = alteredAfter(history, FIRST + cut, cut);
            BacktestResult after = Backtester.run(request(altered, schedule, costBps, lots), rule(ruleName),
                    Progress.NONE);

            assertSameUpTo(before, after, cut);
            assertThat(after.finalEquity()).isNotEqualTo(before.finalEquity());
        }
    }

    @Test
    void aRuleCannotReadPastTodayThroughItsWindow() {
        PriceHistory history = Markets.randomHistory(200, 4, 7L, false);
        Peeking peeking = new Peeking();

        Backtester.run(request(history, RebalanceSchedule.weekly(), 0, false), peeking, Progress.NONE);

        assertThat(peeking.calls).isGreaterThan(20);
        assertThat(peeking.refused).isEqualTo(peeking.calls * 4);
        assertThat(peeking.latestSeen).isEqualTo(peeking.lastToday);
    }

    @Test
    void aWindowShowsTheLookbackDaysEndingToday() {
        PriceHistory history = Markets.randomHistory(50, 3, 11L, false);
        PriceWindow window = history.window(30, 10);

        assertThat(window.size()).isEqualTo(10);
        assertThat(window.today()).isEqualTo(history.date(30));
        assertThat(window.date(9)).isEqualTo(history.date(21));
        assertThat(window.price(0, 2)).isEqualTo(history.price(30, 2));
        assertThat(window.price(9, 1)).isEqualTo(history.price(21, 1));
        assertThat(window.closes(0)).hasSize(10).endsWith(history.price(30, 0)).startsWith(history.price(21, 0));
        assertThat(history.window(3, 10).size()).isEqualTo(4);
        assertThatThrownBy(() -> window.price(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("ahead is not visible");
        assertThatThrownBy(() -> window.date(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static BacktestRequest request(PriceHistory history, RebalanceSchedule schedule, double costBps,
            boolean lots) {
        BacktestRequest r = BacktestRequest.of(history, history.date(FIRST), history.date(history.size() - 1), 1e6,
                schedule, 40).withCosts(costBps, costBps / 3).withCashRate(0.0001);
        if (lots) {
            double[] lotSizes = new double[history.instruments()];
            for (int i = 0; i < lotSizes.length; i++) {
                lotSizes[i] = i % 2 == 0 ? 10 : 0;
            }
            r = r.withLotSizes(lotSizes);
        }
        return r;
    }

    /** The history with every close after row {@code row} multiplied by a random factor in [0.5, 1.5]. */
    private static PriceHistory alteredAfter(PriceHistory history, int row, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] prices = history.prices();
        for (int t = row + 1; t < prices.length; t++) {
            for (int i = 0; i < prices[t].length; i++) {
                prices[t][i] *= 0.5 + rng.nextDouble();
            }
        }
        return new PriceHistory(history.dates(), prices);
    }

    private static void assertSameUpTo(BacktestResult a, BacktestResult b, int cut) {
        BacktestResult x = a.slice(0, cut + 1);
        BacktestResult y = b.slice(0, cut + 1);
        assertThat(y.equity()).isEqualTo(x.equity());
        assertThat(y.cash()).isEqualTo(x.cash());
        assertThat(y.weights()).isEqualTo(x.weights());
        assertThat(y.rebalanced()).isEqualTo(x.rebalanced());
        assertThat(y.turnovers()).isEqualTo(x.turnovers());
        assertThat(y.commissions()).isEqualTo(x.commissions());
        assertThat(y.slippages()).isEqualTo(x.slippages());
        assertThat(y.trades()).isEqualTo(x.trades());
        assertThat(y).isEqualTo(x);
    }

    /**
     * Equal weights on the better half of the instruments by return over the window (those listed throughout):
     * a rule whose targets depend on past prices, not on today's alone.
     */
    static final class Momentum implements WeightRule {
        @Override
        public double[] targetWeights(PriceWindow window, double[] currentWeights) {
            int n = window.instruments();
            int oldest = window.size() - 1;
            double[] score = new double[n];
            int eligible = 0;
            for (int i = 0; i < n; i++) {
                double past = window.price(oldest, i);
                score[i] = Double.isNaN(past) ? Double.NEGATIVE_INFINITY : window.close(i) / past - 1;
                eligible += Double.isNaN(past) ? 0 : 1;
            }
            int keep = Math.max(1, eligible / 2);
            double[] w = new double[n];
            for (int k = 0; k < keep && eligible > 0; k++) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    if (w[i] == 0 && score[i] > Double.NEGATIVE_INFINITY && (best < 0 || score[i] > score[best])) {
                        best = i;
                    }
                }
                w[best] = 1.0 / keep;
            }
            return w;
        }
    }

    /** Tries to read tomorrow's and later prices and dates, then falls back to equal weights on today's listing. */
    static final class Peeking implements WeightRule {
        int calls;
        int refused;
        LocalDate latestSeen = LocalDate.MIN;
        LocalDate lastToday;

        @Override
        public double[] targetWeights(PriceWindow window, double[] currentWeights) {
            calls++;
            lastToday = window.today();
            for (int ahead : new int[] {1, 5}) {
                try {
                    window.price(-ahead, 0);
                } catch (IndexOutOfBoundsException e) {
                    refused++;
                }
                try {
                    window.date(-ahead);
                } catch (IndexOutOfBoundsException e) {
                    refused++;
                }
            }
            for (int k = 0; k < window.size(); k++) {
                if (window.date(k).isAfter(latestSeen)) {
                    latestSeen = window.date(k);
                }
            }
            return new EqualWeight().targetWeights(window, currentWeights);
        }
    }
}
