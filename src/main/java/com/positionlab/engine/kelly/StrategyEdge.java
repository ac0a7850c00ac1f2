package com.positionlab.engine.kelly;

import java.util.Objects;

/**
 * A strategy's edge over its three windows, as of one instant.
 *
 * @param asOfEpochSecond the "as of" time, seconds since the epoch; trades closed later are ignored
 * @param all             every trade closed up to then
 * @param lastTrades      the last N of them
 * @param lastDays        those closed in the last D days
 */
public record StrategyEdge(long asOfEpochSecond, TradeEdge all, TradeEdge lastTrades, TradeEdge lastDays) {

    public StrategyEdge {
        Objects.requireNonNull(all, "all");
        Objects.requireNonNull(lastTrades, "lastTrades");
        Objects.requireNonNull(lastDays, "lastDays");
    }
}
