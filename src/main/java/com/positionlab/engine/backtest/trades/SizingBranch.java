package com.positionlab.engine.backtest.trades;

/** Which branch of its rule sized a trade. */
public enum SizingBranch {
    /** From the edge of the prior trades: Kelly or optimal f (possibly zero for a negative edge). */
    ESTIMATED,
    /** The fallback fraction: too few prior trades, or no losing one, to estimate from. */
    FALLBACK,
    /** A rule that estimates nothing: fixed fraction, fixed risk. */
    FIXED,
    /** Equity was no longer positive before the trade: nothing is staked. */
    NO_CAPITAL
}
