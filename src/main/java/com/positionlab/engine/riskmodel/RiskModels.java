package com.positionlab.engine.riskmodel;

import com.positionlab.engine.InvalidParameterException;

/** One return series measured under any {@link RiskModel}: one-period (one-day for daily returns) figures. */
public final class RiskModels {

    private RiskModels() {
    }

    /**
     * VaR and CVaR of {@code returns} at {@code confidence} under {@code model}: {@link HistoricalVar};
     * {@link ParametricVar#of} (Cornish-Fisher if {@code cornishFisher}); the univariate {@link MonteCarloVar} with
     * {@code scenarios} draws from {@code seed}; or a {@link Garch11} fit (at least 100 returns) and its
     * one-step-ahead normal VaR. Arguments a model does not use are ignored.
     */
    public static VarEstimate measure(RiskModel model, double[] returns, double confidence, boolean cornishFisher,
                                      int scenarios, long seed) {
        if (model == null) {
            throw new InvalidParameterException("risk_model", "is required: one of HISTORICAL_VAR, PARAMETRIC, "
                    + "MONTE_CARLO, GARCH");
        }
        return switch (model) {
            case HISTORICAL_VAR -> HistoricalVar.of(returns, confidence);
            case PARAMETRIC -> ParametricVar.of(returns, confidence, cornishFisher);
            case MONTE_CARLO -> MonteCarloVar.of(returns, confidence, scenarios, seed);
            case GARCH -> {
                Checks.confidence(confidence);
                yield Garch11.fit(returns).var(confidence);
            }
        };
    }
}
