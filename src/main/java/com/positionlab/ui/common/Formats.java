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
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(java.time.ZoneId.systemDefault());

    private Formats() {
    }

    /** A moment in the machine's time zone, to the minute ("2026-12-03 14:05"). */
    public static String dateTime(java.time.temporal.TemporalAccessor at) {
        return at == null ? "" : DATE_TIME.format(at);
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

    /**
     * A short amount for chart axes and tables: 950, 12.5k, 3.2M, 4.1B, then powers of ten (3.2×10¹²), and
     * tiny amounts the same way (2×10⁻³); never {@code -0}.
     */
    public static String compact(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        double a = Math.abs(v);
        if (a >= 1e12 || (a > 0 && a < 0.01)) {
            return powerOfTen(v);
        }
        String out;
        if (a >= 1e9) {
            out = new DecimalFormat("0.#", SYMBOLS).format(v / 1e9) + "B";
        } else if (a >= 1e6) {
            out = new DecimalFormat("0.#", SYMBOLS).format(v / 1e6) + "M";
        } else if (a >= 1e3) {
            out = new DecimalFormat("0.#", SYMBOLS).format(v / 1e3) + "k";
        } else {
            out = new DecimalFormat(a >= 10 ? "0" : "0.##", SYMBOLS).format(v);
        }
        return out.startsWith("-") && out.matches("-0(\\.0*)?[kMB]?") ? out.substring(1) : out;
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** {@code m×10ⁿ} with a one-decimal mantissa (a whole one when it is whole). */
    private static String powerOfTen(double v) {
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        double mantissa = v / Math.pow(10, exponent);
        if (Math.abs(Math.round(mantissa * 10) / 10.0) >= 10) {
            exponent++;
            mantissa /= 10;
        }
        StringBuilder sb = new StringBuilder(new DecimalFormat("0.#", SYMBOLS).format(mantissa)).append("×10");
        String e = Integer.toString(exponent);
        for (char ch : e.toCharArray()) {
            sb.append(ch == '-' ? '⁻' : SUPERSCRIPTS.charAt(ch - '0'));
        }
        return sb.toString();
    }

    public static String date(LocalDate d) {
        return d == null ? "—" : DATE.format(d);
    }
}
