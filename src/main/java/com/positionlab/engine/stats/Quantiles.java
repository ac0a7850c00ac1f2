package com.positionlab.engine.stats;

import java.util.Arrays;

import com.positionlab.engine.InvalidParameterException;

/**
 * The engine's one quantile module, each definition named:
 * <ul>
 *   <li><b>Type 7</b> (R's type 7, numpy's default; historical VaR): linear interpolation between order
 *       statistics. For n sorted values x[0] <= ... <= x[n-1] and p in [0, 1], with h = (n - 1) p,
 *       {@code Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])}; Q(0) is the minimum,
 *       Q(1) the maximum, and the 0.05 quantile of 1, 2, ..., 10 is 1.45.</li>
 *   <li><b>Nearest rank</b> (type 1, the inverted empirical CDF; the growth simulation's percentiles): the
 *       q-th percentile of n values is the r-th smallest, {@code r = ceil(q n / 100)}, at least 1.</li>
 * </ul>
 * Both can be found by selection ({@link #select}) in expected O(n) instead of a sort.
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

    /** The 1-based nearest rank {@code ceil(level n / 100)} (at least 1) of the {@code level}-th percentile of n values. */
    public static long nearestRank(int level, long n) {
        return Math.max(1, (level * n + 99) / 100);
    }

    /**
     * The nearest-rank percentiles at {@code levels} (ascending, in percent) of {@code values}, by selection.
     * Reorders {@code values}.
     */
    public static double[] nearestRankPercentiles(double[] values, int... levels) {
        double[] out = new double[levels.length];
        int lo = 0;
        for (int i = 0; i < levels.length; i++) {
            int k = (int) nearestRank(levels[i], values.length) - 1;
            out[i] = select(values, lo, values.length - 1, k);
            lo = k;
        }
        return out;
    }

    /**
     * Rearranges {@code a[left..right]} so that {@code a[k]} is the value it would hold if that range were
     * sorted, nothing before it larger and nothing after it smaller (Hoare's selection with a median-of-three
     * pivot), and returns it.
     */
    public static double select(double[] a, int left, int right, int k) {
        while (right > left) {
            int mid = (left + right) >>> 1;
            if (a[mid] < a[left]) {
                swap(a, mid, left);
            }
            if (a[right] < a[left]) {
                swap(a, right, left);
            }
            if (a[right] < a[mid]) {
                swap(a, right, mid);
            }
            double pivot = a[mid];
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                break;
            }
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
