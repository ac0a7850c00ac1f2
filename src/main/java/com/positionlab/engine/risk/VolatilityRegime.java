package com.positionlab.engine.risk;

/** Where the current ATR stands in its own history (see {@link VolatilityAdjuster}). */
public enum VolatilityRegime {
    /** Percentile below the low threshold. */
    LOW,
    /** Between the thresholds. */
    NORMAL,
    /** Percentile above the high threshold. */
    HIGH,
    /** Too few bars for an ATR. */
    UNKNOWN
}
