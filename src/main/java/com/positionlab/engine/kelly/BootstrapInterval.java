package com.positionlab.engine.kelly;

/**
 * A percentile-bootstrap confidence interval of the Kelly fraction.
 *
 * @param lowerBound      the {@code (1 - confidenceLevel) / 2} quantile of the resampled Kelly fractions;
 *                        NaN when not computed
 * @param upperBound      the {@code (1 + confidenceLevel) / 2} quantile; NaN when not computed
 * @param confidenceLevel nominal coverage, in (0, 1)
 * @param resamples       number of bootstrap resamples (0 when not computed)
 */
public record BootstrapInterval(double lowerBound, double upperBound, double confidenceLevel, int resamples) {

    /** No interval: the point estimate was not finite or there were no trades. */
    public static BootstrapInterval none(double confidenceLevel) {
        return new BootstrapInterval(Double.NaN, Double.NaN, confidenceLevel, 0);
    }

    /** Whether the interval was computed. */
    public boolean isDefined() {
        return resamples > 0;
    }

    /** The bounds and level as a plain {@link Interval}, as reported in {@code confidence_interval}. */
    public Interval toInterval() {
        return new Interval(lowerBound, upperBound, confidenceLevel);
    }

    /** {@code upperBound - lowerBound}. */
    public double width() {
        return upperBound - lowerBound;
    }

    /** Whether {@code lowerBound <= x <= upperBound}. */
    public boolean contains(double x) {
        return lowerBound <= x && x <= upperBound;
    }
}
