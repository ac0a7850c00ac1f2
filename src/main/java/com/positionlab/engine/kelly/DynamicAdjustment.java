package com.positionlab.engine.kelly;

import java.util.List;

/**
 * The dynamic adjustment of a strategy's Kelly fraction, from its equity curve and its recent trades.
 *
 * @param equity      current equity: starting capital plus the sum of P&amp;Ls, in account currency
 * @param peakEquity  highest equity so far (the starting capital included), in account currency
 * @param drawdown    {@code 1 - equity / peakEquity}, clipped to [0, 1]
 * @param multiplier  product of the adjustments' multipliers, in [0, 1]
 * @param adjustments each rule evaluated, in order ({@code drawdown}, then {@code recent_performance})
 */
public record DynamicAdjustment(double equity, double peakEquity, double drawdown, double multiplier,
        List<Adjustment> adjustments) {

    public DynamicAdjustment {
        adjustments = List.copyOf(adjustments);
    }
}
