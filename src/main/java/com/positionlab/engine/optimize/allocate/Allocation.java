package com.positionlab.engine.optimize.allocate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whole units per ticker (negative for shorts; tickers with no units left out), the long book first in
 * descending weight, then the short book; and the cash each book did not spend (account currency). For the
 * short book that is the part of its value not sold short.
 *
 * @param units         signed units per ticker, each a multiple of the ticker's lot size
 * @param longLeftover  the long book's value not spent, at least 0
 * @param shortLeftover the short book's value not sold short, at least 0 (0 without shorts)
 */
public record Allocation(Map<String, Long> units, double longLeftover, double shortLeftover) {

    public Allocation {
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    /** Both books' leftover: {@code longLeftover + shortLeftover}. */
    public double leftover() {
        return longLeftover + shortLeftover;
    }

    /** The units of {@code ticker}, 0 when it has none. */
    public long unitsOf(String ticker) {
        return units.getOrDefault(ticker, 0L);
    }

    /** The value of the long positions, {@code sum(units * price)} over positive units. */
    public double longValue(Map<String, Double> prices) {
        return value(prices, 1);
    }

    /** The absolute value of the short positions, {@code sum(|units| * price)} over negative units. */
    public double shortValue(Map<String, Double> prices) {
        return value(prices, -1);
    }

    private double value(Map<String, Double> prices, int sign) {
        double v = 0;
        for (Map.Entry<String, Long> e : units.entrySet()) {
            if (Long.signum(e.getValue()) == sign) {
                v += Math.abs(e.getValue()) * prices.get(e.getKey());
            }
        }
        return v;
    }

    /**
     * PyPortfolioOpt's allocation error: with {@code V = sum(units_i * price_i)} over all positions, signed
     * (shorts subtract), the achieved weight of ticker i is {@code units_i * price_i / V} and the error is
     * {@code sqrt(sum_i (w_i - achieved_i)^2 / n)} over all n tickers of the request's weights (those treated
     * as zero included, with their weight as given). NaN when V is 0.
     */
    public double rmse(AllocationRequest request) {
        double net = 0;
        for (Map.Entry<String, Long> e : units.entrySet()) {
            net += e.getValue() * request.prices().get(e.getKey());
        }
        double sse = 0;
        for (Map.Entry<String, Double> e : request.weights().entrySet()) {
            Long u = units.get(e.getKey());
            double achieved = u == null ? 0 : u * request.prices().get(e.getKey()) / net;
            double d = e.getValue() - achieved;
            sse += d * d;
        }
        return Math.sqrt(sse / request.weights().size());
    }
}
