package com.positionlab.engine.sizing;

/**
 * The expected return used when the trader gives none: the instrument's historical mean, annualised and in
 * the trade's direction, shrunk toward a prior of zero excess return in proportion to its standard error.
 * With a prior standard deviation tau of true annual expected returns and the mean's standard error
 * {@code se = sigma_daily x 252 / sqrt(days)}, the estimate is the posterior mean of a normal prior and a
 * normal likelihood: {@code prior + k (mean - prior)} with {@code k = tau^2 / (tau^2 + se^2)}, the share of
 * the historical mean that is kept. A year of daily returns at 25% volatility has se = 25%: with tau = 10%,
 * 14% of the mean is kept, so a lucky +80% year becomes +11%.
 *
 * @param historicalMean annualised mean of daily simple returns over the lookback, in the trade's direction
 * @param standardError  standard error of that mean, annualised
 * @param priorMean      the prior's mean: 0 (zero excess return)
 * @param priorSd        the prior's standard deviation, {@link #PRIOR_SD}
 * @param kept           k: the share of the historical mean kept, in [0, 1]
 * @param estimate       the expected return used
 * @param days           daily returns behind the mean
 */
public record ReturnEstimate(double historicalMean, double standardError, double priorMean, double priorSd,
                             double kept, double estimate, int days) {

    /** Standard deviation of true annual expected returns around the prior: 10% a year. */
    public static final double PRIOR_SD = 0.10;

    /**
     * The shrunk estimate from the annualised historical mean, the daily variance of returns and the number
     * of days; with no variance (a constant series) the mean is kept whole.
     */
    static ReturnEstimate shrunk(double historicalMean, double dailyVariance, int days) {
        double se = Math.sqrt(Math.max(dailyVariance, 0)) * SizingSpec.PERIODS_PER_YEAR / Math.sqrt(days);
        double tau2 = PRIOR_SD * PRIOR_SD;
        double kept = se > 0 ? tau2 / (tau2 + se * se) : 1;
        return new ReturnEstimate(historicalMean, se, 0, PRIOR_SD, kept, kept * historicalMean, days);
    }
}
