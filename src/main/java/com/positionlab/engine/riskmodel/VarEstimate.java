package com.positionlab.engine.riskmodel;

import com.positionlab.engine.InvalidParameterException;

/**
 * Value at risk and expected shortfall (CVaR) as positive loss fractions of the position's value: a loss of 2%
 * is {@code 0.02}. A negative figure means the quantile, or the tail mean, is a gain.
 *
 * @param var  the loss not exceeded with the confidence level's probability
 * @param cvar the mean loss in the tail beyond the VaR; at least {@code var} for every model here
 */
public record VarEstimate(double var, double cvar) {

    /**
     * Square-root-of-time scaling of one-day figures to a horizon of {@code horizonDays} days: both figures times
     * {@code sqrt(horizonDays)}. Exact for independent, identically distributed zero-mean normal returns, an
     * approximation otherwise.
     */
    public VarEstimate scaled(int horizonDays) {
        if (horizonDays < 1) {
            throw new InvalidParameterException("horizon_days", "must be at least 1, got " + horizonDays);
        }
        double k = Math.sqrt(horizonDays);
        return new VarEstimate(var * k, cvar * k);
    }
}
