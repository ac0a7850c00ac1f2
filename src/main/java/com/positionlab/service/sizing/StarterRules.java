package com.positionlab.service.sizing;

import java.util.List;

import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.sizing.PositionSizingRequest.RiskConstraints;
import com.positionlab.service.sizing.PositionSizingRequest.RiskLimitMeasure;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;

/**
 * The rules a workspace starts with: one per common way of sizing, each with conservative limits (fractions
 * of equity). All share the same book constraints: annualised portfolio volatility at most 25%, at most 20% in
 * one instrument and 35% in one sector, no new position correlated above 0.8 with the book, and gross exposure
 * at most 1.5 times equity.
 */
final class StarterRules {

    private StarterRules() {
    }

    static List<SizingRule> all() {
        return List.of(
                rule("quarter-kelly", "Quarter Kelly", "Growth-optimal (Kelly) weight from the edge and the book's "
                        + "covariance, a quarter of it, the raw fraction capped at 50%.", 10,
                        params(SizingMethod.KELLY_CRITERION, 0.10, null, null, null, 0.25, 0.5)),
                rule("fixed-2pct", "2% fixed", "Every position is 2% of equity.", 20,
                        params(SizingMethod.FIXED_PERCENTAGE, 0.05, null, 0.02, null, null, null)),
                rule("vol-target-10", "Vol target 10%", "Weight = 10% / the instrument's forecast annualised "
                        + "volatility, so that each position carries the same risk.", 30,
                        params(SizingMethod.VOLATILITY_ADJUSTED, 0.15, 0.10, null, null, null, null)),
                rule("risk-parity", "Risk parity", "The weight at which the new position contributes as much "
                        + "portfolio variance as each holding.", 40,
                        params(SizingMethod.RISK_PARITY, 0.15, null, null, null, null, null)),
                rule("risk-1pct-to-stop", "1% risk to stop", "Units such that being stopped out loses 1% of equity; "
                        + "needs a stop price when sizing.", 50,
                        params(SizingMethod.FIXED_RISK, 0.20, null, null, 0.01, null, null)));
    }

    private static SizingRule rule(String id, String name, String description, int priority, SizingParameters p) {
        return new SizingRule(id, name, description, true, priority, p,
                new RiskConstraints(0.25, RiskLimitMeasure.VOLATILITY, 0.20, 0.35, 0.8, 1.5));
    }

    private static SizingParameters params(SizingMethod method, double maxPosition, Double volatilityTarget,
                                           Double fixedPercentage, Double riskPerTrade, Double kellyMultiplier,
                                           Double maxKellyFraction) {
        return new SizingParameters(method, RiskModel.HISTORICAL_VAR, 0.95, 252, maxPosition, 0.0, volatilityTarget,
                fixedPercentage, riskPerTrade, kellyMultiplier, maxKellyFraction, null, null, 1, null, null, null);
    }
}
