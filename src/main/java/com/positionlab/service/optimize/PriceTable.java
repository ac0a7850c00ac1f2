package com.positionlab.service.optimize;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Prices of several instruments by date: {@code prices[t][i]} is ticker i's price on {@code dates[t]}, NaN
 * where it has none (before it was listed). Dates ascend and are unique.
 */
public record PriceTable(List<LocalDate> dates, List<String> tickers, double[][] prices) {

    /** Which rows of a price file the estimators see ({@code price_rows}). */
    public enum Rows {
        /** Every row, missing prices kept missing. */
        ALL,
        /** Only the rows where every ticker has a price. */
        COMPLETE,
        /** The last price of each calendar week ending on Sunday, per ticker. */
        WEEKLY,
        /** The first price of each such week (PyPortfolioOpt's tests: {@code resample("W").first()}). */
        WEEKLY_FIRST,
        /** The last price of each calendar month. */
        MONTHLY,
        /** The first price of each calendar month ({@code resample("M").first()}). */
        MONTHLY_FIRST
    }

    public PriceTable {
        dates = List.copyOf(dates);
        tickers = List.copyOf(tickers);
    }

    public PriceTable select(Rows rows) {
        return switch (rows) {
            case ALL -> this;
            case COMPLETE -> complete();
            case WEEKLY -> resample(PriceTable::weekEnd, false);
            case WEEKLY_FIRST -> resample(PriceTable::weekEnd, true);
            case MONTHLY -> resample(d -> d.with(TemporalAdjusters.lastDayOfMonth()), false);
            case MONTHLY_FIRST -> resample(d -> d.with(TemporalAdjusters.lastDayOfMonth()), true);
        };
    }

    /** The last row, each ticker's latest price carried forward (NaN for a ticker never priced). */
    public double[] latest() {
        double[] last = new double[tickers.size()];
        Arrays.fill(last, Double.NaN);
        for (double[] row : prices) {
            for (int i = 0; i < row.length; i++) {
                if (!Double.isNaN(row[i])) {
                    last[i] = row[i];
                }
            }
        }
        return last;
    }

    private PriceTable complete() {
        List<LocalDate> d = new ArrayList<>();
        List<double[]> p = new ArrayList<>();
        for (int t = 0; t < prices.length; t++) {
            if (Arrays.stream(prices[t]).noneMatch(Double::isNaN)) {
                d.add(dates.get(t));
                p.add(prices[t]);
            }
        }
        return new PriceTable(d, tickers, p.toArray(new double[0][]));
    }

    private static LocalDate weekEnd(LocalDate d) {
        return d.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }

    /**
     * One row per period (labelled by the period's end), holding each ticker's first or last price within the
     * period, NaN when it had none; periods without any row in the file are left out.
     */
    private PriceTable resample(Function<LocalDate, LocalDate> periodEnd, boolean first) {
        List<LocalDate> d = new ArrayList<>();
        List<double[]> p = new ArrayList<>();
        int n = tickers.size();
        for (int t = 0; t < prices.length; t++) {
            LocalDate label = periodEnd.apply(dates.get(t));
            if (d.isEmpty() || !d.get(d.size() - 1).equals(label)) {
                d.add(label);
                double[] row = new double[n];
                Arrays.fill(row, Double.NaN);
                p.add(row);
            }
            double[] row = p.get(p.size() - 1);
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(prices[t][i]) && (!first || Double.isNaN(row[i]))) {
                    row[i] = prices[t][i];
                }
            }
        }
        return new PriceTable(d, tickers, p.toArray(new double[0][]));
    }
}
