package com.positionlab.engine.optimize.riskbased;

/**
 * A long-only, fully invested portfolio whose risk contributions follow given budgets.
 *
 * @param weights           w_i, positive, summing to 1
 * @param budgets           b_i, the target shares of volatility (normalised to sum to 1)
 * @param volatility        {@code sqrt(w' Sigma w)}, in the units of the covariance matrix's square root
 * @param riskContributions {@code RC_i = w_i (Sigma w)_i / volatility}, summing to the volatility
 * @param iterations        Newton steps taken
 * @param residual          {@code max_i |RC_i / (b_i volatility) - 1|} of the returned weights
 */
public record RiskBudgetPortfolio(double[] weights, double[] budgets, double volatility, double[] riskContributions,
                                  int iterations, double residual) {
}
