package com.positionlab.service.build;

import java.util.List;

import com.positionlab.service.optimize.OptimizeResponse.Binding;

/**
 * A portfolio chosen while building, with the figures a trader weighs it by. Fractions throughout; annual
 * figures on the build's estimates, daily ones on its lookback's returns.
 *
 * @param label            what it is ("Maximum Sharpe", "Frontier at 9.50%", ...)
 * @param weights          in the build's ticker order
 * @param expectedReturn   {@code mu . w}, annual
 * @param volatility       {@code sqrt(w' Sigma w)}, annual
 * @param sharpeRatio      {@code (return - rf) / volatility} at the build's risk-free rate
 * @param var95            historical one-day 95% value at risk of the lookback's daily returns (a loss, positive)
 * @param cvar95           the mean one-day loss beyond it
 * @param maxDrawdown      the largest fall from a peak of the lookback's daily path held at w (positive)
 * @param effectiveAssets  {@code 1 / sum w_i^2}
 * @param turnover         {@code sum |w - current|}
 * @param cost             turnover x portfolio value x the build's cost rate, in the portfolio's currency
 * @param riskShares       each asset's share of the variance {@code w_i (Sigma w)_i / w' Sigma w}
 * @param binding          the constraints at their limits, with their slack
 * @param exact            whether the weights are exact (the critical line's frontier, an optimiser's answer)
 *                         rather than interpolated between sampled frontier points
 */
public record Selection(String label, double[] weights, double expectedReturn, double volatility, double sharpeRatio,
                        double var95, double cvar95, double maxDrawdown, double effectiveAssets, double turnover,
                        double cost, double[] riskShares, List<Binding> binding, boolean exact) {

    public Selection {
        weights = weights.clone();
        riskShares = riskShares.clone();
        binding = List.copyOf(binding);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] riskShares() {
        return riskShares.clone();
    }
}
