package com.positionlab.engine.riskmodel;

/**
 * How value at risk and expected shortfall are measured. All report positive loss fractions at a
 * confidence level {@code c}; a horizon of {@code h} days multiplies the one-day figures by {@code sqrt(h)}
 * (square-root-of-time scaling).
 * <ul>
 *   <li>{@link #HISTORICAL_VAR}: VaR = minus the {@code (1 - c)} quantile of the returns over the lookback,
 *       linear interpolation between order statistics (R type 7, numpy's default); CVaR = minus the mean
 *       of the returns at or below that quantile;</li>
 *   <li>{@link #PARAMETRIC}: normal with the sample mean and standard deviation, optionally with the
 *       Cornish-Fisher correction for skewness and excess kurtosis;</li>
 *   <li>{@link #MONTE_CARLO}: seeded multivariate normal scenarios from the sample means and covariance
 *       (10,000 by default), measured as HISTORICAL_VAR on the scenarios;</li>
 *   <li>{@link #GARCH}: GARCH(1,1) with normal innovations and a constant mean fitted by maximum
 *       likelihood; the one-step-ahead volatility forecast gives a normal VaR and CVaR.</li>
 * </ul>
 */
public enum RiskModel {
    HISTORICAL_VAR,
    PARAMETRIC,
    MONTE_CARLO,
    GARCH
}
