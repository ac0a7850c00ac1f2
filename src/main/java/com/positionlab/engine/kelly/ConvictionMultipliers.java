package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.inRange;

/**
 * The multiplier applied to the fraction for each {@link Conviction} level; each in [0, 10].
 *
 * @param low    multiplier for LOW conviction (default 0.5)
 * @param medium multiplier for MEDIUM conviction (default 1.0)
 * @param high   multiplier for HIGH conviction (default 1.5)
 */
public record ConvictionMultipliers(double low, double medium, double high) {

    public static final ConvictionMultipliers DEFAULTS = new ConvictionMultipliers(0.5, 1.0, 1.5);

    public ConvictionMultipliers {
        inRange("conviction_low", low, 0, 10);
        inRange("conviction_medium", medium, 0, 10);
        inRange("conviction_high", high, 0, 10);
    }

    /** The multiplier for a conviction level. */
    public double of(Conviction conviction) {
        return switch (conviction) {
            case LOW -> low;
            case MEDIUM -> medium;
            case HIGH -> high;
        };
    }
}
