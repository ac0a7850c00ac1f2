package com.positionlab.engine.backtest.trades;

import static com.positionlab.engine.InvalidParameterException.inRange;
import static com.positionlab.engine.InvalidParameterException.positive;

/**
 * What every rule of a replay shares.
 *
 * @param initialCapital equity before the first trade, account currency, positive
 * @param costBps        cost of each trade in basis points of its position value ({@code E x f}), charged
 *                       once per trade (a round trip), in [0, 10,000]; 10 bps turns a +4% trade into +3.9%
 */
public record SequenceSettings(double initialCapital, double costBps) {

    public static final double DEFAULT_INITIAL_CAPITAL = 100_000;

    public SequenceSettings {
        positive("initial_capital", initialCapital);
        inRange("cost_bps", costBps, 0, 10_000);
    }

    /** 100,000 of capital, no costs. */
    public static SequenceSettings defaults() {
        return new SequenceSettings(DEFAULT_INITIAL_CAPITAL, 0);
    }

    /** The cost as a fraction of position value: {@code costBps / 10,000}. */
    public double costRate() {
        return costBps / 10_000;
    }
}
