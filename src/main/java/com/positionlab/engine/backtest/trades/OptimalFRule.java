package com.positionlab.engine.backtest.trades;

import static com.positionlab.engine.InvalidParameterException.inRange;
import static com.positionlab.engine.InvalidParameterException.positive;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.Reasons;
import com.positionlab.engine.kelly.EdgeConfig;

/**
 * Vince's optimal f from the trades closed so far ({@code OptimalF} on the prior returns net of cost): with
 * {@code L} the largest prior loss, {@code f_k = min(optimalFFraction x f / L, maxPosition)}, the position that
 * loses {@code optimalFFraction x f} of equity on a repeat of the worst trade (the sizing engine's OPTIMAL_F).
 * With fewer than {@code minimumTrades} prior trades, or none of them a loss, the fallback fraction is the
 * position, as Kelly does.
 *
 * @param optimalFFraction share of optimal f to use, in (0, 1]
 * @param minimumTrades    prior trades needed before optimal f sizes, at least {@value #MIN_TRADES}
 * @param fallbackFraction position as a fraction of equity before that, in [0, 1]
 * @param maxPosition      largest position as a fraction of equity, in (0, 10]
 */
public record OptimalFRule(double optimalFFraction, int minimumTrades, double fallbackFraction, double maxPosition)
        implements SizingRule {

    /** The fewest trade returns {@code OptimalF} accepts. */
    public static final int MIN_TRADES = 5;

    public OptimalFRule {
        positive("optimal_f_fraction", optimalFFraction);
        inRange("optimal_f_fraction", optimalFFraction, 0, 1);
        if (minimumTrades < MIN_TRADES) {
            throw new InvalidParameterException("minimum_trades", "must be at least " + MIN_TRADES
                    + " (optimal f needs " + MIN_TRADES + " trade returns), got " + minimumTrades);
        }
        inRange("fallback_fraction", fallbackFraction, 0, 1);
        positive("max_position_size", maxPosition);
        inRange("max_position_size", maxPosition, 0, 10);
    }

    /** Optimal f with the Kelly rule's minimum number of trades and fallback fraction. */
    public static OptimalFRule of(double optimalFFraction, EdgeConfig edge, double maxPosition) {
        return new OptimalFRule(optimalFFraction, edge.minimumTrades(), edge.fallbackFraction(), maxPosition);
    }

    @Override
    public String label() {
        return "Optimal f x" + Reasons.fixed(optimalFFraction, 2) + ", " + Reasons.pct1(fallbackFraction)
                + " below " + minimumTrades + " trades";
    }
}
