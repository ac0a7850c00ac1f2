package com.positionlab.engine;

/**
 * Numbers in the English reasons the engine gives (limits, adjustments, regimes), independent of the
 * default locale and without the cost of a Formatter: reasons are built on the sizing hot path. Rounding is
 * half away from zero on the scaled value; non-finite values print as Java does ({@code -Infinity}, {@code NaN}).
 */
public final class Reasons {

    private static final long[] SCALES = {1, 10, 100, 1_000, 10_000};

    private Reasons() {
    }

    /** A fraction as a percentage with two decimals: {@code 0.1234 -> "12.34%"}. */
    public static String pct(double fraction) {
        return fixed(fraction * 100, 2) + "%";
    }

    /** A fraction as a percentage with one decimal: {@code 0.125 -> "12.5%"}. */
    public static String pct1(double fraction) {
        return fixed(fraction * 100, 1) + "%";
    }

    /** Four decimals: {@code 0.4 -> "0.4000"}. */
    public static String fmt(double v) {
        return fixed(v, 4);
    }

    /** An amount with two decimals: {@code 25 -> "25.00"}. */
    public static String amount(double v) {
        return fixed(v, 2);
    }

    /** {@code v} with 0 to 4 decimals. */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        long scale = SCALES[decimals];
        long n = Math.round(Math.abs(v) * scale);
        StringBuilder sb = new StringBuilder(16);
        if (v < 0 && n != 0) {
            sb.append('-');
        }
        sb.append(n / scale);
        if (decimals == 0) {
            return sb.toString();
        }
        sb.append('.');
        String frac = Long.toString(n % scale);
        for (int i = frac.length(); i < decimals; i++) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }
}
