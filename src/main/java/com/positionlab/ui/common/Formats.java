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

    public static String price(double v) {
        return Double.isFinite(v) ? new DecimalFormat("#,##0.00##", SYMBOLS).format(v) : "—";
    }

    public static String quantity(BigDecimal q) {
        return q == null ? "" : new DecimalFormat("#,##0.######", SYMBOLS).format(q);
    }

    /** A fraction as a percentage with two decimals ({@code 0.1234 -> "12.34%"}); a dash when not finite. */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? new DecimalFormat("0.00", SYMBOLS).format(fraction * 100) + "%" : "—";
    }

    public static String decimal2(double v) {
        return Double.isFinite(v) ? new DecimalFormat("0.00", SYMBOLS).format(v) : "—";
    }

    public static String date(LocalDate d) {
        return d == null ? "—" : DATE.format(d);
    }
}
