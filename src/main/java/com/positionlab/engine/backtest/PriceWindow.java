package com.positionlab.engine.backtest;

import java.time.LocalDate;

/**
 * What a {@link WeightRule} may see on the day it is asked for weights: the closes of the last {@code size()}
 * trading days up to and including today, and nothing later. Rows are addressed by how many trading days ago
 * they closed: {@code 0} is today, {@code size() - 1} the oldest row of the window. Any other row, a later
 * day in particular, throws {@link IndexOutOfBoundsException}; the window holds no reference a rule could use
 * to reach past today.
 *
 * <p>The window covers {@code min(lookback, t + 1)} days for the day {@code t} of the price history (the history
 * may start before the backtest does, so a rule can warm up on earlier prices). A price is NaN on days before
 * the instrument was listed. A window never changes: a rule that keeps one still sees the day it was given for.
 */
public final class PriceWindow {

    private final double[][] prices;
    private final LocalDate[] dates;
    private final int today;
    private final int size;

    /** The window of {@code lookback} days ending at row {@code today} of {@code prices} (shared, not copied). */
    PriceWindow(double[][] prices, LocalDate[] dates, int today, int lookback) {
        this.prices = prices;
        this.dates = dates;
        this.today = today;
        this.size = Math.min(lookback, today + 1);
    }

    /** The number of trading days in the window, today included: at least 1, at most the lookback. */
    public int size() {
        return size;
    }

    /** The number of instruments. */
    public int instruments() {
        return prices[today].length;
    }

    /** Today's date: the last day the window shows. */
    public LocalDate today() {
        return dates[today];
    }

    /** The date {@code daysAgo} trading days before today, in [0, size() - 1]. */
    public LocalDate date(int daysAgo) {
        return dates[row(daysAgo)];
    }

    /** The close of {@code instrument} {@code daysAgo} trading days before today; NaN before it was listed. */
    public double price(int daysAgo, int instrument) {
        return prices[row(daysAgo)][instrument];
    }

    /** Today's close of {@code instrument}; NaN when it is not listed yet. */
    public double close(int instrument) {
        return prices[today][instrument];
    }

    /** Whether {@code instrument} has a price today, so that it can be traded. */
    public boolean listed(int instrument) {
        return !Double.isNaN(prices[today][instrument]);
    }

    /** The closes of {@code instrument} over the window, oldest first (a copy of length {@link #size()}). */
    public double[] closes(int instrument) {
        double[] out = new double[size];
        for (int k = 0; k < size; k++) {
            out[k] = prices[today - size + 1 + k][instrument];
        }
        return out;
    }

    private int row(int daysAgo) {
        if (daysAgo < 0) {
            throw new IndexOutOfBoundsException("the price window ends today (" + dates[today] + "): "
                    + (-daysAgo) + " trading day(s) ahead is not visible");
        }
        if (daysAgo >= size) {
            throw new IndexOutOfBoundsException("the price window holds " + size + " day(s): " + daysAgo
                    + " days ago is outside it");
        }
        return today - daysAgo;
    }
}
