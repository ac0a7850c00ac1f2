package com.positionlab.engine.sizing;

/**
 * The figures behind a sizing, shown beside its result; null where the method or limit that gives a figure
 * did not apply. Fractions of equity, annualised volatilities, units.
 *
 * @param kellyGrowthOptimalWeight Kelly: the growth-optimal weight given the book, (mu - s cov) / sigma^2
 * @param kellyCap                 Kelly: the cap on that weight
 * @param kellyMultiplier          Kelly: the fraction of Kelly used
 * @param convictionMultiplier     Kelly: the conviction's multiplier
 * @param covarianceWithBook       Kelly: the instrument's annualised covariance with the book
 * @param volatilityTarget         volatility-adjusted: the target volatility
 * @param volatilityForecast       volatility-adjusted: the instrument's forecast volatility
 * @param riskShareTarget          risk parity: the equal share of risk sought
 * @param positionsAfter           equal weight: positions after the trade
 * @param riskPerTrade             fixed risk: the share of equity at risk
 * @param riskPerUnit              fixed risk: the loss per unit at the stop
 * @param optimalF                 optimal f: Vince's f
 * @param largestLoss              optimal f: the largest trade loss
 * @param geometricMeanHpr         optimal f: the geometric mean holding-period return at f
 * @param trades                   optimal f: trades used
 * @param optimalFFraction         optimal f: the fraction of f used
 * @param targetWeight             target-weight methods: the weight sought for the whole position
 * @param heldWeight               target-weight methods: what the book holds already, in the trade's direction
 * @param heldRiskShare            risk parity: the share of risk the holding carries already
 * @param correlationWithBook      the correlation limit: the position's correlation with the book
 * @param riskBudgetScale          risk budgets: the scale applied to the budgets
 * @param riskBudgetVolatilityMultiplier risk budgets: the realised-volatility multiplier
 * @param riskBudgetDrawdown       risk budgets: the drawdown used
 * @param unitsBeforeRounding      units before rounding down to whole lots
 * @param lookbackDays             days of returns the model used
 * @param returnEstimate           the expected return found when none was given (null when given)
 * @param tradeKelly               the trade's own Kelly from its stop, target and win probability (null without)
 */
public record SizingDetails(Double kellyGrowthOptimalWeight, Double kellyCap, Double kellyMultiplier,
                            Double convictionMultiplier, Double covarianceWithBook, Double volatilityTarget,
                            Double volatilityForecast, Double riskShareTarget, Integer positionsAfter,
                            Double riskPerTrade, Double riskPerUnit, Double optimalF, Double largestLoss,
                            Double geometricMeanHpr, Integer trades, Double optimalFFraction, Double targetWeight,
                            Double heldWeight, Double heldRiskShare, Double correlationWithBook,
                            Double riskBudgetScale, Double riskBudgetVolatilityMultiplier, Double riskBudgetDrawdown,
                            Double unitsBeforeRounding, Integer lookbackDays, ReturnEstimate returnEstimate,
                            TradeKelly tradeKelly) {

    public static final SizingDetails NONE = new Builder().build();

    /** Filled in as the sizing goes; each step sets what it found. */
    static final class Builder {
        Double kellyGrowthOptimalWeight;
        Double kellyCap;
        Double kellyMultiplier;
        Double convictionMultiplier;
        Double covarianceWithBook;
        Double volatilityTarget;
        Double volatilityForecast;
        Double riskShareTarget;
        Integer positionsAfter;
        Double riskPerTrade;
        Double riskPerUnit;
        Double optimalF;
        Double largestLoss;
        Double geometricMeanHpr;
        Integer trades;
        Double optimalFFraction;
        Double targetWeight;
        Double heldWeight;
        Double heldRiskShare;
        Double correlationWithBook;
        Double riskBudgetScale;
        Double riskBudgetVolatilityMultiplier;
        Double riskBudgetDrawdown;
        Double unitsBeforeRounding;
        Integer lookbackDays;
        ReturnEstimate returnEstimate;
        TradeKelly tradeKelly;

        SizingDetails build() {
            return new SizingDetails(kellyGrowthOptimalWeight, kellyCap, kellyMultiplier, convictionMultiplier,
                    covarianceWithBook, volatilityTarget, volatilityForecast, riskShareTarget, positionsAfter,
                    riskPerTrade, riskPerUnit, optimalF, largestLoss, geometricMeanHpr, trades, optimalFFraction,
                    targetWeight, heldWeight, heldRiskShare, correlationWithBook, riskBudgetScale,
                    riskBudgetVolatilityMultiplier, riskBudgetDrawdown, unitsBeforeRounding, lookbackDays, returnEstimate, tradeKelly);
        }
    }
}
