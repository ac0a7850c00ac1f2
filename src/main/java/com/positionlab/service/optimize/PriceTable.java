package com.positionlab.service.optimize;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import com.positionlab.service.ValidationException;

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

    /** The most prices a resampled table may hold, empty periods included. */
    static final long MAX_CELLS = 20_000_000L;

    public PriceTable {
        dates = List.copyOf(dates);
        tickers = List.copyOf(tickers);
    }

    public PriceTable select(Rows rows) {
        return switch (rows) {
            case ALL -> this;
            case COMPLETE -> complete();
            case WEEKLY -> resample(PriceTable::weekEnd, d -> d.plusWeeks(1), false);
            case WEEKLY_FIRST -> resample(PriceTable::weekEnd, d -> d.plusWeeks(1), true);
            case MONTHLY -> resample(PriceTable::monthEnd, d -> monthEnd(d.plusDays(1)), false);
            case MONTHLY_FIRST -> resample(PriceTable::monthEnd, d -> monthEnd(d.plusDays(1)), true);
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

    private static LocalDate monthEnd(LocalDate d) {
        return d.with(TemporalAdjusters.lastDayOfMonth());
    }

    /**
     * One row per calendar period from the first row's to the last's, labelled by the period's end, holding
     * each ticker's first or last price within the period, NaN when it had none; as pandas'
     * {@code resample(rule).first()} or {@code .last()}, a period without any row in the file is a row of NaN
     * (so no return spans it).
     *
     * @throws ValidationException ({@code price_rows}) when the dates span more periods than a price file may
     *                             have rows, or the padded table would exceed {@value #MAX_CELLS} prices
     */
    private PriceTable resample(UnaryOperator<LocalDate> periodEnd, UnaryOperator<LocalDate> nextEnd,
                                boolean first) {
        List<LocalDate> d = new ArrayList<>();
        List<double[]> p = new ArrayList<>();
        int n = tickers.size();
        for (int t = 0; t < prices.length; t++) {
            LocalDate label = periodEnd.apply(dates.get(t));
            while (d.isEmpty() || d.get(d.size() - 1).isBefore(label)) {
                LocalDate next = d.isEmpty() ? label : nextEnd.apply(d.get(d.size() - 1));
                if (d.size() >= PriceCsv.MAX_ROWS || (long) (d.size() + 1) * n > MAX_CELLS) {
                    throw new ValidationException("price_rows", "the prices span more than " + d.size()
                            + " periods; shorten the file or choose other rows");
                }
                d.add(next);
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
