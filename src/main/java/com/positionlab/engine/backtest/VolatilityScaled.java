package com.positionlab.engine.backtest;

import static com.positionlab.engine.InvalidParameterException.inRange;

import com.positionlab.engine.stats.Returns;

/**
 * Weights inversely proportional to each instrument's volatility over the window (the standard deviation of its
 * daily simple returns, annualised by the square root of 252), over the instruments priced on every day of the
 * window; the others get nothing.
 * <ul>
 * <li>With no target ({@code targetVolatility} NaN): inverse-volatility weights summing to one, each then capped
 * at {@code maxWeight} (the excess held in cash).</li>
 * <li>With a target: the volatility-adjusted sizing of each of the m instruments, {@code target / sigma_i / m},
 * each capped at {@code maxWeight}, then all scaled down so they sum to at most one; the rest is cash.</li>
 * </ul>
 * An instrument with zero volatility over the window, or a window of fewer than 3 prices, gets nothing.
 *
 * @param targetVolatility the annual volatility each position is sized to, as a fraction, or NaN for plain
 *                         inverse volatility
 * @param maxWeight        the largest weight of one instrument, in (0, 1]
 */
public record VolatilityScaled(double targetVolatility, double maxWeight) implements WeightRule {

    public VolatilityScaled {
        if (!Double.isNaN(targetVolatility)) {
            inRange("target_volatility", targetVolatility, 1e-4, 5);
        }
        inRange("max_weight", maxWeight, 1e-6, 1);
    }

    @Override
    public double[] targetWeights(PriceWindow window, double[] currentWeights) {
        int n = window.instruments();
        double[] inverse = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double sigma = volatility(window.closes(i));
            if (sigma > 0) {
                inverse[i] = 1 / sigma;
                m++;
            }
        }
        double[] w = new double[n];
        if (m == 0) {
            return w;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Double.isNaN(targetVolatility) ? inverse[i] : Math.min(targetVolatility * inverse[i] / m, maxWeight);
            sum += w[i];
        }
        double scale = Double.isNaN(targetVolatility) ? 1 / sum : Math.min(1, 1 / sum);
        for (int i = 0; i < n; i++) {
            w[i] = Double.isNaN(targetVolatility) ? Math.min(w[i] * scale, maxWeight) : w[i] * scale;
        }
        return w;
    }

    /** The annualised volatility of the closes' daily returns; NaN when any close is missing or fewer than 3. */
    static double volatility(double[] closes) {
        if (closes.length < 3) {
            return Double.NaN;
        }
        double[] r = Returns.simpleReturns(closes);
        for (double x : r) {
            if (!Double.isFinite(x)) {
                return Double.NaN;
            }
        }
        return Returns.annualisedVolatility(r, Returns.TRADING_DAYS);
    }
}
