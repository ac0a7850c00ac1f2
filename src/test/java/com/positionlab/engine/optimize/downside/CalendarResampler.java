package com.positionlab.engine.optimize.downside;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Daily prices resampled to calendar periods as pandas' {@code resample(rule).first()} does: each period is
 * labelled by its last day (the Sunday ending the week for "W", the month's last day for "M"); for each
 * period and asset the first price present in it, NaN when none. Every period from the first to the last
 * label is a row, empty ones included.
 */
final class CalendarResampler {

    /** The label of the period a date falls in. */
    private final UnaryOperator<LocalDate> label;
    private final UnaryOperator<LocalDate> next;

    private CalendarResampler(UnaryOperator<LocalDate> label, UnaryOperator<LocalDate> next) {
        this.label = label;
        this.next = next;
    }

    /** pandas "W" (= "W-SUN"): weeks ending on Sunday. */
    static CalendarResampler weeklyEndingSunday() {
        return new CalendarResampler(d -> d.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)), d -> d.plusWeeks(1));
    }

    /** pandas "M": calendar months labelled by their last day. */
    static CalendarResampler monthEnd() {
        return new CalendarResampler(d -> d.with(TemporalAdjusters.lastDayOfMonth()),
                d -> d.plusDays(1).with(TemporalAdjusters.lastDayOfMonth()));
    }

    /**
     * @param dates  ascending dates of the price rows
     * @param prices {@code prices[t][i]}, NaN where missing
     */
    double[][] firstPrices(List<LocalDate> dates, double[][] prices) {
        int n = prices[0].length;
        List<double[]> rows = new ArrayList<>();
        LocalDate current = label.apply(dates.get(0));
        double[] row = nanRow(n);
        for (int t = 0; t < dates.size(); t++) {
            LocalDate l = label.apply(dates.get(t));
            while (l.isAfter(current)) {
                rows.add(row);
                row = nanRow(n);
                current = next.apply(current);
            }
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(row[i])) {
                    row[i] = prices[t][i];
                }
            }
        }
        rows.add(row);
        return rows.toArray(new double[0][]);
    }

    private static double[] nanRow(int n) {
        double[] r = new double[n];
        Arrays.fill(r, Double.NaN);
        return r;
    }
}
