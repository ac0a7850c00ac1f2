package com.positionlab.engine.backtest;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The trades of a backtest, in the order they were made (by day, then by instrument), as an unmodifiable list. It
 * keeps its columns in primitive arrays and builds a {@link Trade} on each {@link #get}: a daily rebalance of 500
 * instruments over ten years makes over a million trades.
 */
final class TradeLog extends AbstractList<Trade> implements RandomAccess {

    private final LocalDate[] dates;
    private final int[] day;
    private final int[] instrument;
    private final double[] units;
    private final double[] close;
    private final double[] price;
    private final double[] commission;
    private final double[] slippage;

    private TradeLog(LocalDate[] dates, int[] day, int[] instrument, double[] units, double[] close, double[] price,
            double[] commission, double[] slippage) {
        this.dates = dates;
        this.day = day;
        this.instrument = instrument;
        this.units = units;
        this.close = close;
        this.price = price;
        this.commission = commission;
        this.slippage = slippage;
    }

    /** {@code trades} as a trade log on {@code dates} (itself when it already is one on the same dates). */
    static TradeLog copyOf(List<Trade> trades, LocalDate[] dates) {
        if (trades instanceof TradeLog log && Arrays.equals(log.dates, dates)) {
            return log;
        }
        Builder b = new Builder(dates, trades.size());
        for (Trade t : trades) {
            if (t.day() < 0 || t.day() >= dates.length) {
                throw new IllegalArgumentException("trade on day " + t.day() + " outside the " + dates.length
                        + " days of the backtest");
            }
            b.add(t.day(), t.instrument(), t.units(), t.close(), t.price(), t.commission(), t.slippage());
        }
        return b.build();
    }

    @Override
    public Trade get(int k) {
        if (k < 0 || k >= day.length) {
            throw new IndexOutOfBoundsException("trade " + k + " of " + day.length);
        }
        return new Trade(dates[day[k]], day[k], instrument[k], units[k], close[k], price[k], units[k] * price[k],
                commission[k], slippage[k]);
    }

    @Override
    public int size() {
        return day.length;
    }

    /**
     * The trades of days {@code [from, to)}, renumbered so that day {@code from} is day 0, on {@code sliceDates}
     * (the dates of those days).
     */
    TradeLog slice(int from, int to, LocalDate[] sliceDates) {
        int a = firstOnOrAfter(from);
        int b = firstOnOrAfter(to);
        int[] d = Arrays.copyOfRange(day, a, b);
        for (int k = 0; k < d.length; k++) {
            d[k] -= from;
        }
        return new TradeLog(sliceDates, d, Arrays.copyOfRange(instrument, a, b), Arrays.copyOfRange(units, a, b),
                Arrays.copyOfRange(close, a, b), Arrays.copyOfRange(price, a, b), Arrays.copyOfRange(commission, a, b),
                Arrays.copyOfRange(slippage, a, b));
    }

    /** The first trade made on day {@code d} or later (days are non-decreasing). */
    private int firstOnOrAfter(int d) {
        int lo = 0;
        int hi = day.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (day[mid] < d) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Collects trades in the order they are made. */
    static final class Builder {
        private final LocalDate[] dates;
        private int size;
        private int[] day;
        private int[] instrument;
        private double[] units;
        private double[] close;
        private double[] price;
        private double[] commission;
        private double[] slippage;

        Builder(LocalDate[] dates, int capacity) {
            this.dates = dates;
            int c = Math.max(16, capacity);
            day = new int[c];
            instrument = new int[c];
            units = new double[c];
            close = new double[c];
            price = new double[c];
            commission = new double[c];
            slippage = new double[c];
        }

        void add(int d, int i, double q, double p, double execution, double fee, double slip) {
            if (size == day.length) {
                grow();
            }
            day[size] = d;
            instrument[size] = i;
            units[size] = q;
            close[size] = p;
            price[size] = execution;
            commission[size] = fee;
            slippage[size] = slip;
            size++;
        }

        private void grow() {
            int c = day.length * 2;
            day = Arrays.copyOf(day, c);
            instrument = Arrays.copyOf(instrument, c);
            units = Arrays.copyOf(units, c);
            close = Arrays.copyOf(close, c);
            price = Arrays.copyOf(price, c);
            commission = Arrays.copyOf(commission, c);
            slippage = Arrays.copyOf(slippage, c);
        }

        TradeLog build() {
            return new TradeLog(dates, Arrays.copyOf(day, size), Arrays.copyOf(instrument, size),
                    Arrays.copyOf(units, size), Arrays.copyOf(close, size), Arrays.copyOf(price, size),
                    Arrays.copyOf(commission, size), Arrays.copyOf(slippage, size));
        }
    }
}
