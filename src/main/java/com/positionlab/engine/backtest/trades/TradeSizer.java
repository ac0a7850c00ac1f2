package com.positionlab.engine.backtest.trades;

import java.util.List;

import com.positionlab.engine.Reasons;

/** Sizes the next trade of a replay from the prior trades and the next trade's stop. */
interface TradeSizer {

    /**
     * The next trade's fraction of equity; {@code prior.equity()} is positive.
     *
     * @param stopLoss the next trade's stop as a fraction of the position, NaN when it has none
     */
    NextSize size(PriorTrades prior, double stopLoss);

    /** The sizer of a rule. */
    static TradeSizer of(SizingRule rule) {
        if (rule instanceof KellyRule kelly) {
            return new KellyTradeSizer(kelly);
        }
        if (rule instanceof OptimalFRule optimalF) {
            return new OptimalFTradeSizer(optimalF);
        }
        if (rule instanceof FixedRiskRule risk) {
            return new FixedRiskTradeSizer(risk);
        }
        FixedFractionRule fixed = (FixedFractionRule) rule;
        NextSize same = new NextSize(fixed.fraction(), Double.NaN, SizingBranch.FIXED,
                "fixed " + Reasons.pct1(fixed.fraction()) + " of equity", List.of());
        return (prior, stopLoss) -> same;
    }
}
