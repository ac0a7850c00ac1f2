package com.positionlab.engine.backtest.trades;

import java.util.List;
import java.util.Objects;

import com.positionlab.engine.kelly.Adjustment;

/**
 * One trade of a replay. With {@code c} the cost rate ({@link SequenceSettings#costRate()}):
 * {@code pnl = equityBefore x fraction x (returnOnPosition - c)} and {@code equityAfter = equityBefore + pnl}.
 *
 * @param index            0-based position of the trade in the sequence
 * @param exitEpochSecond  the trade's exit time, seconds since the epoch
 * @param returnOnPosition the trade's return on the capital put into it, before costs
 * @param fraction         {@code f_k}: the position as a fraction of {@code equityBefore}, chosen from the trades
 *                         before this one only
 * @param riskFraction     the share of equity the rule meant to lose on a loss of the size it sized against:
 *                         {@code fraction} times the prior average loss (Kelly), the trade's stop (fixed risk) or
 *                         the largest prior loss (optimal f); NaN for a fixed fraction and for a fallback
 * @param equityBefore     {@code E_{k-1}}, account currency
 * @param pnl              the trade's P&amp;L after its cost, account currency
 * @param cost             {@code equityBefore x fraction x c}, account currency
 * @param equityAfter      {@code E_k}, account currency
 * @param branch           which branch of the rule sized the trade
 * @param reason           why this fraction, one sentence a trader can read
 * @param adjustments      the Kelly rule's multipliers (drawdown, recent performance, conviction), empty for the
 *                         other rules
 */
public record TradeStep(int index, long exitEpochSecond, double returnOnPosition, double fraction,
        double riskFraction, double equityBefore, double pnl, double cost, double equityAfter, SizingBranch branch,
        String reason, List<Adjustment> adjustments) {

    public TradeStep {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(reason, "reason");
        adjustments = List.copyOf(adjustments);
    }

    /** Whether the trade made money: {@code pnl > 0} (an unsized trade is not a win). */
    public boolean isWin() {
        return pnl > 0;
    }
}
