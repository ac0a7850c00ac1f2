package com.positionlab.engine.sizing;

import java.math.BigDecimal;
import java.util.List;

import com.positionlab.engine.limits.Binding;
import com.positionlab.engine.riskmodel.GarchFit;

/**
 * The engine's answer. {@code weight} is the final position weight (after constraints and lot rounding),
 * always {@code >= 0}: the direction is the trade's. When the trade cannot be placed, units are 0 and
 * {@code reason} says why.
 */
public record SizingOutcome(SizingMethod method, double rawWeight, double weight, BigDecimal units,
                            BigDecimal notional, String reason, List<Binding> bindings, double kellyFraction,
                            double expectedReturn, double expectedVolatility, double sharpeRatio, Impact impact,
                            RiskFigures risk, List<BudgetUse> budgets, List<StressOutcome> stress,
                            double confidenceScore, SizingDetails details, List<String> warnings) {

    /** No position from {@code method}, which cannot size this decision, for {@code reason}; no risk figures. */
    public static SizingOutcome none(SizingMethod method, String reason) {
        return new SizingOutcome(method, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO.setScale(2), reason, List.of(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null, List.of(), List.of(), 0,
                SizingDetails.NONE, List.of());
    }

    /**
     * Annualised volatility change, correlation of the position with the book, share of the position's
     * stand-alone risk diversified away, Herfindahl index of absolute weights after the trade.
     */
    public record Impact(double portfolioRiskChange, double correlationImpact, double diversificationBenefit,
                         double concentrationRisk, double volatilityBefore, double volatilityAfter) {
    }

    /** VaR and CVaR (positive loss fractions of equity) at the spec's confidence and horizon; GARCH fit of the candidate when used. */
    public record RiskFigures(double positionVar, double positionCvar, double portfolioVarBefore,
                              double portfolioCvarBefore, double portfolioVarAfter, double portfolioCvarAfter,
                              GarchFit candidateGarch) {
    }

    /** A risk budget and its use before and after the trade, in annualised volatility. */
    public record BudgetUse(String kind, String name, double budget, double usedBefore, double usedAfter) {
    }

    /**
     * P&L as fractions of equity in one scenario. For the historical windows, {@code windowStart} is the
     * index of the window's first return and {@code days} its length; -1 and 0 for user shocks.
     */
    public record StressOutcome(String name, String kind, int windowStart, int days, double portfolioPnlBefore,
                                double portfolioPnlAfter, double positionPnl) {
    }
}
