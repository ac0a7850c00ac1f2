package com.positionlab.engine.kelly;

import java.util.Locale;

/** Formats fractions for the reasons shown to traders, independent of the default locale. */
public final class Percent {

    private Percent() {
    }

    /** A fraction as a percentage with one decimal: {@code 0.125 -> "12.5%"}. */
    public static String of(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** A number with four decimals: {@code 0.4 -> "0.4000"}, {@code -Infinity -> "-Infinity"}. */
    public static String fraction(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** A number with two decimals: {@code 25 -> "25.00"}. */
    public static String amount(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
