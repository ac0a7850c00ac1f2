package com.positionlab.engine.riskmodel;

import java.util.Arrays;

import com.positionlab.engine.InvalidParameterException;

/**
 * Sample quantiles by linear interpolation between order statistics: R's type 7, numpy's default. For n sorted
 * values x[0] <= ... <= x[n-1] and a probability p in [0, 1], with h = (n - 1) p:
 * <pre>
 *   Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])
 * </pre>
 * so Q(0) is the minimum, Q(1) the maximum, and the quantile at 0.05 of 1, 2, ..., 10 is 1.45.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /** The type-7 {@code p} quantile of {@code values} (none NaN, at least one). Does not modify the input. */
    public static double type7(double[] values, double p) {
        if (values == null || values.length == 0) {
            throw new InvalidParameterException("values", "need at least 1 value, got 0");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new InvalidParameterException("values", "must not contain NaN");
        }
        return type7Sorted(sorted, p);
    }

    /** The type-7 {@code p} quantile of values already sorted in ascending order (at least one). */
    public static double type7Sorted(double[] sorted, double p) {
        if (sorted == null || sorted.length == 0) {
            throw new InvalidParameterException("values", "need at least 1 value, got 0");
        }
        InvalidParameterException.inRange("probability", p, 0, 1);
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double frac = h - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }
}
