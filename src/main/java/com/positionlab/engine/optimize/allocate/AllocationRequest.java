package com.positionlab.engine.optimize.allocate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.positionlab.engine.InvalidParameterException;

/**
 * What to turn into whole units: target weights (fractions of the portfolio value, negative for shorts), the
 * latest price of one unit of each instrument (in the account currency), the total portfolio value (same
 * currency), the lot size of each instrument (units must be a multiple of it; 1 when absent), the short
 * ratio (the short book's value as a fraction of the total value) and whether short proceeds are reinvested in
 * the long book.
 *
 * <p>Weights are kept in the order given: it decides ties between equal weights, as in PyPortfolioOpt, where
 * the order of the weights dictionary does. Weights with {@code |w| <= }{@link #NEGLIGIBLE_WEIGHT} are treated
 * as zero (a solver's residue, such as {@code -1e-17}, must not open a short book).
 *
 * @param weights    target weight per ticker, finite, {@code |w| <= } {@link #MAX_ABS_WEIGHT}
 * @param prices     latest price per ticker, finite and positive; every ticker with a weight needs one
 * @param lotSizes   units per lot, at least 1 and at most {@link #MAX_LOT}; absent tickers trade in lots of 1
 * @param totalValue the portfolio value to allocate, at least 0 and at most {@link #MAX_VALUE}
 * @param shortRatio the short book's value over {@code totalValue}, at least 0 and at most
 *                   {@link #MAX_SHORT_RATIO}; used only when a weight is negative
 * @param reinvest   whether the long book also gets the short proceeds ({@code totalValue * shortRatio})
 */
public record AllocationRequest(Map<String, Double> weights, Map<String, Double> prices, Map<String, Integer> lotSizes,
                                double totalValue, double shortRatio, boolean reinvest) {

    /** Weights at most this far from zero, in absolute value, are treated as zero. */
    public static final double NEGLIGIBLE_WEIGHT = 1e-12;
    /** The largest absolute weight accepted (a hundredfold leveraged position). */
    public static final double MAX_ABS_WEIGHT = 100;
    /** The largest portfolio value accepted: unit counts and cash stay exact in double arithmetic below it. */
    public static final double MAX_VALUE = 1e13;
    /** The largest lot size accepted. */
    public static final int MAX_LOT = 1_000_000_000;
    /** The largest short ratio accepted. */
    public static final double MAX_SHORT_RATIO = 100;
    /** The most units of one ticker: counts and their values stay exact in double arithmetic (2^53). */
    public static final double MAX_UNITS = 9_007_199_254_740_992.0;
    /** The most tickers accepted. */
    public static final int MAX_TICKERS = 10_000;

    public AllocationRequest {
        weights = copy(weights, "weights");
        prices = copy(prices, "prices");
        lotSizes = copy(lotSizes == null ? Map.of() : lotSizes, "lot_sizes");
        InvalidParameterException.inRange("total_value", totalValue, 0, MAX_VALUE);
        InvalidParameterException.inRange("short_ratio", shortRatio, 0, MAX_SHORT_RATIO);
        validate(weights, prices, lotSizes);
        double bookValue = totalValue * (1 + shortRatio);
        prices.forEach((ticker, p) -> {
            if (bookValue / p > MAX_UNITS) {
                throw new InvalidParameterException("prices", ticker + " at " + p + " is too small for a value of "
                        + bookValue + ": more than " + MAX_UNITS + " units");
            }
        });
    }

    /**
     * Weights, prices and a value in lots of 1, without reinvestment, with PyPortfolioOpt's default short
     * ratio: the sum of the absolute negative weights.
     */
    public static AllocationRequest of(Map<String, Double> weights, Map<String, Double> prices, double totalValue) {
        double shorts = 0;
        if (weights != null) {
            for (Double w : weights.values()) {
                shorts += w != null && w < -NEGLIGIBLE_WEIGHT ? -w : 0;
            }
        }
        return new AllocationRequest(weights, prices, Map.of(), totalValue, Math.min(shorts, MAX_SHORT_RATIO), false);
    }

    public AllocationRequest withLotSizes(Map<String, Integer> lots) {
        return new AllocationRequest(weights, prices, lots, totalValue, shortRatio, reinvest);
    }

    public AllocationRequest withShortRatio(double ratio) {
        return new AllocationRequest(weights, prices, lotSizes, totalValue, ratio, reinvest);
    }

    public AllocationRequest withReinvest(boolean reinvestShortProceeds) {
        return new AllocationRequest(weights, prices, lotSizes, totalValue, shortRatio, reinvestShortProceeds);
    }

    /** The lot size of {@code ticker}: 1 unless given. */
    public int lotSize(String ticker) {
        return lotSizes.getOrDefault(ticker, 1);
    }

    /** Whether any weight is below {@code -}{@link #NEGLIGIBLE_WEIGHT}: the portfolio has a short book. */
    public boolean hasShorts() {
        return weights.values().stream().anyMatch(w -> w < -NEGLIGIBLE_WEIGHT);
    }

    private static <V> Map<String, V> copy(Map<String, V> map, String field) {
        if (map == null) {
            throw new InvalidParameterException(field, "are missing");
        }
        if (map.size() > MAX_TICKERS) {
            throw new InvalidParameterException(field, "at most " + MAX_TICKERS + " tickers, got " + map.size());
        }
        Map<String, V> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null) {
                throw new InvalidParameterException(field, "has a missing ticker or value (" + k + " = " + v + ")");
            }
            out.put(k, v);
        });
        return Collections.unmodifiableMap(out);
    }

    private static void validate(Map<String, Double> weights, Map<String, Double> prices,
                                 Map<String, Integer> lots) {
        boolean any = false;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            double w = e.getValue();
            if (!Double.isFinite(w) || Math.abs(w) > MAX_ABS_WEIGHT) {
                throw new InvalidParameterException("weights", e.getKey() + " must be finite and within +-"
                        + MAX_ABS_WEIGHT + ", got " + w);
            }
            if (Math.abs(w) > NEGLIGIBLE_WEIGHT) {
                any = true;
                if (!prices.containsKey(e.getKey())) {
                    throw new InvalidParameterException("prices", "no price for " + e.getKey());
                }
            }
        }
        if (!any) {
            throw new InvalidParameterException("weights", "need at least one weight that is not zero");
        }
        prices.forEach((ticker, p) -> {
            if (!Double.isFinite(p) || p <= 0) {
                throw new InvalidParameterException("prices", ticker + " must be a positive finite price, got " + p);
            }
        });
        lots.forEach((ticker, lot) -> {
            if (lot < 1 || lot > MAX_LOT) {
                throw new InvalidParameterException("lot_sizes", ticker + " must be from 1 to " + MAX_LOT + ", got "
                        + lot);
            }
        });
    }
}
