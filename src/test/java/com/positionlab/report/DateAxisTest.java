package com.positionlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A chart axis of dates ({@link Unit#DATE}, epoch days): ticked at new years, else first days of months, else
 * days, at most seven; labelled with the year, the month or the day; and a date cell shown and written as
 * YYYY-MM-DD.
 */
class DateAxisTest {

    private static final double START = LocalDate.of(2015, 1, 2).toEpochDay();

    @Test
    void tenYearsAreTickedEveryOtherNewYear() {
        List<Double> ticks = Scale.dateTicks(START, LocalDate.of(2024, 12, 31).toEpochDay());
        assertThat(ticks.stream().map(t -> ReportText.tick(t, Unit.DATE)))
                .containsExactly("2016", "2018", "2020", "2022", "2024");
    }

    @Test
    void halfAYearIsTickedAtTheFirstOfEachMonth() {
        List<Double> ticks = Scale.dateTicks(START, LocalDate.of(2015, 7, 20).toEpochDay());
        assertThat(ticks.stream().map(t -> ReportText.tick(t, Unit.DATE)))
                .containsExactly("2015-02", "2015-03", "2015-04", "2015-05", "2015-06", "2015-07");
    }

    @Test
    void tenDaysAreTickedEveryOtherDay() {
        List<Double> ticks = Scale.dateTicks(START, START + 9);
        assertThat(ticks.stream().map(t -> ReportText.tick(t, Unit.DATE)))
                .containsExactly("2015-01-03", "2015-01-05", "2015-01-07", "2015-01-09", "2015-01-11");
    }

    @Test
    void numbersBeyondTheCalendarAreTickedAsNumbers() {
        assertThat(Scale.dateTicks(1e12, 2e12)).isNotEmpty();
        assertThat(ReportText.tick(1e12, Unit.DATE)).doesNotContain("-");
    }

    @Test
    void aDateCellIsShownAndWrittenAsAnIsoDate() {
        Cell date = new Cell.Num(BigDecimal.valueOf(START), Unit.DATE);
        assertThat(ReportText.format(date)).isEqualTo("2015-01-02");
        assertThat(CsvReportWriter.plain(date)).isEqualTo("2015-01-02");
    }
}
