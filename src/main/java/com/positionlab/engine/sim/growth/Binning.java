package com.positionlab.engine.sim.growth;

/**
 * Builds the {@link Histogram}s of {@link FractionResult}: terminal wealth in bins evenly spaced in log
 * wealth, maximum drawdown in bins evenly spaced in drawdown. Values are binned from the merged per-path
 * results (or counts), never per thread, so the histograms do not depend on the thread count.
 */
final class Binning {

    /** Bins per histogram, when the values are not all equal. */
    static final int BINS = 40;

    private Binning() {
    }

    /**
     * Terminal wealth ({@code >= 0}, in the unit of the initial capital) in {@value #BINS} bins whose edges
     * are evenly spaced in {@code ln W} from the smallest to the largest positive wealth. Wiped-out paths
     * ({@code W = 0}) have no logarithm: when there are any, the first edge is 0 instead of the smallest
     * positive wealth, so the first bin {@code [0, edges[1])} holds them together with the lowest positive
     * wealth. {@code weights[j]} paths have wealth {@code wealth[j]}; null weights mean one path each.
     */
    static Histogram logWealth(double[] wealth, long[] weights) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        boolean wipedOut = false;
        for (int j = 0; j < wealth.length; j++) {
            if (weights != null && weights[j] == 0) {
                continue;
            }
            double w = wealth[j];
            if (w > 0) {
                min = Math.min(min, w);
                max = Math.max(max, w);
            } else {
                wipedOut = true;
            }
        }
        if (max == 0) {
            min = 0;
        }
        int bins = max > min ? BINS : 1;
        double[] edges = new double[bins + 1];
        double lnMin = Math.log(min);
        double step = (Math.log(max) - lnMin) / bins;
        edges[0] = wipedOut ? 0 : min;
        for (int i = 1; i < bins; i++) {
            edges[i] = Math.min(max, Math.max(edges[i - 1], Math.exp(lnMin + i * step)));
        }
        edges[bins] = max;
        return new Histogram(edges, count(edges, wealth, weights));
    }

    /**
     * Drawdowns (fractions in [0, 1]) in {@value #BINS} bins evenly spaced over {@code [0, largest drawdown]};
     * one bin {@code [0, 0]} when no path draws down.
     */
    static Histogram linearFromZero(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        int bins = max > 0 ? BINS : 1;
        double[] edges = new double[bins + 1];
        for (int i = 1; i < bins; i++) {
            edges[i] = max * i / bins;
        }
        edges[bins] = max;
        double scale = bins / max;
        long[] counts = new long[bins];
        for (double v : values) {
            counts[linearBin(edges, scale, v)]++;
        }
        return new Histogram(edges, counts);
    }

    /**
     * {@link #bin} for evenly spaced edges from 0, in O(1): the bin {@code floor(v scale)}, moved to the
     * neighbour when rounding put v on the wrong side of an edge.
     */
    private static int linearBin(double[] edges, double scale, double v) {
        int last = edges.length - 2;
        int i = (int) Math.min(last, Math.max(0, v * scale));
        while (i > 0 && v < edges[i]) {
            i--;
        }
        while (i < last && v >= edges[i + 1]) {
            i++;
        }
        return i;
    }

    /**
     * Counts per bin: value v goes to the last bin i with {@code edges[i] <= v} (the last bin is closed, and
     * values are never below the first edge). {@code weights[j]} paths (one when null) have {@code values[j]}.
     */
    private static long[] count(double[] edges, double[] values, long[] weights) {
        long[] counts = new long[edges.length - 1];
        for (int j = 0; j < values.length; j++) {
            counts[bin(edges, values[j])] += weights == null ? 1 : weights[j];
        }
        return counts;
    }

    /** The last index i in {@code [0, bins - 1]} with {@code edges[i] <= v}, 0 when there is none. */
    static int bin(double[] edges, double v) {
        int lo = 0;
        int hi = edges.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (edges[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
