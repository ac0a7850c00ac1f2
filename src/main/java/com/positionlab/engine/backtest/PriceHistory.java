package com.positionlab.engine.backtest;

import java.time.LocalDate;
import java.util.Arrays;

import com.positionlab.engine.InvalidParameterException;

/**
 * Daily closes of {@code n} instruments over {@code T} trading days: the market a backtest runs on, validated and
 * copied once so that many backtests (a parameter sweep) can share it.
 *
 * <p>Dates are strictly increasing. A price is either a finite positive close or NaN, and NaN only before the
 * instrument's first close (not listed yet, so not tradable); once listed, an instrument has a close every day.
 * Prices are in the portfolio's currency, adjusted for splits and dividends if the backtest is to count them.
 */
public final class PriceHistory {

    private final LocalDate[] dates;
    private final double[][] prices;

    /**
     * @param dates  the trading days, strictly increasing
     * @param prices {@code prices[t][i]}, the close of instrument {@code i} on {@code dates[t]}
     */
    public PriceHistory(LocalDate[] dates, double[][] prices) {
        if (dates == null || dates.length == 0) {
            throw new InvalidParameterException("dates", "must hold at least one trading day");
        }
        this.dates = dates.clone();
        for (int t = 0; t < this.dates.length; t++) {
            if (this.dates[t] == null) {
                throw new InvalidParameterException("dates", "day " + t + " has no date");
            }
            if (t > 0 && !this.dates[t].isAfter(this.dates[t - 1])) {
                throw new InvalidParameterException("dates", "must be strictly increasing, got " + this.dates[t - 1]
                        + " then " + this.dates[t]);
            }
        }
        this.prices = copyValid(prices, this.dates);
    }

    private static double[][] copyValid(double[][] prices, LocalDate[] dates) {
        if (prices == null || prices.length != dates.length) {
            throw new InvalidParameterException("prices", "must hold one row per date (" + dates.length + ")");
        }
        int n = prices[0] == null ? 0 : prices[0].length;
        if (n == 0) {
            throw new InvalidParameterException("prices", "must hold at least one instrument");
        }
        double[][] copy = new double[prices.length][];
        boolean[] listed = new boolean[n];
        for (int t = 0; t < prices.length; t++) {
            if (prices[t] == null || prices[t].length != n) {
                throw new InvalidParameterException("prices", "row " + dates[t] + " must hold " + n + " prices");
            }
            copy[t] = prices[t].clone();
            for (int i = 0; i < n; i++) {
                double p = copy[t][i];
                if (Double.isNaN(p)) {
                    if (listed[i]) {
                        throw new InvalidParameterException("prices", "instrument " + i + " has no price on "
                                + dates[t] + " after its first price; only days before listing may be missing");
                    }
                } else if (!(p > 0) || Double.isInfinite(p)) {
                    throw new InvalidParameterException("prices", "must be positive and finite, got " + p
                            + " for instrument " + i + " on " + dates[t]);
                } else {
                    listed[i] = true;
                }
            }
        }
        return copy;
    }

    /** The number of trading days. */
    public int size() {
        return dates.length;
    }

    /** The number of instruments. */
    public int instruments() {
        return prices[0].length;
    }

    public LocalDate date(int t) {
        return dates[t];
    }

    /** The close of instrument {@code i} on day {@code t}; NaN before it was listed. */
    public double price(int t, int i) {
        return prices[t][i];
    }

    /** A copy of the trading days. */
    public LocalDate[] dates() {
        return dates.clone();
    }

    /** A copy of the closes, {@code [t][i]}. */
    public double[][] prices() {
        double[][] out = new double[prices.length][];
        for (int t = 0; t < prices.length; t++) {
            out[t] = prices[t].clone();
        }
        return out;
    }

    /** The first day on or after {@code date}, or {@link #size()} when there is none. */
    public int firstOnOrAfter(LocalDate date) {
        int k = Arrays.binarySearch(dates, date);
        return k >= 0 ? k : -k - 1;
    }

    /** The last day on or before {@code date}, or -1 when there is none. */
    public int lastOnOrBefore(LocalDate date) {
        int k = Arrays.binarySearch(dates, date);
        return k >= 0 ? k : -k - 2;
    }

    /** What a rule sees on day {@code t} with a lookback of {@code lookback} days (at least 1). */
    public PriceWindow window(int t, int lookback) {
        if (t < 0 || t >= dates.length) {
            throw new IndexOutOfBoundsException("day " + t + " is outside the history of " + dates.length + " days");
        }
        if (lookback < 1) {
            throw new InvalidParameterException("lookback", "must be at least 1 trading day, got " + lookback);
        }
        return new PriceWindow(prices, dates, t, lookback);
    }

    /** Day {@code t}'s closes, shared with the engine's loop: never handed to a rule. */
    double[] row(int t) {
        return prices[t];
    }
}
