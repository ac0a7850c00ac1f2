package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.inRange;

import java.util.Objects;

/**
 * One multiplicative adjustment of a position fraction, with why it was applied: for example
 * {@code ("drawdown", 0.6, "equity is 12.0% below its peak; limit 20.0%")}. A multiplier of 1 means the
 * rule was evaluated and changed nothing.
 *
 * @param name       short rule name ({@code drawdown}, {@code recent_performance}, {@code volatility},
 *                   {@code conviction})
 * @param multiplier factor applied to the fraction, in [0, 10]
 * @param reason     one sentence a trader can read
 */
public record Adjustment(String name, double multiplier, String reason) {

    public Adjustment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        inRange("adjustment_multiplier", multiplier, 0, 10);
    }
}
