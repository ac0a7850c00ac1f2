package com.positionlab.engine.kelly;

/** Which of a strategy's closed trades an edge estimate uses. */
public enum EdgeWindow {
    /** Every trade closed up to the "as of" time. */
    ALL,
    /** The last N trades closed up to the "as of" time ({@link EdgeConfig#recentTrades()}). */
    LAST_TRADES,
    /** Trades closed in the D days ending at the "as of" time ({@link EdgeConfig#recentDays()}). */
    LAST_DAYS
}
