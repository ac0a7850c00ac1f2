package com.positionlab.engine.backtest.trades;

import static com.positionlab.engine.InvalidParameterException.inRange;
import static com.positionlab.engine.InvalidParameterException.positive;

import java.util.Objects;

import com.positionlab.engine.Reasons;
import com.positionlab.engine.kelly.DrawdownPolicy;
import com.positionlab.engine.kelly.EdgeConfig;
import com.positionlab.engine.kelly.KellyPolicy;

/**
 * Kelly sizing from the trades closed so far: the Kelly Lab's strategy chain (edge, fallback, dynamic
 * adjustment, policy) replayed before every trade. With {@code n_j} the prior trades' returns net of cost:
 * <ol>
 *   <li>the edge of {@code n_1..n_{k-1}} ({@code EdgeEstimator.pointEdge}, window ALL): Kelly is usable with at
 *       least {@code edge.minimumTrades()} trades and a loss; its raw fraction is the smaller of {@code p - q/b}
 *       and the list's log-optimal fraction ({@code TradeEdge.basis()});</li>
 *   <li>the dynamic multiplier of the replayed P&amp;Ls so far on the initial capital
 *       ({@code DynamicKellyAdjuster}, by {@code drawdown}; none when {@code drawdown} is null);</li>
 *   <li>{@code PositionSizer}: a usable Kelly gives the stake {@code s = min(f*, maxKellyFraction) x
 *       kellyMultiplier x multiplier} (zero for a negative edge), otherwise the fallback fraction times the
 *       multiplier; either is held within the policy's {@code [minPosition, min(maxPosition, 1)]}.</li>
 * </ol>
 * Kelly's fraction is a stake: the share of equity lost on a loss of average size (that is what {@code p - q/b}
 * from the averages and the log-optimal fraction in units of the average loss both measure). The position that
 * stakes {@code s} is {@code f_k = s / averageLoss}, with {@code averageLoss} the mean size of the prior losing
 * returns, capped at {@code maxPosition}; {@code f_k = s / averageLoss} maximises the mean of
 * {@code ln(1 + f n_j)} when s is the full log-optimal fraction. The fallback is a fixed fraction of equity, so
 * it is the position itself: {@code f_k = s}.
 *
 * @param edge        minimum number of trades and fallback fraction (its windows and bootstrap are not used)
 * @param policy      cap on raw Kelly, fractional-Kelly multiplier, and the bounds of the stake
 * @param drawdown    the drawdown and recent-performance adjustment, or null for none
 * @param maxPosition largest position as a fraction of equity, in (0, 10]
 */
public record KellyRule(EdgeConfig edge, KellyPolicy policy, DrawdownPolicy drawdown, double maxPosition)
        implements SizingRule {

    public KellyRule {
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(policy, "policy");
        positive("max_position_size", maxPosition);
        inRange("max_position_size", maxPosition, 0, 10);
    }

    /** The Kelly Lab's defaults (20 trades, 2% fallback, quarter Kelly up to 0.5, default drawdown); no leverage. */
    public static KellyRule defaults() {
        return new KellyRule(EdgeConfig.defaults(), KellyPolicy.defaults(), DrawdownPolicy.defaults(), 1.0);
    }

    @Override
    public String label() {
        return "Kelly x" + Reasons.fixed(policy.kellyMultiplier(), 2)
                + (drawdown == null ? "" : " with drawdown")
                + ", " + Reasons.pct1(edge.fallbackFraction()) + " below " + edge.minimumTrades() + " trades";
    }
}
