package com.positionlab.engine.optimize.allocate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One side of the portfolio, allocated on its own: its tickers in descending weight (ties in the order the
 * request gave them), their weights within the book (positive), unit prices, lot sizes, and the value the
 * book may spend (account currency).
 *
 * <p>How a request splits (PyPortfolioOpt's rule): without a negative weight there is one long book, with the
 * weights as given and the whole value. With one, the long book holds the positive weights and the short book
 * the absolute negative weights, each normalised to sum to 1; the short book gets
 * {@code totalValue * shortRatio} and the long book {@code totalValue}, plus the short proceeds when they are
 * reinvested.
 */
record Book(List<String> tickers, double[] weights, double[] prices, int[] lots, double value) {

    int size() {
        return tickers.size();
    }

    /** The long book and the short book (empty when no weight is negative), in that order. */
    static List<Book> split(AllocationRequest r) {
        double eps = AllocationRequest.NEGLIGIBLE_WEIGHT;
        if (!r.hasShorts()) {
            return List.of(of(r, 1, 1, r.totalValue()), empty(0));
        }
        double shortValue = r.totalValue() * r.shortRatio();
        double longValue = r.reinvest() ? r.totalValue() + shortValue : r.totalValue();
        double longSum = 0;
        double shortSum = 0;
        for (double w : r.weights().values()) {
            longSum += w > eps ? w : 0;
            shortSum += w < -eps ? -w : 0;
        }
        Book longs = longSum > 0 ? of(r, 1, longSum, longValue) : empty(longValue);
        return List.of(longs, of(r, -1, shortSum, shortValue));
    }

    private static Book empty(double value) {
        return new Book(List.of(), new double[0], new double[0], new int[0], value);
    }

    /** The tickers whose weight has the sign of {@code sign}, weights {@code sign * w / total}. */
    private static Book of(AllocationRequest r, int sign, double total, double value) {
        List<Map.Entry<String, Double>> side = new ArrayList<>();
        for (Map.Entry<String, Double> e : r.weights().entrySet()) {
            if (sign * e.getValue() > AllocationRequest.NEGLIGIBLE_WEIGHT) {
                side.add(Map.entry(e.getKey(), sign * e.getValue() / total));
            }
        }
        side.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue()).reversed());
        int n = side.size();
        List<String> tickers = new ArrayList<>(n);
        double[] weights = new double[n];
        double[] prices = new double[n];
        int[] lots = new int[n];
        for (int i = 0; i < n; i++) {
            String t = side.get(i).getKey();
            tickers.add(t);
            weights[i] = side.get(i).getValue();
            prices[i] = r.prices().get(t);
            lots[i] = r.lotSize(t);
        }
        return new Book(List.copyOf(tickers), weights, prices, lots, value);
    }
}
