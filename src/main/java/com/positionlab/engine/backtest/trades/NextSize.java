package com.positionlab.engine.backtest.trades;

import java.util.List;

import com.positionlab.engine.Reasons;
import com.positionlab.engine.kelly.Adjustment;

/**
 * A sizer's decision for the next trade; the fields are those of {@link TradeStep}.
 */
record NextSize(double fraction, double riskFraction, SizingBranch branch, String reason,
        List<Adjustment> adjustments) {

    /** Nothing staked: equity is not positive. */
    static NextSize noCapital(double equity) {
        return new NextSize(0, 0, SizingBranch.NO_CAPITAL, "equity is " + Reasons.amount(equity)
                + "; nothing left to stake", List.of());
    }
}
