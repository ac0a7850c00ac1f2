package com.positionlab.service.sizing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The seed's PositionSizingResponse (snake_case in JSON) plus what PositionLab adds: the binding
 * constraints, the risk budgets, the stress tests, and with {@code --all-methods} the comparison of every
 * method. Risk figures are positive loss fractions of equity. {@code request} echoes the request answered
 * (the position_sized event does not carry it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PositionSizingResponse(String sizingId, OptimalPosition optimalPosition, SizingAnalysis sizingAnalysis,
                                     RiskMetrics riskMetrics, List<BindingConstraint> bindingConstraints,
                                     List<BudgetUse> riskBudgets, List<StressResult> stressTests,
                                     List<MethodComparison> comparison, List<String> warnings,
                                     double processingTimeMs, PositionSizingRequest request) {

    /** Without the request echoed (as the engine's answer is first built). */
    public PositionSizingResponse(String sizingId, OptimalPosition optimalPosition, SizingAnalysis sizingAnalysis,
                                  RiskMetrics riskMetrics, List<BindingConstraint> bindingConstraints,
                                  List<BudgetUse> riskBudgets, List<StressResult> stressTests,
                                  List<MethodComparison> comparison, List<String> warnings, double processingTimeMs) {
        this(sizingId, optimalPosition, sizingAnalysis, riskMetrics, bindingConstraints, riskBudgets, stressTests,
                comparison, warnings, processingTimeMs, null);
    }

    /** This response with the request it answers, so that it can be reproduced (and reported) on its own. */
    public PositionSizingResponse withRequest(PositionSizingRequest asked) {
        return new PositionSizingResponse(sizingId, optimalPosition, sizingAnalysis, riskMetrics, bindingConstraints,
                riskBudgets, stressTests, comparison, warnings, processingTimeMs, asked);
    }

    /** The recommendation. A trade that cannot be placed has size 0 and {@code reason} says why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptimalPosition(String positionId, String instrumentId, String direction,
                                  BigDecimal recommendedSize, BigDecimal recommendedNotional,
                                  double recommendedWeight, String currency, String sizingMethodUsed,
                                  double confidenceScore, String reason) {
    }

    /** Why the size is what it is. Return, volatility and Sharpe are annualised. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SizingAnalysis(Double kellyFraction, Double expectedReturn, Double expectedVolatility,
                                 Double sharpeRatio, PortfolioImpact portfolioImpact,
                                 OptimizationDetails optimizationDetails, VolatilityRegime volatilityAdjustment) {

        /** Without a volatility adjustment. */
        public SizingAnalysis(Double kellyFraction, Double expectedReturn, Double expectedVolatility, Double sharpeRatio,
                              PortfolioImpact portfolioImpact, OptimizationDetails optimizationDetails) {
            this(kellyFraction, expectedReturn, expectedVolatility, sharpeRatio, portfolioImpact, optimizationDetails,
                    null);
        }
    }

    /**
     * The instrument's volatility regime when the request asked for the adjustment: the current ATR (price
     * units) and as a fraction of price, its median over the history, its percentile rank, the regime (LOW,
     * NORMAL, HIGH or UNKNOWN), the size multiplier applied to the method's weight, and why.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VolatilityRegime(String regime, Double atr, Double atrPercent, Double medianAtrPercent,
                                   Double percentile, double multiplier, String reason) {
    }

    /**
     * The figures behind the size: the method's weight before the limits ({@code raw_weight}), the book's
     * annualised volatility before and after, what the method and the limits found (absent where they did
     * not apply), and the stored rule the request named.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptimizationDetails(Double rawWeight, Double volatilityBefore, Double volatilityAfter,
                                      Double kellyGrowthOptimalWeight, Double kellyCap, Double kellyMultiplier,
                                      Double convictionMultiplier, Double covarianceWithBook, Double volatilityTarget,
                                      Double volatilityForecast, Double riskShareTarget, Integer positionsAfter,
                                      Double riskPerTrade, Double riskPerUnit, Double optimalF, Double largestLoss,
                                      Double geometricMeanHpr, Integer trades,
                                      @JsonProperty("optimal_f_fraction") Double optimalFFraction,
                                      Double targetWeight, Double heldWeight, Double heldRiskShare,
                                      Double correlationWithBook, Double riskBudgetScale,
                                      Double riskBudgetVolatilityMultiplier, Double riskBudgetDrawdown,
                                      Double unitsBeforeRounding, Integer lookbackDays, String ruleId,
                                      ExpectedReturnEstimate expectedReturnEstimate, TradeKellyFigures tradeKelly) {
    }

    /**
     * How the expected return was found when the request gave none: the annualised historical mean in the
     * trade's direction and its standard error, the prior (mean and standard deviation), the share of the
     * historical mean kept, {@code tau^2 / (tau^2 + se^2)}, and the estimate used.
     */
    public record ExpectedReturnEstimate(double historicalMean, double standardError, double priorMean,
                                         double priorSd, double kept, double estimate, int days) {
    }

    /**
     * The trade's own Kelly from its stop, target and win probability: reward:risk b (the target's R multiple),
     * f* = p - q/b of equity at risk to the stop, the share of equity put at risk after the cap, multiplier
     * and conviction, the loss per unit at the stop, and the amount at risk for the recommended units.
     */
    public record TradeKellyFigures(double winProbability, double rewardToRisk, double kellyFraction,
                                    Double riskFraction, double riskPerUnit, BigDecimal amountAtRisk) {
    }

    /**
     * What the trade does to the book: the change in annualised volatility, the correlation of the new
     * position with the book, the share of its stand-alone risk diversified away
     * ({@code 1 - sigma_after / (sigma_before + w sigma_new)}), and the Herfindahl index of the absolute
     * weights after the trade.
     */
    public record PortfolioImpact(double portfolioRiskChange, double correlationImpact,
                                  double diversificationBenefit, double concentrationRisk) {
    }

    /** VaR and CVaR, positive loss fractions of equity, at the confidence and horizon given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RiskMetrics(String riskModel, double confidenceLevel, int horizonDays, String horizonScaling,
                              double positionVar, double positionCvar, double portfolioVarBefore,
                              double portfolioCvarBefore, double portfolioVarAfter, double portfolioCvarAfter,
                              BigDecimal positionVarAmount, BigDecimal portfolioVarAfterAmount,
                              Map<String, Double> garch) {
    }

    /** A limit that cut the size: the weight and units before and after it. */
    public record BindingConstraint(String name, double weightBefore, double weightAfter, String reason) {
    }

    /** One risk budget: its (scaled) size and the part used before and after the trade, in annualised volatility. */
    public record BudgetUse(String kind, String name, double budget, double usedBefore, double usedAfter) {
    }

    /** P&L (fractions of equity) of the book before, after, and of the new position alone, in one scenario. */
    public record StressResult(String scenario, String kind, String window, double portfolioPnlBefore,
                               double portfolioPnlAfter, double positionPnl) {
    }

    /** One method's answer to the same decision, for the side-by-side comparison. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MethodComparison(String sizingMethod, BigDecimal recommendedSize, BigDecimal recommendedNotional,
                                   double recommendedWeight, double rawWeight, List<String> bindingConstraints,
                                   String reason) {
    }
}
