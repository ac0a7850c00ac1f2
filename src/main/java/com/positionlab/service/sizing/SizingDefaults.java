package com.positionlab.service.sizing;

import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;

/** What a sizing request that leaves a field out gets, shared by the service, the ticket and the rule form. */
public final class SizingDefaults {

    public static final SizingMethod METHOD = SizingMethod.KELLY_CRITERION;
    public static final RiskModel RISK_MODEL = RiskModel.HISTORICAL_VAR;
    public static final double CONFIDENCE = 0.95;
    public static final int LOOKBACK = 252;
    public static final double MAX_POSITION = 0.10;
    public static final double VOLATILITY_TARGET = 0.10;
    public static final double FIXED_PERCENTAGE = 0.02;
    public static final double RISK_PER_TRADE = 0.01;
    public static final double OPTIMAL_F_FRACTION = 0.25;
    public static final int SCENARIOS = 10_000;
    public static final long SEED = 42;
    public static final double MAX_DRAWDOWN = 0.20;
    public static final int REALISED_WINDOW = 20;
    /** Fewest daily returns a sizing accepts. */
    public static final int MIN_RETURNS = 20;

    private SizingDefaults() {
    }
}
