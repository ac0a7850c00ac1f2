package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.finite;
import static com.positionlab.engine.InvalidParameterException.inRange;
import static com.positionlab.engine.InvalidParameterException.positive;

import java.util.Arrays;
import java.util.List;

import com.positionlab.engine.Reasons;

/**
 * Shrinks the Kelly multiplier as a strategy's drawdown grows and adjusts it by recent performance.
 *
 * <p><b>Drawdown.</b> The equity curve is {@code E_0 = startingCapital}, {@code E_k = E_0 + pnl_1 + ... +
 * pnl_k}; the current drawdown is {@code d = 1 - E_n / max(E_0..E_n)}, clipped to [0, 1]. The multiplier is
 * {@code m(d) = 1 - (1 - floor) x min(d / maxDrawdown, 1)^exponent}: 1 at no drawdown, the floor at and
 * beyond the maximum drawdown, linear in between when the exponent is 1.
 *
 * <p><b>Recent performance.</b> Over the last N trades (all trades when there are fewer): a negative
 * expectancy multiplies by {@code negativeExpectancyFactor}; otherwise, when there are more than N trades
 * and the recent win rate beats the long-run one by more than {@code outperformanceMargin}, by
 * {@code outperformanceFactor}, as far as the total stays at most 1 (the reported multiplier is the one
 * actually applied); otherwise by 1.
 */
public final class DynamicKellyAdjuster {

    private DynamicKellyAdjuster() {
    }

    /**
     * The adjustment for trades with the given P&amp;Ls (account currency, in exit order) on top of
     * {@code startingCapital} (account currency, positive).
     */
    public static DynamicAdjustment adjust(double[] pnl, double startingCapital, DrawdownPolicy policy) {
        positive("starting_capital", startingCapital);
        double equity = startingCapital;
        double peak = startingCapital;
        for (double x : pnl) {
            equity += finite("pnl", x);
            peak = Math.max(peak, equity);
        }
        double drawdown = Math.min(Math.max(1 - equity / peak, 0), 1);
        Adjustment dd = new Adjustment("drawdown", drawdownMultiplier(drawdown, policy),
                drawdownReason(drawdown, policy));
        Adjustment recent = recentPerformance(pnl, policy, dd.multiplier());
        double multiplier = Math.min(1, dd.multiplier() * recent.multiplier());
        return new DynamicAdjustment(equity, peak, drawdown, multiplier, List.of(dd, recent));
    }

    /** The drawdown curve {@code m(d) = 1 - (1 - floor) x min(d / maxDrawdown, 1)^exponent}, d in [0, 1]. */
    public static double drawdownMultiplier(double drawdown, DrawdownPolicy policy) {
        inRange("drawdown", drawdown, 0, 1);
        double progress = Math.min(drawdown / policy.maxDrawdown(), 1);
        return 1 - (1 - policy.floor()) * Math.pow(progress, policy.exponent());
    }

    private static String drawdownReason(double drawdown, DrawdownPolicy policy) {
        if (drawdown == 0) {
            return "equity is at its peak; no reduction";
        }
        String limit = "limit " + Reasons.pct1(policy.maxDrawdown());
        if (drawdown >= policy.maxDrawdown()) {
            return "equity is " + Reasons.pct1(drawdown) + " below its peak, at or beyond the " + limit
                    + "; floor " + policy.floor();
        }
        return "equity is " + Reasons.pct1(drawdown) + " below its peak; " + limit;
    }

    private static Adjustment recentPerformance(double[] pnl, DrawdownPolicy policy, double before) {
        String name = "recent_performance";
        int n = policy.recentTrades();
        if (pnl.length == 0) {
            return new Adjustment(name, 1, "no trades yet; no adjustment");
        }
        EdgeStatistics recent = EdgeStatistics.of(Arrays.copyOfRange(pnl, Math.max(0, pnl.length - n),
                pnl.length));
        String window = "last " + recent.trades() + " trades";
        if (recent.expectancy() < 0) {
            return new Adjustment(name, policy.negativeExpectancyFactor(),
                    "expectancy over the " + window + " is negative (" + Reasons.amount(recent.expectancy())
                            + " per trade)");
        }
        double longRun = winRate(pnl);
        if (pnl.length > n && recent.winRate() > longRun + policy.outperformanceMargin()) {
            double allowed = before > 0 ? Math.max(1, Math.min(policy.outperformanceFactor(), 1 / before)) : 1;
            return new Adjustment(name, allowed, "win rate over the " + window + " is "
                    + Reasons.pct1(recent.winRate()) + " against " + Reasons.pct1(longRun) + " overall"
                    + (allowed < policy.outperformanceFactor() ? "; capped so the total stays at most 1" : ""));
        }
        return new Adjustment(name, 1, "expectancy over the " + window + " is not negative; no adjustment");
    }

    /**
     * {@code EdgeStatistics.of(pnl).winRate()}, wins / (wins + losses) or NaN without either, without the rest of
     * the statistics: the log-optimal fraction among them costs a bisection over every trade.
     */
    private static double winRate(double[] pnl) {
        Tally tally = new Tally();
        for (double x : pnl) {
            tally.add(x);
        }
        int decisive = tally.wins + tally.losses;
        return decisive == 0 ? Double.NaN : (double) tally.wins / decisive;
    }
}
