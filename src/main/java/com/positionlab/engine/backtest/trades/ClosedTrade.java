package com.positionlab.engine.backtest.trades;

import static com.positionlab.engine.InvalidParameterException.finite;
import static com.positionlab.engine.InvalidParameterException.positive;

/**
 * One closed trade of a strategy, as the trade-sequence backtest replays it.
 *
 * @param returnOnPosition the trade's P&amp;L divided by the capital put into it (its notional at entry), as a
 *                         fraction: {@code +0.04} is a 4% gain on the position, {@code -0.02} a 2% loss; finite
 * @param stopLoss         the fraction of the position that would have been lost at the trade's stop (its risk
 *                         per unit of position: {@code 0.02} for a stop 2% from entry), positive; NaN when the
 *                         trade had no stop. It is known when the trade is opened; only the fixed-risk rule uses it
 * @param exitEpochSecond  when the trade was closed, seconds since 1970-01-01T00:00:00Z; a sequence is replayed
 *                         in this order
 */
public record ClosedTrade(double returnOnPosition, double stopLoss, long exitEpochSecond) {

    public ClosedTrade {
        finite("return_on_position", returnOnPosition);
        if (!Double.isNaN(stopLoss)) {
            positive("stop_loss", stopLoss);
        }
    }

    /** A trade without a stop. */
    public ClosedTrade(double returnOnPosition, long exitEpochSecond) {
        this(returnOnPosition, Double.NaN, exitEpochSecond);
    }

    /** Whether the trade had a stop. */
    public boolean hasStop() {
        return !Double.isNaN(stopLoss);
    }
}
