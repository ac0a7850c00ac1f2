package com.positionlab.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.task.Progress;

/** Splitting a backtest into in-sample and out-of-sample parts, and the figures derived from its days. */
class BacktestResultTest {

    private static BacktestResult result;

    @BeforeAll
    static void run() {
        PriceHistory history = Markets.randomHistory(500, 5, 2024L, true);
        BacktestRequest request = BacktestRequest.of(history, history.date(20), history.date(499), 50_000,
                RebalanceSchedule.weekly(), 30).withCosts(10, 5);
        result = Backtester.run(request, new EqualWeight(), Progress.NONE);
    }

    @Test
    void theSplitIndexIsTheFirstDayOnOrAfterTheSplitDate() {
        LocalDate[] dates = result.dates();
        LocalDate saturday = dates[200].with(DayOfWeek.SATURDAY);

        assertThat(result.splitIndex(dates[200])).isEqualTo(200);
        assertThat(result.dates()[result.splitIndex(saturday)]).isAfter(saturday);
        assertThat(result.splitIndex(saturday)).isEqualTo(result.splitIndex(saturday.plusDays(2)));
        assertThat(result.splitIndex(dates[0].minusYears(1))).isZero();
        assertThat(result.splitIndex(dates[dates.length - 1].plusDays(1))).isEqualTo(result.size());
    }

    @Test
    void inSampleAndOutOfSamplePartsShareOutTheDaysTradesAndCosts() {
        int k = result.splitIndex(result.dates()[300]);
        BacktestResult in = result.slice(0, k);
        BacktestResult out = result.slice(k, result.size());

        assertThat(in.size() + out.size()).isEqualTo(result.size());
        assertThat(in.equity()).isEqualTo(result.equity(0, k));
        assertThat(out.equity()).isEqualTo(result.equity(k, result.size()));
        assertThat(in.initialCapital()).isEqualTo(result.initialCapital());
        assertThat(out.initialCapital()).isEqualTo(result.equityAt(k - 1));
        assertThat(in.trades().size() + out.trades().size()).isEqualTo(result.trades().size());
        Trade firstOut = out.trades().get(0);
        Trade same = result.trades().get(in.trades().size());
        assertThat(firstOut.day()).isEqualTo(same.day() - k);
        assertThat(firstOut.date()).isEqualTo(same.date());
        assertThat(firstOut.units()).isEqualTo(same.units());
        assertThat(in.costs() + out.costs()).isCloseTo(result.costs(), within(1e-9));
        assertThat(in.turnover() + out.turnover()).isCloseTo(result.turnover(), within(1e-12));
        assertThat(in.rebalanceDates().size() + out.rebalanceDates().size())
                .isEqualTo(result.rebalanceDates().size());
        assertThat(result.slice(0, result.size())).isEqualTo(result);
    }

    @Test
    void anchoredOutOfSampleEquityCountsEveryDaysReturnOnce() {
        int k = 250;
        double[] anchored = result.equity(k - 1, result.size());
        double[] returns = result.dailyReturns();

        assertThat(anchored[1] / anchored[0] - 1).isEqualTo(returns[k - 1]);
        assertThat(returns).hasSize(result.size() - 1);
        assertThat(returns[0]).isEqualTo(result.equityAt(1) / result.equityAt(0) - 1);
    }

    @Test
    void turnoverIsAnnualisedOverTradingDays() {
        assertThat(result.annualisedTurnover()).isEqualTo(result.turnover() * 252 / result.size());
        assertThat(result.turnovers()[0]).isCloseTo(0.5, within(0.001));
        assertThat(result.costs()).isEqualTo(result.commission() + result.slippage());
    }

    @Test
    void theResultCannotBeChangedThroughItsArrays() {
        double before = result.equityAt(3);
        result.equity()[3] = -1;
        result.weights()[3][0] = -1;
        result.weightsAt(3)[0] = -1;

        assertThat(result.equityAt(3)).isEqualTo(before);
        assertThat(result.weightsAt(3)[0]).isNotEqualTo(-1);
        assertThatThrownBy(() -> result.trades().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.slice(5, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
