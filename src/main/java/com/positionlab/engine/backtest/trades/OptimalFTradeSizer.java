package com.positionlab.engine.backtest.trades;

import static com.positionlab.engine.Reasons.fmt;
import static com.positionlab.engine.Reasons.pct;
import static com.positionlab.engine.Reasons.pct1;

import java.util.List;

import com.positionlab.engine.sizing.OptimalF;

/**
 * {@link OptimalFRule}: {@code OptimalF} of the prior net returns, as a position {@code fraction x f / L};
 * the fallback fraction below the minimum number of trades or without a prior loss.
 */
final class OptimalFTradeSizer implements TradeSizer {

    private final OptimalFRule rule;

    OptimalFTradeSizer(OptimalFRule rule) {
        this.rule = rule;
    }

    @Override
    public NextSize size(PriorTrades prior, double stopLoss) {
        int n = prior.count();
        if (n < rule.minimumTrades()) {
            return fallback((n == 1 ? "only 1 trade" : "only " + n + " trades") + "; at least "
                    + rule.minimumTrades() + " needed");
        }
        double[] returns = prior.netReturns();
        if (!hasLoss(returns)) {
            return fallback("no losing trades; optimal f is unbounded");
        }
        OptimalF.Result f = OptimalF.of(returns);
        if (f.f() == 0) {
            return new NextSize(0, 0, SizingBranch.ESTIMATED, "no edge: the mean of the " + n
                    + " prior trade returns is not positive", List.of());
        }
        double wanted = rule.optimalFFraction() * f.weight();
        double position = Math.min(wanted, rule.maxPosition());
        String reason = "optimal f " + fmt(f.f()) + " from " + n + " trades with a largest loss of "
                + pct(f.largestLoss()) + ": " + fmt(rule.optimalFFraction()) + " x f / L is a position of "
                + pct(wanted) + (position < wanted ? ", capped at " + pct1(rule.maxPosition()) : "");
        return new NextSize(position, position * f.largestLoss(), SizingBranch.ESTIMATED, reason, List.of());
    }

    private NextSize fallback(String why) {
        return new NextSize(rule.fallbackFraction(), Double.NaN, SizingBranch.FALLBACK,
                "fixed " + pct1(rule.fallbackFraction()) + " of equity: " + why, List.of());
    }

    private static boolean hasLoss(double[] returns) {
        for (double r : returns) {
            if (r < 0) {
                return true;
            }
        }
        return false;
    }
}
