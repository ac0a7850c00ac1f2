package com.positionlab.ui.build;

import java.math.BigDecimal;
import java.util.Locale;

/** Numbers written back into fields and messages: plain decimals without float noise. */
final class FieldReaderText {

    private FieldReaderText() {
    }

    /** A typed number: at most 6 significant decimals, no trailing zeros, no exponent. */
    static String number(double v) {
        return new BigDecimal(v).round(new java.math.MathContext(10)).setScale(6, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percent with two decimals ("2.86%"). */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
