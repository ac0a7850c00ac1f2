package com.positionlab.engine.backtest;

import java.time.LocalDate;

/**
 * One instrument's trade at a rebalance, executed at the day's close. Cash changes by {@code -(value + commission)}.
 *
 * @param date       the trading day
 * @param day        the day's index in the backtest (0 is its first day)
 * @param instrument the instrument's column in the prices
 * @param units      units traded: positive bought, negative sold
 * @param close      the day's close
 * @param price      the execution price: {@code close x (1 + s)} for a buy, {@code close x (1 - s)} for a sale
 * @param value      {@code units x price}: cash paid (positive) or received (negative), commission excluded
 * @param commission {@code c x |value|}, paid in cash
 * @param slippage   {@code |units| x close x s}: what the execution price cost against the close
 */
public record Trade(LocalDate date, int day, int instrument, double units, double close, double price, double value,
        double commission, double slippage) {

    /** What the trade cost against trading at the close for free: commission plus slippage. */
    public double cost() {
        return commission + slippage;
    }

    /** Whether units were bought. */
    public boolean isBuy() {
        return units > 0;
    }
}
