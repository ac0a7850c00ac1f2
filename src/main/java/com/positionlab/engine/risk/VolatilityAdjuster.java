package com.positionlab.engine.risk;

import java.util.Arrays;

import com.positionlab.engine.InvalidParameterException;

import com.positionlab.engine.Reasons;

/**
 * Scales a position inversely with volatility, measured by ATR as a fraction of price.
 *
 * <p>With {@code a_t = ATR_t / C_t} for every bar that has an ATR (bars {@code period - 1} onwards) and
 * {@code a} the last of them:
 * <ul>
 *   <li>percentile {@code = (#{a_t < a} + #{a_t = a} / 2) / #{a_t}} (mid-rank, the current bar included, so a
 *       constant ATR sits at 0.5); regime LOW below {@code lowPercentile}, HIGH above {@code highPercentile},
 *       NORMAL otherwise;</li>
 *   <li>multiplier {@code = median(a_t) / a}, clipped to {@code [1 - maxReduction, 1]}: the size shrinks
 *       when volatility is above its median and is never scaled up.</li>
 * </ul>
 * With fewer than {@code period} bars the regime is UNKNOWN and the multiplier 1.
 */
public final class VolatilityAdjuster {

    private VolatilityAdjuster() {
    }

    /** The adjustment for daily (or any bar) high, low and close prices, oldest first; closes positive. */
    public static VolatilityAdjustment assess(double[] high, double[] low, double[] close, VolatilityConfig config) {
        double[] atr = Atr.wilder(high, low, close, config.period());
        int first = config.period() - 1;
        if (atr.length <= first) {
            return new VolatilityAdjustment(Double.NaN, Double.NaN, Double.NaN, Double.NaN, VolatilityRegime.UNKNOWN,
                    1, "only " + atr.length + " bars; ATR(" + config.period() + ") needs at least " + config.period()
                            + "; no adjustment");
        }
        double[] fraction = new double[atr.length - first];
        for (int t = first; t < atr.length; t++) {
            if (!(close[t] > 0)) {
                throw new InvalidParameterException("close",
                        "must be positive at bar " + t + ", got " + close[t]);
            }
            fraction[t - first] = atr[t] / close[t];
        }
        double current = fraction[fraction.length - 1];
        double percentile = percentileRank(fraction, current);
        double median = median(fraction);
        double multiplier = current <= median ? 1 : Math.max(median / current, 1 - config.maxReduction());
        VolatilityRegime regime = percentile < config.lowPercentile() ? VolatilityRegime.LOW
                : percentile > config.highPercentile() ? VolatilityRegime.HIGH : VolatilityRegime.NORMAL;
        String reason = "ATR(" + config.period() + ") is " + Reasons.pct1(current) + " of price against a median of "
                + Reasons.pct1(median) + "; " + regime + " regime (percentile rank " + Reasons.pct1(percentile) + ")"
                + (multiplier < 1 ? "; size x " + Reasons.fmt(multiplier) : "; no reduction");
        return new VolatilityAdjustment(atr[atr.length - 1], current, median, percentile, regime, multiplier, reason);
    }

    /** Mid-rank percentile of {@code x} among {@code values}: {@code (#below + #equal / 2) / n}. */
    static double percentileRank(double[] values, double x) {
        int below = 0;
        int equal = 0;
        for (double v : values) {
            if (v < x) {
                below++;
            } else if (v == x) {
                equal++;
            }
        }
        return (below + equal / 2.0) / values.length;
    }

    /** Median: the middle value, or the mean of the two middle values. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }
}
