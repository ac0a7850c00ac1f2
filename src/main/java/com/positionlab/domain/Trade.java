package com.positionlab.domain;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A closed trade of a strategy. {@code pnl} is the realised profit or loss in the instrument's currency.
 * Unique by strategy, instrument, side, entry time and exit time.
 */
public record Trade(String strategyId, String instrumentId, Side side, BigDecimal quantity,
                    LocalDateTime entryTime, double entryPrice, LocalDateTime exitTime, double exitPrice,
                    BigDecimal pnl) {

    /** Return of the trade on the capital committed at entry, signed by side. */
    public double returnOnEntry() {
        double move = (exitPrice - entryPrice) / entryPrice;
        return side == Side.LONG ? move : -move;
    }
}
