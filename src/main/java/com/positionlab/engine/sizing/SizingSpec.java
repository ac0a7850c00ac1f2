package com.positionlab.engine.sizing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.risk.VolatilityAdjustment;
import com.positionlab.engine.riskmodel.RiskModel;

/**
 * One sizing question with every default resolved. Fractions are of equity; {@code Double.NaN} means
 * "no limit" (or "not given" for the expected return and the stop). {@code volatility}, when given, is the
 * instrument's ATR assessment, whose multiplier scales the method's weight before the limits.
 */
public record SizingSpec(Trade trade, Method method, Risk risk, Limits limits, Budgets budgets, List<Shock> shocks,
                         VolatilityAdjustment volatility) {

    /** A question without a volatility adjustment. */
    public SizingSpec(Trade trade, Method method, Risk risk, Limits limits, Budgets budgets, List<Shock> shocks) {
        this(trade, method, risk, limits, budgets, shocks, null);
    }

    /** Trading days per year, for annualising daily figures. */
    public static final int PERIODS_PER_YEAR = 252;

    /**
     * The trade: direction +1 long or -1 short, equity, entry and optional stop (NaN) per unit, lot size,
     * the annualised expected return in the trade's direction (NaN when not given), conviction, strategy,
     * and the optional target price and win probability (NaN) that give the trade its own Kelly
     * ({@link TradeKelly}).
     */
    public record Trade(int direction, double equity, double entryPrice, double stopPrice, BigDecimal lotSize,
                        double expectedReturn, Conviction conviction, String strategyId, int lookback,
                        double targetPrice, double winProbability) {

        /** A trade without a target price or a win probability. */
        public Trade(int direction, double equity, double entryPrice, double stopPrice, BigDecimal lotSize,
                     double expectedReturn, Conviction conviction, String strategyId, int lookback) {
            this(direction, equity, entryPrice, stopPrice, lotSize, expectedReturn, conviction, strategyId, lookback,
                    Double.NaN, Double.NaN);
        }

        /**
         * Refuses a lot size that would make rounding to whole lots costly: it must be positive, below 1e15,
         * with at most 12 decimals and 18 significant digits.
         */
        public Trade {
            if (lotSize == null || lotSize.signum() <= 0 || lotSize.precision() > 40) {
                throw new IllegalArgumentException("lot size must be positive with at most 18 digits");
            }
            BigDecimal lot = lotSize.stripTrailingZeros();
            if (lot.scale() > 12 || lot.precision() > 18 || lot.precision() - lot.scale() > 15) {
                throw new IllegalArgumentException("lot size must be below 1e15 with at most 12 decimals and 18 "
                        + "significant digits; got " + (lot.precision() - lot.scale() > 40 || lot.scale() > 40
                        ? "a number of magnitude 1e" + (lot.precision() - lot.scale() - 1) : lot.toPlainString()));
            }
        }
    }

    /** The method and its own parameters. {@code tradeReturns} are per-trade returns for OPTIMAL_F (may be null). */
    public record Method(SizingMethod method, double volatilityTarget, double fixedPercentage, double riskPerTrade,
                         double kellyMultiplier, double maxKellyFraction, double optimalFFraction,
                         double[] tradeReturns) {
    }

    /** How risk is measured: model, confidence, horizon in days, Cornish-Fisher, Monte Carlo scenarios and seed. */
    public record Risk(RiskModel model, double confidence, int horizonDays, boolean cornishFisher, int scenarios,
                       long seed) {
    }

    /**
     * Limits, applied in this order after the method's weight: max_position_size, correlation_limit,
     * max_instrument_weight, max_sector_weight, leverage_limit, the risk budgets, max_portfolio_risk
     * (annualised volatility, or VaR when {@code riskLimitIsVar}), then min_position_size and the lot.
     */
    public record Limits(double maxPositionSize, double minPositionSize, double maxPortfolioRisk,
                         boolean riskLimitIsVar, double maxInstrumentWeight, double maxSectorWeight,
                         double correlationLimit, double leverageLimit) {
    }

    /**
     * A risk budget in annualised volatility, shared by sector and strategy; {@code currentDrawdown} NaN
     * means "from the book's own returns over the lookback". See {@link RiskBudgeting}.
     */
    public record Budgets(double totalVolatility, Map<String, Double> sectorShares, Map<String, Double> strategyShares,
                          double maxDrawdown, int realisedWindow, double currentDrawdown) {
    }

    /** A user-defined shock: simple returns by instrument id, else by sector, else 0. */
    public record Shock(String name, Map<String, Double> byInstrument, Map<String, Double> bySector) {
    }
}
