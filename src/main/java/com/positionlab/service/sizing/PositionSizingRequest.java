package com.positionlab.service.sizing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.positionlab.domain.Side;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;

/**
 * The seed's PositionSizingRequest (snake_case in JSON). Only {@code trading_decision} is always required:
 * with a workspace, a missing {@code portfolio_state} is read from the store (the default portfolio, or
 * {@code portfolio_state.portfolio_id}), and {@code rule_id} fills the sizing parameters and constraints
 * the request leaves out from a stored rule.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PositionSizingRequest(TradingDecision tradingDecision, PortfolioState portfolioState,
                                    SizingParameters sizingParameters, RiskConstraints riskConstraints,
                                    RiskBudgets riskBudgets, List<StressScenario> stressScenarios, String ruleId,
                                    VolatilityAdjustment volatilityAdjustment) {

    /** A request without the optional volatility adjustment. */
    public PositionSizingRequest(TradingDecision tradingDecision, PortfolioState portfolioState,
                                 SizingParameters sizingParameters, RiskConstraints riskConstraints,
                                 RiskBudgets riskBudgets, List<StressScenario> stressScenarios, String ruleId) {
        this(tradingDecision, portfolioState, sizingParameters, riskConstraints, riskBudgets, stressScenarios, ruleId,
                null);
    }

    /**
     * Scales the method's weight down when the instrument's volatility, measured by ATR(atr_period) as a
     * fraction of price over the workspace's price history, is above its median: by median / current, at
     * most by {@code max_reduction}. The regime is LOW below {@code low_percentile} of its history, HIGH above
     * {@code high_percentile}. Every field is optional ({@code {}} takes the defaults: 14, 0.33, 0.67, 0.5).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VolatilityAdjustment(Integer atrPeriod, Double lowPercentile, Double highPercentile,
                                       Double maxReduction) {
    }

    /**
     * What the trader wants to do. Prices are in the instrument's currency per unit. With a stop, a
     * {@code target_price} and a {@code win_probability}, Kelly sizing uses the trade's own discrete Kelly.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TradingDecision(String decisionId, String instrumentId, Side direction, Double entryPrice,
                                  Double stopPrice, Double expectedReturn, Double winProbability, String strategyId,
                                  Conviction conviction, String sector, BigDecimal lotSize, Double targetPrice) {

        /** A decision without a target price. */
        public TradingDecision(String decisionId, String instrumentId, Side direction, Double entryPrice,
                               Double stopPrice, Double expectedReturn, Double winProbability, String strategyId,
                               Conviction conviction, String sector, BigDecimal lotSize) {
            this(decisionId, instrumentId, direction, entryPrice, stopPrice, expectedReturn, winProbability,
                    strategyId, conviction, sector, lotSize, null);
        }
    }

    /**
     * The book the trade joins. {@code equity} defaults to cash plus the holdings' market value.
     * {@code return_history} maps instrument ids to daily simple returns, oldest first, all the same
     * length (the most recent days); without it the history comes from the store.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PortfolioState(String portfolioId, BigDecimal equity, BigDecimal cash, String currency,
                                 List<HoldingState> holdings, Map<String, double[]> returnHistory,
                                 Double currentDrawdown) {
    }

    /** One holding: signed quantity (negative is short), price per unit, sector and optional strategy. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HoldingState(String instrumentId, BigDecimal quantity, Double price, String sector,
                               String strategyId) {
    }

    /**
     * How to size. Fractions are of equity; {@code expected_return} and {@code volatility_target} are
     * annualised; {@code horizon_days} scales VaR by the square root of time.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SizingParameters(SizingMethod sizingMethod, RiskModel riskModel, Double confidenceLevel,
                                   Integer lookbackPeriod, Double maxPositionSize, Double minPositionSize,
                                   Double volatilityTarget, Double fixedPercentage, Double riskPerTrade,
                                   Double kellyMultiplier, Double maxKellyFraction, Double optimalFFraction,
                                   double[] tradeReturns, Integer horizonDays, Boolean cornishFisher,
                                   Integer monteCarloScenarios, Long seed) {
    }

    /**
     * Limits on the book after the trade. {@code max_portfolio_risk} is an annualised volatility, or a
     * VaR at the request's confidence and horizon when {@code risk_limit_measure} is {@code VAR}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RiskConstraints(Double maxPortfolioRisk, RiskLimitMeasure riskLimitMeasure,
                                  Double maxInstrumentWeight, Double maxSectorWeight, Double correlationLimit,
                                  Double leverageLimit) {
    }

    /** What {@code max_portfolio_risk} limits. */
    public enum RiskLimitMeasure { VOLATILITY, VAR }

    /**
     * A portfolio risk budget (annualised volatility) shared among sectors and strategies by the given
     * shares; see {@link com.positionlab.engine.sizing.RiskBudgeting} for how it shrinks and grows.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RiskBudgets(Double totalVolatility, Map<String, Double> sectorShares,
                              Map<String, Double> strategyShares, Double maxDrawdown, Integer realisedWindow) {
    }

    /** A user-defined shock: simple returns by instrument, or by sector for instruments not named. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StressScenario(String name, Map<String, Double> instrumentShocks, Map<String, Double> sectorShocks) {
    }
}
