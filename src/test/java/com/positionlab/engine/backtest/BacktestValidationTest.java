package com.positionlab.engine.backtest;

import static com.positionlab.engine.backtest.Markets.dates;
import static com.positionlab.engine.backtest.Markets.rows;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.task.Progress;

/** Bad inputs and bad targets are rejected with the field's name, before they can corrupt a backtest. */
class BacktestValidationTest {

    private static final LocalDate[] DATES = dates("2024-03-04", "2024-03-05", "2024-03-06");
    private static final PriceHistory HISTORY = new PriceHistory(DATES,
            rows(new double[] {10, 11, 12}, new double[] {Double.NaN, 20, 21}));
    private static final BacktestRequest REQUEST = BacktestRequest.of(HISTORY, DATES[0], DATES[2], 1000,
            RebalanceSchedule.daily(), 2);

    private static void assertField(Runnable action, String field) {
        AbstractThrowableAssert<?, ?> thrown = assertThatThrownBy(action::run)
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith(field + ": ");
        thrown.matches(e -> ((InvalidParameterException) e).field().equals(field));
    }

    @Test
    void pricesMustBePositiveAndMissingOnlyBeforeListing() {
        assertField(() -> new PriceHistory(DATES, rows(new double[] {10, Double.NaN, 12})), "prices");
        assertField(() -> new PriceHistory(DATES, rows(new double[] {10, -1, 12})), "prices");
        assertField(() -> new PriceHistory(DATES, rows(new double[] {10, Double.POSITIVE_INFINITY, 12})), "prices");
        assertField(() -> new PriceHistory(DATES, new double[][] {{1}, {2}}), "prices");
        assertField(() -> new PriceHistory(DATES, new double[][] {{1}, {2, 3}, {4}}), "prices");
    }

    @Test
    void datesMustIncreaseStrictly() {
        assertField(() -> new PriceHistory(dates("2024-03-04", "2024-03-04"), new double[][] {{1}, {2}}), "dates");
        assertField(() -> new PriceHistory(new LocalDate[0], new double[0][]), "dates");
    }

    @Test
    void requestFieldsAreChecked() {
        assertField(() -> REQUEST.withPeriod(DATES[2], DATES[0]), "end");
        assertField(() -> REQUEST.withPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-01")), "start");
        assertField(() -> REQUEST.withLookback(0), "lookback");
        assertField(() -> REQUEST.withCosts(-1, 0), "cost_bps");
        assertField(() -> REQUEST.withCosts(0, 1001), "slippage_bps");
        assertField(() -> REQUEST.withCashRate(0.5), "cash_rate");
        assertField(() -> REQUEST.withLotSizes(new double[] {1}), "lot_sizes");
        assertField(() -> REQUEST.withLotSizes(new double[] {1, -1}), "lot_sizes");
        assertField(() -> REQUEST.withSchedule(null), "schedule");
        assertField(() -> new BacktestRequest(HISTORY, DATES[0], DATES[2], 0, RebalanceSchedule.daily(), 1, 0, 0, 0,
                null), "initial_capital");
        assertField(() -> RebalanceSchedule.driftBand(0), "band");
        assertField(() -> Backtester.run(REQUEST, null, Progress.NONE), "rule");
    }

    @Test
    void targetsMustBeFiniteLongUnlessAllowedListedAndBounded() {
        assertField(() -> run((w, c) -> new double[] {Double.NaN, 0}), "target_weights");
        assertField(() -> run((w, c) -> new double[] {1}), "target_weights");
        assertField(() -> run((w, c) -> null), "target_weights");
        assertField(() -> run((w, c) -> new double[] {1.2, -0.2}), "target_weights");
        // instrument 1 has no price on day 0
        assertField(() -> run((w, c) -> new double[] {0.5, 0.5}), "target_weights");
        assertField(() -> run(new FixedWeights(new double[] {4.5, 0})), "target_weights");
    }

    private static void run(WeightRule rule) {
        Backtester.run(REQUEST, rule, Progress.NONE);
    }
}
