package com.positionlab.engine.optimize.riskbased;

/**
 * The most diversified long-only, fully invested portfolio.
 *
 * @param weights              w_i, at least 0, summing to 1
 * @param diversificationRatio {@code (w' sigma) / sqrt(w' Sigma w)} at w, the maximum
 * @param volatility           {@code sqrt(w' Sigma w)}, in the units of the covariance matrix's square root
 */
public record DiversifiedPortfolio(double[] weights, double diversificationRatio, double volatility) {
}
