package com.positionlab.service;

/**
 * How figures leave the services: ten significant digits, so that arithmetic noise does not reach the JSON
 * contract or the screen, the same for every command and endpoint (money goes through {@link Money}).
 */
public final class Figures {

    private Figures() {
    }

    /** Ten significant digits: {@code 0.25000000000000006 -> 0.25}; non-finite values and 0 as they are. */
    public static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        double scale = Math.pow(10, 9 - exponent);
        double scaled = v * scale;
        if (!Double.isFinite(scale) || Math.abs(scaled) > 1e15) {
            return v;
        }
        return Math.rint(scaled) / scale;
    }

    /** Each value rounded to ten significant digits; null stays null. */
    public static double[] round(double[] values) {
        if (values == null) {
            return null;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = round(values[i]);
        }
        return out;
    }

    /** A boxed value rounded; null stays null. */
    public static Double round(Double v) {
        return v == null ? null : round(v.doubleValue());
    }
}
