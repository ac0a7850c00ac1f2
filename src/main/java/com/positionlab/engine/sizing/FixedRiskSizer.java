package com.positionlab.engine.sizing;

import com.positionlab.engine.InvalidParameterException;

/** The weight that loses the risk per trade (a share of equity) if the stop is hit. */
final class FixedRiskSizer implements MethodSizer {

    @Override
    public double weight(SizingContext c, Estimates e) {
        SizingSpec.Trade trade = c.trade;
        double stop = trade.stopPrice();
        if (Double.isNaN(stop)) {
            throw new InvalidParameterException("stop_price", "is required for FIXED_RISK");
        }
        double riskPerUnit = Math.abs(trade.entryPrice() - stop);
        double riskPerTrade = c.spec.method().riskPerTrade();
        c.details.riskPerTrade = riskPerTrade;
        c.details.riskPerUnit = riskPerUnit;
        return riskPerTrade * trade.entryPrice() / riskPerUnit;
    }
}
