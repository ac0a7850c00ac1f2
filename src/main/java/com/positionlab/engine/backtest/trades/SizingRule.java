package com.positionlab.engine.backtest.trades;

/**
 * How the trade-sequence backtest sizes each trade: a position fraction {@code f_k} of the equity before the
 * trade, chosen from the trades closed before it and, for the fixed-risk rule, the trade's own stop (set when it
 * is opened). One record per rule, each with its parameters; see {@link TradeSequenceBacktest} for the replay.
 */
public sealed interface SizingRule permits KellyRule, FixedFractionRule, FixedRiskRule, OptimalFRule {

    /** A short label for tables and charts, for example {@code "Fixed 2.0% of equity"}. */
    String label();
}
