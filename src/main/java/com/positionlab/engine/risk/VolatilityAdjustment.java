package com.positionlab.engine.risk;

import java.util.Objects;

import com.positionlab.engine.kelly.Adjustment;

/**
 * The volatility regime of an instrument and the size multiplier it implies.
 *
 * @param atr              current ATR, price units (NaN with too few bars)
 * @param atrPercent       current ATR as a fraction of the last close (0.02 is 2%)
 * @param medianAtrPercent median of the ATR-as-a-fraction-of-close history
 * @param percentile       mid-rank percentile of the current ATR fraction in its history, in [0, 1]
 * @param regime           LOW, NORMAL or HIGH by that percentile; UNKNOWN with too few bars
 * @param multiplier       size multiplier in [1 - maxReduction, 1]
 * @param reason           one sentence a trader can read
 */
public record VolatilityAdjustment(double atr, double atrPercent, double medianAtrPercent, double percentile,
        VolatilityRegime regime, double multiplier, String reason) {

    public VolatilityAdjustment {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(reason, "reason");
    }

    /** This adjustment as a sizing {@link Adjustment} named {@code volatility}. */
    public Adjustment toAdjustment() {
        return new Adjustment("volatility", multiplier, reason);
    }
}
