package com.positionlab.service.risk;

import com.positionlab.engine.riskmodel.RiskModel;

/**
 * How to measure a return series.
 *
 * @param model           the risk model
 * @param confidenceLevel in (0, 1), e.g. 0.95
 * @param horizonDays     at least 1; one-day figures are scaled by sqrt(horizonDays)
 * @param cornishFisher   PARAMETRIC only: correct the normal quantile for skewness and excess kurtosis
 * @param scenarios       MONTE_CARLO only: number of scenarios, 100 to 10,000,000
 * @param seed            MONTE_CARLO only: the same seed gives the same figures
 */
public record RiskRequest(RiskModel model, double confidenceLevel, int horizonDays, boolean cornishFisher,
                          int scenarios, long seed) {

    public static final RiskModel DEFAULT_MODEL = RiskModel.HISTORICAL_VAR;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final int DEFAULT_HORIZON_DAYS = 1;
    public static final int DEFAULT_SCENARIOS = 10_000;
    public static final long DEFAULT_SEED = 42;

    /** Historical VaR at 95% over one day. */
    public static RiskRequest defaults() {
        return new RiskRequest(DEFAULT_MODEL, DEFAULT_CONFIDENCE, DEFAULT_HORIZON_DAYS, false, DEFAULT_SCENARIOS,
                DEFAULT_SEED);
    }

    /** This request under another model. */
    public RiskRequest withModel(RiskModel other) {
        return new RiskRequest(other, confidenceLevel, horizonDays, cornishFisher, scenarios, seed);
    }
}
