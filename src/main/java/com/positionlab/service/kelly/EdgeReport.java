package com.positionlab.service.kelly;

import java.time.LocalDateTime;
import java.util.List;

import com.positionlab.engine.kelly.Adjustment;
import com.positionlab.engine.kelly.BootstrapInterval;
import com.positionlab.engine.kelly.DynamicAdjustment;
import com.positionlab.engine.kelly.EdgeConfig;
import com.positionlab.engine.kelly.EdgeStatistics;
import com.positionlab.engine.kelly.TradeEdge;

/**
 * A strategy's edge from its closed trades, as the {@code edge} command and the Kelly Lab show it.
 * Values that do not exist (no losses: no payoff ratio) are null. {@code parameters} says what they were
 * computed with.
 */
public record EdgeReport(String strategyId, String name, LocalDateTime asOf, Window all, Window lastTrades,
                         Window lastDays, Dynamic dynamicAdjustment, Parameters parameters) {

    /**
     * What the figures were computed with, so that they can be reproduced: the windows, the minimum number of
     * trades for Kelly and the fallback below it, the bootstrap (confidence, resamples, seed), and the starting
     * capital of the equity curve behind the drawdown.
     */
    public record Parameters(int minimumTrades, int recentTrades, int recentDays, double fallbackFraction,
                             double confidenceLevel, int resamples, long seed, double startingCapital) {

        static Parameters of(EdgeConfig c, double startingCapital) {
            return new Parameters(c.minimumTrades(), c.recentTrades(), c.recentDays(), c.fallbackFraction(),
                    c.confidenceLevel(), c.resamples(), c.seed(), startingCapital);
        }
    }

    /**
     * One window of trades: its statistics, Kelly with its bootstrap interval, and whether Kelly is used.
     * {@code winRate} is among decisive trades (wins and losses); breakevens are counted apart, so that
     * {@code kelly = winRate - (1 - winRate) / payoffRatio} holds for the figures shown. {@code logOptimalKelly}
     * maximises the mean log growth over the trade list itself (P&amp;Ls in units of the average loss);
     * {@code kellyUsed}, the smaller of the two, is what sizing starts from.
     */
    public record Window(String window, int trades, int wins, int losses, int breakevens, Double winRate, Double averageWin,
                         Double averageLoss, Double payoffRatio, Double expectancy, Double expectancyR,
                         Double profitFactor, Double kelly, Double logOptimalKelly, Double kellyUsed,
                         Interval kellyInterval, boolean kellyUsable,
                         String reason, double fallbackFraction) {

        static Window of(TradeEdge e) {
            EdgeStatistics s = e.statistics();
            BootstrapInterval ci = e.kellyInterval();
            return new Window(e.window().name().toLowerCase(), s.trades(), s.wins(), s.losses(), s.breakevens(),
                    finite(s.winRate()),
                    finite(s.averageWin()), finite(s.averageLoss()), finite(s.payoffRatio()), finite(s.expectancy()),
                    finite(s.expectancyR()), finite(s.profitFactor()), finite(s.kelly()),
                    finite(s.logOptimalKelly()), finite(s.kellyUsed()),
                    ci.isDefined() ? new Interval(ci.lowerBound(), ci.upperBound(), ci.confidenceLevel(), ci.resamples())
                            : null, e.kellyUsable(), e.reason(), e.fallbackFraction());
        }
    }

    /** A seeded bootstrap interval of the Kelly fraction. */
    public record Interval(Double lowerBound, Double upperBound, double confidenceLevel, int resamples) {
        Interval(double lower, double upper, double level, int resamples) {
            this(finite(lower), finite(upper), level, resamples);
        }
    }

    /** The Kelly multiplier from the strategy's drawdown and recent results, with each reason. */
    public record Dynamic(double equity, double peakEquity, double drawdown, double multiplier,
                          List<Adjustment> adjustments) {
        static Dynamic of(DynamicAdjustment d) {
            return new Dynamic(d.equity(), d.peakEquity(), d.drawdown(), d.multiplier(), d.adjustments());
        }
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
