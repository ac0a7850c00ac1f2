package com.positionlab.engine.backtest;

import static com.positionlab.engine.backtest.Markets.dates;
import static com.positionlab.engine.backtest.Markets.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.task.Progress;

/**
 * Calendar schedules rebalance on the start and on the first trading day of each ISO week or calendar month;
 * the drift band rebalances exactly on the days a weight is further from its target than the band.
 */
class RebalanceScheduleTest {

    /** Trading days around the 2024/25 year end: holidays on Dec 25, Jan 1 and Monday Jan 6. */
    private static final LocalDate[] HOLIDAYS = dates("2024-12-16", "2024-12-17", "2024-12-18", "2024-12-19",
            "2024-12-20", "2024-12-23", "2024-12-24", "2024-12-26", "2024-12-27", "2024-12-30", "2024-12-31",
            "2025-01-02", "2025-01-03", "2025-01-07", "2025-01-08", "2025-01-09", "2025-01-10");

    private static List<LocalDate> rebalanceDates(LocalDate[] days, String start, RebalanceSchedule schedule) {
        double[] flat = new double[days.length];
        Arrays.fill(flat, 10);
        PriceHistory history = new PriceHistory(days, rows(flat));
        BacktestRequest request = BacktestRequest.of(history, LocalDate.parse(start), days[days.length - 1], 100,
                schedule, 1);
        return Backtester.run(request, new EqualWeight(), Progress.NONE).rebalanceDates();
    }

    @Test
    void weeklyRebalancesOnTheStartAndEachIsoWeeksFirstTradingDay() {
        // Starts on a Wednesday; Dec 30 (Monday) and Jan 2 share ISO week 2025-W01; Monday Jan 6 is a holiday.
        assertThat(rebalanceDates(HOLIDAYS, "2024-12-18", RebalanceSchedule.weekly()))
                .containsExactly(LocalDate.parse("2024-12-18"), LocalDate.parse("2024-12-23"),
                        LocalDate.parse("2024-12-30"), LocalDate.parse("2025-01-07"));
    }

    @Test
    void monthlyRebalancesOnTheStartAndEachMonthsFirstTradingDay() {
        // Jan 1 is a holiday: January's first trading day is Jan 2.
        assertThat(rebalanceDates(HOLIDAYS, "2024-12-18", RebalanceSchedule.monthly()))
                .containsExactly(LocalDate.parse("2024-12-18"), LocalDate.parse("2025-01-02"));
    }

    @Test
    void dailyRebalancesEveryDayAndOnceOnlyAtTheStart() {
        assertThat(rebalanceDates(HOLIDAYS, "2024-12-17", RebalanceSchedule.daily()))
                .hasSize(HOLIDAYS.length - 1);
        assertThat(rebalanceDates(HOLIDAYS, "2024-12-17", RebalanceSchedule.once()))
                .containsExactly(LocalDate.parse("2024-12-17"));
    }

    @Test
    void calendarSchedulesOverSixYearsOfWeekdaysMatchTheCalendar() {
        LocalDate[] days = Markets.weekdays(LocalDate.of(2019, 12, 25), 1565);
        List<LocalDate> weekStarts = new ArrayList<>();
        List<LocalDate> monthStarts = new ArrayList<>();
        int startIndex = 7;
        for (int t = startIndex; t < days.length; t++) {
            LocalDate d = days[t];
            LocalDate p = days[t - 1];
            boolean newWeek = d.get(IsoFields.WEEK_BASED_YEAR) != p.get(IsoFields.WEEK_BASED_YEAR)
                    || d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != p.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (t == startIndex || newWeek) {
                weekStarts.add(d);
            }
            if (t == startIndex || !YearMonth.from(d).equals(YearMonth.from(p))) {
                monthStarts.add(d);
            }
        }
        String start = days[startIndex].toString();

        assertThat(rebalanceDates(days, start, RebalanceSchedule.weekly())).isEqualTo(weekStarts);
        assertThat(rebalanceDates(days, start, RebalanceSchedule.monthly())).isEqualTo(monthStarts);
    }

    @Test
    void theDriftBandTriggersOnlyBeyondTheBand() {
        LocalDate[] days = Markets.weekdays(LocalDate.of(2024, 3, 4), 7);
        double[][] prices = rows(new double[] {1, 1, 1, 1, 1, 1, 1}, new double[] {2, 4, 6, 6.5, 6.5, 3.2, 2});
        BacktestRequest request = BacktestRequest.of(new PriceHistory(days, prices), days[0], days[6], 100,
                RebalanceSchedule.driftBand(0.25), 1);

        BacktestResult r = Backtester.run(request, new FixedWeights(new double[] {0.5, 0.5}), Progress.NONE);

        // Day 0: 50 units of A at 1, 25 of B at 2.
        // Day 1: B 100 of 150: weight 2/3, 0.1667 off target: hold.
        // Day 2: B 150 of 200: weight 0.75, exactly 0.25 off: not beyond the band, hold.
        // Day 3: B 162.5 of 212.5: weight 0.765 > 0.75: rebalance to 106.25 each (B 16.346 units).
        // Day 4: unchanged prices: on target. Day 5: B 52.31 of 158.56: 0.330, 0.170 off: hold.
        // Day 6: B 32.69 of 138.94: 0.235, 0.265 off: rebalance.
        assertThat(r.rebalanced()).containsExactly(true, false, false, true, false, false, true);
        assertThat(r.weightsAt(2)[1]).isEqualTo(0.75);
    }

    @Test
    void theDriftBandRebalancesExactlyWhenAWeightLeavesTheBand() {
        PriceHistory history = Markets.randomHistory(600, 4, 31L, false);
        double[] targets = {0.4, 0.3, 0.2, 0.1};
        double band = 0.03;
        BacktestRequest request = BacktestRequest.of(history, history.date(0), history.date(599), 1e5,
                RebalanceSchedule.driftBand(band), 1);

        BacktestResult r = Backtester.run(request, new FixedWeights(targets), Progress.NONE);

        int drifted = 0;
        for (int d = 1; d < r.size(); d++) {
            // weights before day d's trades: yesterday's holdings at today's closes
            double[] w = r.weightsAt(d - 1);
            double total = 1 - sum(w);
            for (int i = 0; i < w.length; i++) {
                w[i] *= history.price(d, i) / history.price(d - 1, i);
                total += w[i];
            }
            double worst = 0;
            for (int i = 0; i < w.length; i++) {
                worst = Math.max(worst, Math.abs(w[i] / total - targets[i]));
            }
            assertThat(r.rebalanced()[d]).as("day %d, drift %s", d, worst).isEqualTo(worst > band);
            drifted += worst > band ? 1 : 0;
        }
        assertThat(drifted).isBetween(5, 200);
    }

    private static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s;
    }
}
