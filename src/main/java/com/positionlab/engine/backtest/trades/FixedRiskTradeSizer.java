package com.positionlab.engine.backtest.trades;

import static com.positionlab.engine.Reasons.pct;
import static com.positionlab.engine.Reasons.pct1;

import java.util.List;

import com.positionlab.engine.InvalidParameterException;

/** {@link FixedRiskRule}: {@code f = min(riskPerTrade / stopLoss, maxPosition)}. */
final class FixedRiskTradeSizer implements TradeSizer {

    private final FixedRiskRule rule;

    FixedRiskTradeSizer(FixedRiskRule rule) {
        this.rule = rule;
    }

    @Override
    public NextSize size(PriorTrades prior, double stopLoss) {
        if (Double.isNaN(stopLoss)) {
            throw new InvalidParameterException("stop_loss", "trade " + prior.count()
                    + " has none; the fixed-risk rule needs a stop on every trade");
        }
        double wanted = rule.riskPerTrade() / stopLoss;
        double position = Math.min(wanted, rule.maxPosition());
        String reason = "risk " + pct1(rule.riskPerTrade()) + " of equity to a stop " + pct(stopLoss)
                + " away: a position of " + pct(wanted)
                + (position < wanted ? ", capped at " + pct1(rule.maxPosition()) : "");
        return new NextSize(position, position * stopLoss, SizingBranch.FIXED, reason, List.of());
    }
}
