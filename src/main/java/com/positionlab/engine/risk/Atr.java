package com.positionlab.engine.risk;

import static com.positionlab.engine.InvalidParameterException.finite;

import java.util.Arrays;

import com.positionlab.engine.InvalidParameterException;

/**
 * Average true range with Wilder smoothing, in price units.
 *
 * <p>True range {@code TR_t = max(H_t - L_t, |H_t - C_{t-1}|, |L_t - C_{t-1}|)}; the first bar has no previous
 * close, so {@code TR_0 = H_0 - L_0}. The first ATR, at bar {@code period - 1}, is the mean of
 * {@code TR_0 .. TR_{period-1}}; then {@code ATR_t = (ATR_{t-1} (period - 1) + TR_t) / period}.
 */
public final class Atr {

    /** Wilder's period. */
    public static final int DEFAULT_PERIOD = 14;

    private Atr() {
    }

    /** True range of each bar (price units); arrays of equal length, finite, with high &gt;= low. */
    public static double[] trueRange(double[] high, double[] low, double[] close) {
        validate(high, low, close);
        double[] tr = new double[high.length];
        for (int t = 0; t < tr.length; t++) {
            double range = high[t] - low[t];
            tr[t] = t == 0 ? range
                    : Math.max(range, Math.max(Math.abs(high[t] - close[t - 1]), Math.abs(low[t] - close[t - 1])));
        }
        return tr;
    }

    /**
     * Wilder ATR of each bar, in price units: NaN before bar {@code period - 1}, all NaN with fewer than
     * {@code period} bars.
     */
    public static double[] wilder(double[] high, double[] low, double[] close, int period) {
        if (period < 1) {
            throw new InvalidParameterException("atr_period", "must be at least 1, got " + period);
        }
        double[] tr = trueRange(high, low, close);
        double[] atr = new double[tr.length];
        Arrays.fill(atr, Double.NaN);
        if (tr.length < period) {
            return atr;
        }
        double sum = 0;
        for (int t = 0; t < period; t++) {
            sum += tr[t];
        }
        atr[period - 1] = sum / period;
        for (int t = period; t < tr.length; t++) {
            atr[t] = (atr[t - 1] * (period - 1) + tr[t]) / period;
        }
        return atr;
    }

    private static void validate(double[] high, double[] low, double[] close) {
        if (low.length != high.length || close.length != high.length) {
            throw new InvalidParameterException("prices", "high, low and close must have the same length, got "
                    + high.length + ", " + low.length + " and " + close.length);
        }
        for (int t = 0; t < high.length; t++) {
            finite("high", high[t]);
            finite("low", low[t]);
            finite("close", close[t]);
            if (high[t] < low[t]) {
                throw new InvalidParameterException("high", "must not be below low at bar " + t + ", got "
                        + high[t] + " < " + low[t]);
            }
        }
    }
}
