package com.positionlab.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Numbers as a trader reads them in a report: fractions as percentages, money with two decimals and
 * thousands separators, large plain numbers in k, M and B steps on chart axes. Always in the same (root)
 * locale, whatever the machine's.
 */
public final class ReportText {

    /** What a number that does not exist shows. */
    public static final String NONE = "—";

    /** The farthest epoch day shown as a date (about the year 1,000,000 either way). */
    static final double MAX_EPOCH_DAY = 365.25e6;

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private ReportText() {
    }

    /** A cell as the PDF shows it. */
    public static String format(Cell cell) {
        if (cell instanceof Cell.Text t) {
            return t.text();
        }
        if (cell instanceof Cell.UnitName u) {
            return u.shown();
        }
        Cell.Num n = (Cell.Num) cell;
        return n.value() == null ? NONE : format(n.value(), n.unit());
    }

    public static String format(BigDecimal v, Unit unit) {
        if (unit == null) {
            return v.toPlainString();
        }
        return switch (unit) {
            case FRACTION -> percent(v.doubleValue());
            case MONEY -> pattern("#,##0.00").format(v.setScale(2, RoundingMode.HALF_EVEN));
            case UNITS, COUNT -> pattern("#,##0.########").format(v);
            case DAYS -> pattern("#,##0.#").format(v);
            case NUMBER -> number(v.doubleValue());
            case DATE -> date(v.doubleValue());
        };
    }

    /** An epoch day (days since 1970-01-01) as YYYY-MM-DD; a number beyond the calendar as a number. */
    public static String date(double epochDay) {
        return Math.abs(epochDay) <= MAX_EPOCH_DAY ? LocalDate.ofEpochDay(Math.round(epochDay)).toString()
                : number(epochDay);
    }

    /**
     * A date axis tick: the year alone on the first of January ("2016"), the month on the first of a month
     * ("2016-03"), else the day.
     */
    static String dateTick(double epochDay) {
        if (!(Math.abs(epochDay) <= MAX_EPOCH_DAY)) {
            return number(epochDay);
        }
        LocalDate d = LocalDate.ofEpochDay(Math.round(epochDay));
        return d.getDayOfYear() == 1 ? Integer.toString(d.getYear())
                : d.getDayOfMonth() == 1 ? d.toString().substring(0, d.toString().length() - 3) : d.toString();
    }

    /** 0.1234 as "12.34%"; shares below 0.01% keep three significant digits ("0.00123%"). */
    public static String percent(double fraction) {
        double p = fraction * 100;
        if (p != 0 && Math.abs(p) < 0.01) {
            return new BigDecimal(p).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString() + "%";
        }
        return pattern("#,##0.00").format(p) + "%";
    }

    /** A plain number to six significant digits, with thousands separators; very large or small in powers of ten. */
    public static String number(double v) {
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1e15 || a < 1e-6) {
            return pattern("0.#####E0").format(v);
        }
        int digits = Math.min(10, Math.max(0, 5 - (int) Math.floor(Math.log10(a))));
        return pattern(digits == 0 ? "#,##0" : "#,##0." + "#".repeat(digits)).format(v);
    }

    /** An axis tick: short, in k / M / B steps for large numbers, percent for fractions, dates as dates. */
    public static String tick(double v, Unit unit) {
        if (unit == Unit.DATE) {
            return dateTick(v);
        }
        if (unit == Unit.FRACTION) {
            double p = v * 100;
            return (Math.abs(p) >= 10 || p == Math.rint(p) ? pattern("#,##0") : pattern("0.##")).format(p) + "%";
        }
        double a = Math.abs(v);
        if (a >= 1e15) {
            return pattern("0.#E0").format(v);
        }
        String[] suffix = {"", "k", "M", "B", "T"};
        int step = 0;
        double scaled = v;
        while (Math.abs(scaled) >= 1000 && step < suffix.length - 1) {
            scaled /= 1000;
            step++;
        }
        if (step == 0 && a != 0 && a < 1e-3) {
            return pattern("0.#E0").format(v);
        }
        return pattern(step == 0 ? "0.###" : "0.##").format(scaled) + suffix[step];
    }

    private static DecimalFormat pattern(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f;
    }
}
