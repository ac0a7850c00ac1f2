package com.positionlab.service.optimize;

import java.util.Map;

import com.positionlab.service.ValidationException;

/**
 * The liquidity limit of a request ({@link OptimizeRequest.Liquidity}) as bounds: each instrument's weight
 * stays within {@code current +- max_adv_share * adv * price / portfolio_value} of its current weight (0 when
 * none is given), intersected with its weight bounds.
 */
final class Liquidity {

    static final String FIELD = "constraints.liquidity";

    private Liquidity() {
    }

    static void apply(OptimizeRequest.Liquidity l, Estimates e, double[] current, double[] lower, double[] upper,
                      double budget) {
        Double value = l.portfolioValue();
        if (value == null || !(value > 0) || value > 1e15) {
            throw new ValidationException(FIELD + ".portfolio_value", "must be above 0 and at most 1e15");
        }
        double share = l.maxAdvShare() == null ? 0.1 : l.maxAdvShare();
        if (!(share > 0) || share > 10) {
            throw new ValidationException(FIELD + ".max_adv_share", "must be above 0 and at most 10");
        }
        if (l.adv() == null || l.adv().isEmpty()) {
            throw new ValidationException(FIELD + ".adv", "average daily volumes by ticker are required");
        }
        double[] latest = e.prices() == null ? null : e.prices().latest();
        for (Map.Entry<String, Double> entry : l.adv().entrySet()) {
            int i = e.tickers().indexOf(entry.getKey());
            String field = FIELD + ".adv." + ValidationException.clip(entry.getKey());
            if (i < 0) {
                throw new ValidationException(field, "is not one of the tickers");
            }
            Double adv = entry.getValue();
            if (adv == null || !(adv >= 0) || adv > 1e15) {
                throw new ValidationException(field, "must be at least 0 and at most 1e15 units a day");
            }
            double price = price(l, latest, entry.getKey(), i);
            double room = share * adv * price / value;
            double now = current == null ? 0 : current[i];
            lower[i] = Math.max(lower[i], now - room);
            upper[i] = Math.min(upper[i], now + room);
            if (lower[i] > upper[i]) {
                throw new ValidationException(field, "the weight cannot reach its bounds from " + now + " within "
                        + share + " of the daily volume (at most " + room + " of the portfolio a day)");
            }
        }
        double lo = java.util.Arrays.stream(lower).sum();
        double hi = java.util.Arrays.stream(upper).sum();
        if (lo > budget + 1e-12 || hi < budget - 1e-12) {
            throw new ValidationException(FIELD, "the trades the daily volumes allow cannot reach weights summing to "
                    + budget + " (the weights can only sum to between " + lo + " and " + hi + ")");
        }
    }

    private static double price(OptimizeRequest.Liquidity l, double[] latest, String ticker, int i) {
        Double given = l.latestPrices() == null ? null : l.latestPrices().get(ticker);
        double p = given != null ? given : latest == null ? Double.NaN : latest[i];
        if (!(p > 0) || !Double.isFinite(p)) {
            throw new ValidationException(FIELD + ".latest_prices." + ValidationException.clip(ticker),
                    "a positive price is needed (none given and none in the price file)");
        }
        return p;
    }
}
