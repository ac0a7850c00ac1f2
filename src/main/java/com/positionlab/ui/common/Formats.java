package com.positionlab.ui.common;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number and date formats of the UI (fixed to an English locale so screenshots and tests agree). */
public final class Formats {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private Formats() {
    }

    public static String money(BigDecimal amount) {
        return amount == null ? "" : new DecimalFormat("#,##0.00", SYMBOLS).format(amount);
    }

    public static String money(BigDecimal amount, String currency) {
        return amount == null ? "" : money(amount) + " " + currency;
    }

    /** A price: two decimals, or four below 1 (where two would hide most of it); a dash when not finite. */
    public static String price(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        return new DecimalFormat(Math.abs(v) < 1 ? "#,##0.0000" : "#,##0.00", SYMBOLS).format(v);
    }

    public static String quantity(BigDecimal q) {
        return q == null ? "" : new DecimalFormat("#,##0.######", SYMBOLS).format(q);
    }

    /** A fraction as a percentage with two decimals ({@code 0.1234 -> "12.34%"}); a dash when not finite. */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? new DecimalFormat("0.00", SYMBOLS).format(fraction * 100) + "%" : "—";
    }

    /** A change as a signed percentage with two decimals ({@code 0.0123 -> "+1.23%"}); a dash when not finite. */
    public static String signedPercent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "—";
        }
        String p = percent(fraction);
        return fraction > 0 && !p.equals("0.00%") ? "+" + p : p;
    }

    public static String decimal2(double v) {
        return Double.isFinite(v) ? new DecimalFormat("0.00", SYMBOLS).format(v) : "—";
    }

    public static String decimal4(double v) {
        return Double.isFinite(v) ? new DecimalFormat("0.0000", SYMBOLS).format(v) : "—";
    }

    /** A short amount for chart axes: 950, 12.5k, 3.2M. */
    public static String compact(double v) {
        double a = Math.abs(v);
        if (!Double.isFinite(v)) {
            return "—";
        }
        if (a >= 1e9) {
            return new DecimalFormat("0.#", SYMBOLS).format(v / 1e9) + "B";
        }
        if (a >= 1e6) {
            return new DecimalFormat("0.#", SYMBOLS).format(v / 1e6) + "M";
        }
        if (a >= 1e3) {
            return new DecimalFormat("0.#", SYMBOLS).format(v / 1e3) + "k";
        }
        if (a > 0 && a < 0.01) {
            return String.format(Locale.US, "%.0e", v);
        }
        return new DecimalFormat(a >= 10 ? "0" : "0.##", SYMBOLS).format(v);
    }

    public static String date(LocalDate d) {
        return d == null ? "—" : DATE.format(d);
    }
}
