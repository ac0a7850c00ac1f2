package com.positionlab.engine.sim.growth;

/**
 * Order statistics of simulated values, with the percentile definition of {@link Percentiles}: the
 * q-th percentile of n values is the r-th smallest, {@code r = ceil(q n)}.
 */
final class Quantiles {

    private Quantiles() {
    }

    /**
     * The {@code level}-th percentiles (levels ascending, in percent) of {@code values}, found by selection in
     * expected O(n) time. Reorders {@code values}.
     */
    static double[] percentiles(double[] values, int... levels) {
        double[] out = new double[levels.length];
        int lo = 0;
        for (int i = 0; i < levels.length; i++) {
            int k = (int) Percentiles.rank(levels[i], values.length) - 1;
            out[i] = select(values, lo, values.length - 1, k);
            lo = k;
        }
        return out;
    }

    /**
     * The value that would sit at index k if {@code a[lo..hi]} were sorted (Hoare's selection). Afterwards
     * {@code a[lo..k]} holds no value above it and {@code a[k..hi]} none below.
     */
    static double select(double[] a, int lo, int hi, int k) {
        while (lo < hi) {
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (pivot < a[j]) {
                    j--;
                }
                if (i <= j) {
                    double tmp = a[i];
                    a[i] = a[j];
                    a[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (j < k) {
                lo = i;
            }
            if (k < i) {
                hi = j;
            }
        }
        return a[k];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
