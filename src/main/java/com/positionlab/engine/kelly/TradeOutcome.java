package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.finite;

/**
 * One closed trade as the edge estimator sees it.
 *
 * @param pnl             realised profit or loss of the trade, in account currency (positive is a win, negative a
 *                        loss, zero a scratch)
 * @param exitEpochSecond when the trade was closed, in seconds since 1970-01-01T00:00:00Z
 */
public record TradeOutcome(double pnl, long exitEpochSecond) {

    public TradeOutcome {
        finite("pnl", pnl);
    }
}
