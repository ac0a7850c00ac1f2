package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.inRange;

import com.positionlab.engine.InvalidParameterException;

/**
 * How a strategy's edge is estimated from its trades.
 *
 * @param minimumTrades    below this many trades in a window Kelly is not used (default 20)
 * @param recentTrades     size N of the "last N trades" window and of the rolling series (default 20)
 * @param recentDays       length D of the "last D days" window, in days of 86,400 seconds (default 30)
 * @param fallbackFraction fixed fraction of balance used when Kelly is not usable, in [0, 1] (default 0.02)
 * @param confidenceLevel  coverage of the bootstrap interval, in (0, 1) (default 0.95)
 * @param resamples        bootstrap resamples, at least {@value KellyBootstrap#MIN_RESAMPLES} (default 2000)
 * @param seed             bootstrap seed; the same seed gives the same intervals
 */
public record EdgeConfig(int minimumTrades, int recentTrades, int recentDays, double fallbackFraction,
        double confidenceLevel, int resamples, long seed) {

    public static final int DEFAULT_MINIMUM_TRADES = 20;
    public static final int DEFAULT_RECENT_TRADES = 20;
    public static final int DEFAULT_RECENT_DAYS = 30;
    public static final double DEFAULT_FALLBACK_FRACTION = 0.02;
    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
    public static final long DEFAULT_SEED = 42L;

    public EdgeConfig {
        atLeast("minimum_trades", minimumTrades, 1);
        atLeast("recent_trades", recentTrades, 1);
        atLeast("recent_days", recentDays, 1);
        inRange("fallback_fraction", fallbackFraction, 0, 1);
        KellyBootstrap.validate(confidenceLevel, resamples);
    }

    /** The defaults: 20 trades minimum, last 20 trades, last 30 days, 2% fallback, 95%, 2000 resamples. */
    public static EdgeConfig defaults() {
        return new EdgeConfig(DEFAULT_MINIMUM_TRADES, DEFAULT_RECENT_TRADES, DEFAULT_RECENT_DAYS,
                DEFAULT_FALLBACK_FRACTION, DEFAULT_CONFIDENCE_LEVEL, KellyBootstrap.MIN_RESAMPLES, DEFAULT_SEED);
    }

    /** A copy with another seed. */
    public EdgeConfig withSeed(long newSeed) {
        return new EdgeConfig(minimumTrades, recentTrades, recentDays, fallbackFraction, confidenceLevel,
                resamples, newSeed);
    }

    private static void atLeast(String field, int value, int min) {
        if (value < min) {
            throw new InvalidParameterException(field, "must be at least " + min + ", got " + value);
        }
    }
}
