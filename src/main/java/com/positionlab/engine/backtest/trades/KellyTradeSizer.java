package com.positionlab.engine.backtest.trades;

import static com.positionlab.engine.Reasons.pct;
import static com.positionlab.engine.Reasons.pct1;

import java.util.List;

import com.positionlab.engine.kelly.Adjustment;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.kelly.ConvictionMultipliers;
import com.positionlab.engine.kelly.DynamicKellyAdjuster;
import com.positionlab.engine.kelly.EdgeEstimator;
import com.positionlab.engine.kelly.EdgeWindow;
import com.positionlab.engine.kelly.KellyPolicy;
import com.positionlab.engine.kelly.PositionSizer;
import com.positionlab.engine.kelly.SizingBasis;
import com.positionlab.engine.kelly.SizingRequest;
import com.positionlab.engine.kelly.SizingResult;
import com.positionlab.engine.kelly.Tier;
import com.positionlab.engine.kelly.TradeEdge;
import com.positionlab.engine.limits.Binding;

/**
 * {@link KellyRule}: the Kelly Lab's chain ({@code EdgeEstimator}, {@code DynamicKellyAdjuster},
 * {@code PositionSizer}) on the prior trades, its stake turned into a position by the prior average loss.
 * Conviction is neutral (x1) and there is no exchange minimum.
 */
final class KellyTradeSizer implements TradeSizer {

    private static final ConvictionMultipliers NEUTRAL = new ConvictionMultipliers(1, 1, 1);

    private final KellyRule rule;
    private final Tier tier;

    KellyTradeSizer(KellyRule rule) {
        this.rule = rule;
        KellyPolicy p = rule.policy();
        this.tier = new Tier("backtest", p.minPosition(), Math.min(p.maxPosition(), 1), true);
    }

    @Override
    public NextSize size(PriorTrades prior, double stopLoss) {
        TradeEdge edge = EdgeEstimator.pointEdge(prior.netReturns(), EdgeWindow.ALL, rule.edge());
        List<Adjustment> adjustments = rule.drawdown() == null ? List.of()
                : DynamicKellyAdjuster.adjust(prior.pnl(), prior.initialCapital(), rule.drawdown()).adjustments();
        SizingBasis basis = edge.basis();
        SizingResult sized = PositionSizer.size(new SizingRequest(basis, rule.policy(), adjustments,
                Conviction.MEDIUM, NEUTRAL, tier, prior.equity(), 1.0, 0.0));
        StringBuilder reason = new StringBuilder(sized.basis());
        for (Binding b : sized.bindingLimits()) {
            reason.append("; ").append(b.reason());
        }
        if (!basis.kellyUsable()) {
            return new NextSize(Math.min(sized.fraction(), rule.maxPosition()), Double.NaN, SizingBranch.FALLBACK,
                    reason.toString(), sized.adjustments());
        }
        double stake = sized.fraction();
        double averageLoss = edge.statistics().averageLoss();
        double wanted = stake / averageLoss;
        double position = Math.min(wanted, rule.maxPosition());
        if (stake > 0) {
            reason.append("; a stake of ").append(pct(stake)).append(" of equity on an average loss of ")
                    .append(pct(averageLoss)).append(" is a position of ").append(pct(wanted));
            if (position < wanted) {
                reason.append(", capped at ").append(pct1(rule.maxPosition()));
            }
        }
        return new NextSize(position, position * averageLoss, SizingBranch.ESTIMATED, reason.toString(),
                sized.adjustments());
    }
}
