package com.positionlab.engine.optimize.allocate;

import com.positionlab.engine.InvalidParameterException;

/**
 * One order that moves a holding from {@code from} units to {@code to} units (negative for a short).
 *
 * @param ticker the instrument
 * @param from   the units held now
 * @param to     the units wanted
 */
public record Trade(String ticker, long from, long to) {

    public Trade {
        if (ticker == null || ticker.isBlank()) {
            throw new InvalidParameterException("ticker", "is missing");
        }
        if (Math.abs((double) to - from) > AllocationRequest.MAX_UNITS) {
            throw new InvalidParameterException("units", ticker + ": a trade from " + from
                    + " to " + to + " is beyond " + (long) AllocationRequest.MAX_UNITS + " units");
        }
    }

    public enum Side {
        BUY,
        SELL
    }

    /** Units to trade, {@code to - from}: positive to buy, negative to sell. */
    public long quantity() {
        return to - from;
    }

    public Side side() {
        return to > from ? Side.BUY : Side.SELL;
    }

    /** Whether the order goes through zero (a long becomes a short or the other way). */
    public boolean reverses() {
        return Long.signum(from) * Long.signum(to) < 0;
    }

    /** The order's value at {@code price} per unit, {@code |quantity| * price} (account currency). */
    public double notional(double price) {
        return Math.abs(quantity()) * price;
    }
}
