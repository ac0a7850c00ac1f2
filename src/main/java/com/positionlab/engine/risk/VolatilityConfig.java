package com.positionlab.engine.risk;

import static com.positionlab.engine.InvalidParameterException.inRange;

import com.positionlab.engine.InvalidParameterException;

/**
 * How volatility adjusts a position (see {@link VolatilityAdjuster}).
 *
 * @param period         ATR period in bars (default 14)
 * @param lowPercentile  below this percentile of its history the ATR is LOW, in [0, 1] (default 0.33)
 * @param highPercentile above this percentile it is HIGH, in [lowPercentile, 1] (default 0.67)
 * @param maxReduction   the most the size is reduced, as a fraction, in [0, 1] (default 0.5: the multiplier
 *                       never goes below 0.5)
 */
public record VolatilityConfig(int period, double lowPercentile, double highPercentile, double maxReduction) {

    public VolatilityConfig {
        if (period < 1) {
            throw new InvalidParameterException("atr_period", "must be at least 1, got " + period);
        }
        inRange("low_percentile", lowPercentile, 0, 1);
        inRange("high_percentile", highPercentile, 0, 1);
        if (lowPercentile > highPercentile) {
            throw new InvalidParameterException("low_percentile",
                    "must not exceed high_percentile (" + highPercentile + "), got " + lowPercentile);
        }
        inRange("max_volatility_reduction", maxReduction, 0, 1);
    }

    /** ATR(14), LOW below the 33rd percentile, HIGH above the 67th, at most a 50% reduction. */
    public static VolatilityConfig defaults() {
        return new VolatilityConfig(Atr.DEFAULT_PERIOD, 0.33, 0.67, 0.5);
    }
}
