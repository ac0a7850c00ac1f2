package com.positionlab.engine.backtest.trades;

import static com.positionlab.engine.InvalidParameterException.inRange;
import static com.positionlab.engine.InvalidParameterException.positive;

import com.positionlab.engine.Reasons;

/**
 * Each trade risks the same share of equity to its stop: {@code f_k = min(riskPerTrade / stopLoss_k,
 * maxPosition)}, so a trade stopped out loses {@code riskPerTrade} of equity unless the cap binds (the position
 * form of the sizing engine's FIXED_RISK, {@code units = equity x risk / |entry - stop|}). Every trade must have
 * a stop.
 *
 * @param riskPerTrade share of equity lost at the stop, in (0, 1]
 * @param maxPosition  largest position as a fraction of equity, in (0, 10]
 */
public record FixedRiskRule(double riskPerTrade, double maxPosition) implements SizingRule {

    public FixedRiskRule {
        positive("risk_per_trade", riskPerTrade);
        inRange("risk_per_trade", riskPerTrade, 0, 1);
        positive("max_position_size", maxPosition);
        inRange("max_position_size", maxPosition, 0, 10);
    }

    @Override
    public String label() {
        return "Risk " + Reasons.pct1(riskPerTrade) + " to the stop";
    }
}
