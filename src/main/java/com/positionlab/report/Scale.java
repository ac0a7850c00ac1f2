package com.positionlab.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps values on a chart axis to page coordinates, linearly or in logarithms, and chooses its ticks: about
 * five at 1, 2 or 5 times a power of ten; on a log axis the powers of ten, with 2 and 5 times them when the
 * range spans less than three; on a date axis (epoch days) at most seven new years, else first days of months,
 * else days.
 */
final class Scale {

    /** Most ticks on a date axis. */
    private static final int MOST_DATE_TICKS = 7;

    final boolean log;
    private final boolean dates;
    private final double lo;
    private final double hi;
    private final float from;
    private final float to;

    Scale(double lo, double hi, float from, float to, boolean log) {
        this(lo, hi, from, to, log, false);
    }

    /** A linear or log scale; with {@code dates} a linear scale of epoch days ticked at calendar dates. */
    Scale(double lo, double hi, float from, float to, boolean log, boolean dates) {
        this.log = log;
        this.dates = dates && !log;
        this.lo = lo;
        this.hi = hi;
        this.from = from;
        this.to = to;
    }

    /** Whether {@code v} can be drawn on this axis (finite, and positive on a log axis). */
    boolean defined(double v) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    float at(double v) {
        double t = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
        t = Math.max(-0.02, Math.min(1.02, t));
        return (float) (from + t * (to - from));
    }

    List<Double> ticks() {
        return log ? logTicks() : dates ? dateTicks(lo, hi) : linearTicks(lo, hi);
    }

    /**
     * Ticks of a date axis from epoch day {@code lo} to {@code hi}: the first of January every 1, 2, 5, 10, ...
     * years when that gives two ticks or more, else the first of every 1, 2, 3 or 6 months, else whole days.
     */
    static List<Double> dateTicks(double lo, double hi) {
        if (!(hi > lo) || !(Math.abs(lo) <= ReportText.MAX_EPOCH_DAY) || !(Math.abs(hi) <= ReportText.MAX_EPOCH_DAY)) {
            return linearTicks(lo, hi);
        }
        LocalDate first = LocalDate.ofEpochDay((long) Math.ceil(lo));
        LocalDate last = LocalDate.ofEpochDay((long) Math.floor(hi));
        int years = last.getYear() - first.getYear();
        for (int step : new int[] {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}) {
            if (years / step < MOST_DATE_TICKS) {
                List<Double> out = calendarTicks(first, last, step, ChronoUnit.YEARS);
                if (out.size() >= 2) {
                    return out;
                }
                break;
            }
        }
        long months = ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1));
        for (int step : new int[] {1, 2, 3, 6}) {
            if (months / step < MOST_DATE_TICKS) {
                List<Double> out = calendarTicks(first, last, step, ChronoUnit.MONTHS);
                if (out.size() >= 2) {
                    return out;
                }
                break;
            }
        }
        List<Double> days = new ArrayList<>();
        for (double t : linearTicks(lo, hi)) {
            if (t == Math.rint(t)) {
                days.add(t);
            }
        }
        return days.isEmpty() ? List.of(lo) : days;
    }

    /** The new years (or first days of months) from {@code first} to {@code last} at multiples of {@code step}. */
    private static List<Double> calendarTicks(LocalDate first, LocalDate last, int step, ChronoUnit unit) {
        List<Double> out = new ArrayList<>();
        LocalDate t = unit == ChronoUnit.YEARS ? LocalDate.of(Math.floorDiv(first.getYear(), step) * step, 1, 1)
                : first.withDayOfMonth(1).withMonth((first.getMonthValue() - 1) / step * step + 1);
        for (; !t.isAfter(last); t = t.plus(step, unit)) {
            if (!t.isBefore(first)) {
                out.add((double) t.toEpochDay());
            }
        }
        return out;
    }

    static List<Double> linearTicks(double lo, double hi) {
        double span = hi - lo;
        List<Double> out = new ArrayList<>();
        if (!(span > 0) || !Double.isFinite(span)) {
            out.add(lo);
            return out;
        }
        double raw = span / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power * (raw / power < 1.5 ? 1 : raw / power < 3.5 ? 2 : raw / power < 7.5 ? 5 : 10);
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    private List<Double> logTicks() {
        List<Double> out = new ArrayList<>();
        int first = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int last = (int) Math.floor(Math.log10(hi) + 1e-9);
        int decades = last - first;
        double[] steps = decades < 1 ? new double[] {1, 1.5, 2, 3, 5, 7} : decades < 2 ? new double[] {1, 2, 5}
                : new double[] {1};
        for (int e = first - 1; e <= last; e++) {
            double p = Math.pow(10, e);
            for (double m : steps) {
                double t = m * p;
                if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) {
                    out.add(t);
                }
            }
        }
        // Very wide ranges: keep about seven labels.
        int stride = Math.max(1, (out.size() + 6) / 7);
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < out.size(); i += stride) {
            kept.add(out.get(i));
        }
        return kept.isEmpty() ? List.of(lo, hi) : kept;
    }
}
