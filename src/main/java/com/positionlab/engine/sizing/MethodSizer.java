package com.positionlab.engine.sizing;

/**
 * A sizing method: the weight of equity it gives the trade before any limit (see {@link SizingMethod}).
 * A method that gives no position says why ({@link SizingContext#noPosition}).
 */
interface MethodSizer {

    /**
     * The instrument's estimates the methods share: expected return, Kelly (the trade's own f* of equity at
     * risk when it has one, else the growth-optimal weight given the book), volatility forecast, and how the
     * expected return and Kelly were found (null when given, or when the trade has no Kelly of its own).
     */
    record Estimates(double expectedReturn, double kelly, double forecastVolatility, ReturnEstimate returnEstimate,
                     TradeKelly tradeKelly) {
    }

    double weight(SizingContext c, Estimates e);

    static MethodSizer of(SizingMethod method) {
        return switch (method) {
            case KELLY_CRITERION -> new KellySizer();
            case FIXED_PERCENTAGE -> (c, e) -> c.spec.method().fixedPercentage();
            case VOLATILITY_ADJUSTED -> new VolatilityAdjustedSizer();
            case RISK_PARITY -> new RiskParitySizer();
            case EQUAL_WEIGHT -> (c, e) -> {
                int others = c.otherPositions();
                c.details.positionsAfter = others + 1;
                return c.topUp(1.0 / (others + 1));
            };
            case FIXED_RISK -> new FixedRiskSizer();
            case OPTIMAL_F -> new OptimalFSizer();
        };
    }
}
