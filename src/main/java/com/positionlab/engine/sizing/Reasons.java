package com.positionlab.engine.sizing;

/** Numbers in the English reasons of a sizing, without the cost of a Formatter (they are built on the hot path). */
final class Reasons {

    private Reasons() {
    }

    /** {@code 12.34%}. */
    static String pct(double v) {
        return fixed(v * 100, 2) + "%";
    }

    /** Four decimals, e.g. {@code 0.5638}. */
    static String fmt(double v) {
        return fixed(v, 4);
    }

    static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        long scale = decimals == 2 ? 100 : 10_000;
        long n = Math.round(Math.abs(v) * scale);
        StringBuilder sb = new StringBuilder(16);
        if (v < 0 && n != 0) {
            sb.append('-');
        }
        sb.append(n / scale).append('.');
        String frac = Long.toString(n % scale);
        for (int i = frac.length(); i < decimals; i++) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }
}
