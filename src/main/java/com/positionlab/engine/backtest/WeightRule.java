package com.positionlab.engine.backtest;

/**
 * A strategy that sets target weights at each rebalance of a backtest. It sees the closes of the lookback
 * window ending today ({@link PriceWindow}, which cannot show later days) and the portfolio's weights at
 * today's close before trading.
 *
 * <p>A weight is the fraction of the portfolio's equity to hold in an instrument ({@code units x close /
 * equity}); the weights need not sum to one: {@code 1 - sum(w)} is held in cash (negative cash is borrowing).
 * The backtest rejects, with an {@link com.positionlab.engine.InvalidParameterException} on
 * {@code target_weights}, targets that are not {@code instruments()} finite numbers, that are negative when
 * {@link #allowsShort()} is false, that are non-zero for an instrument without a price today, or whose gross
 * exposure {@code sum |w|} exceeds {@link BacktestRequest#MAX_GROSS_EXPOSURE}.
 *
 * <p>A rule is called from one thread per backtest. It must be deterministic (the same window and weights give
 * the same targets) for a backtest to be repeatable and for a parameter sweep to give the same results whatever
 * its thread count.
 */
@FunctionalInterface
public interface WeightRule {

    /**
     * The target weights at today's close.
     *
     * @param window         the closes of the lookback window ending today
     * @param currentWeights the weights at today's close before trading (a copy the rule may keep or change)
     * @return one weight per instrument, a fraction of equity
     */
    double[] targetWeights(PriceWindow window, double[] currentWeights);

    /** Whether targets may be negative (short positions). False unless a rule says otherwise. */
    default boolean allowsShort() {
        return false;
    }
}
