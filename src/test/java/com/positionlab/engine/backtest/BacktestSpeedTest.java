package com.positionlab.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.task.Progress;

/**
 * A quick timing of the daily equal-weight backtest of 500 instruments over 2,520 days (ten years), printed; the
 * only check is a generous bound on the first, cold run. {@code bench/}'s {@code BacktestBenchmark} measures it
 * properly.
 */
class BacktestSpeedTest {

    @Test
    void tenYearsOfFiveHundredInstrumentsRebalancedDaily() {
        PriceHistory history = Markets.randomHistory(2520, 500, 500L, false);
        BacktestRequest request = BacktestRequest.of(history, history.date(0), history.date(2519), 1e7,
                RebalanceSchedule.daily(), 1).withCosts(5, 2);

        long start = System.nanoTime();
        BacktestResult cold = Backtester.run(request, new EqualWeight(), Progress.NONE);
        double coldMillis = (System.nanoTime() - start) / 1e6;
        double[] warm = new double[5];
        for (int k = 0; k < warm.length; k++) {
            long t0 = System.nanoTime();
            Backtester.run(request, new EqualWeight(), Progress.NONE);
            warm[k] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(warm);

        System.out.printf("daily equal weight, 500 x 2520: cold %.0f ms, warm min %.0f ms, median %.0f ms,"
                + " %d trades%n", coldMillis, warm[0], warm[2], cold.trades().size());
        assertThat(cold.trades()).hasSize(500 * 2520);
        assertThat(coldMillis).isLessThan(5000);
    }
}
