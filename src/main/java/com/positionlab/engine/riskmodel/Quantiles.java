package com.positionlab.engine.riskmodel;

import java.util.Arrays;

/** Stand-in; replaced by the full implementation. */
public final class Quantiles {
    private Quantiles() {
    }

    public static double type7(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        return type7Sorted(s, p);
    }

    public static double type7Sorted(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
