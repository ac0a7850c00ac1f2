package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.inRange;

/**
 * How a raw Kelly fraction becomes a position fraction:
 * {@code adjusted = min(max(f*, 0), maxKellyFraction) x kellyMultiplier x performance x conviction},
 * then, when positive, clipped to {@code [minPosition, maxPosition]}. A negative edge sizes to zero,
 * never short by accident.
 *
 * @param maxKellyFraction cap on the raw fraction (default 0.5)
 * @param kellyMultiplier  fractional Kelly (default 0.25)
 * @param minPosition      smallest position as a fraction of capital when the size is positive (default 0)
 * @param maxPosition      largest position as a fraction of capital (default 1)
 */
public record KellyPolicy(double maxKellyFraction, double kellyMultiplier, double minPosition, double maxPosition) {

    public static final double DEFAULT_MAX_KELLY_FRACTION = 0.5;
    public static final double DEFAULT_KELLY_MULTIPLIER = 0.25;

    public KellyPolicy {
        inRange("max_kelly_fraction", maxKellyFraction, 0, 1);
        inRange("kelly_multiplier", kellyMultiplier, 0, 2);
        inRange("min_position_size", minPosition, 0, 1);
        inRange("max_position_size", maxPosition, 0, 10);
        if (minPosition > maxPosition) {
            throw new com.positionlab.engine.InvalidParameterException("min_position_size",
                    "must not exceed max_position_size (" + maxPosition + "), got " + minPosition);
        }
    }

    public static KellyPolicy defaults() {
        return new KellyPolicy(DEFAULT_MAX_KELLY_FRACTION, DEFAULT_KELLY_MULTIPLIER, 0, 1);
    }

    /**
     * The adjusted fraction for a raw Kelly fraction and the performance and conviction multipliers
     * (each non-negative; 1 means no adjustment).
     */
    public double adjust(double rawKelly, double performance, double conviction) {
        com.positionlab.engine.InvalidParameterException.finite("kelly_fraction", rawKelly);
        inRange("performance_adjustment", performance, 0, 10);
        inRange("conviction_multiplier", conviction, 0, 10);
        double capped = Math.min(Math.max(rawKelly, 0), maxKellyFraction);
        double sized = capped * kellyMultiplier * performance * conviction;
        if (sized <= 0) {
            return 0;
        }
        return Math.min(Math.max(sized, minPosition), maxPosition);
    }
}
