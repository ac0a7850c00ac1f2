package com.positionlab.engine.sim.growth;

import com.positionlab.engine.stats.Quantiles;

/**
 * The 5th, 25th, 50th, 75th and 95th percentiles of a wealth distribution, in the unit of the initial capital.
 *
 * <p>Definition, used for the simulation and the exact lattice alike: the q-th percentile is the smallest
 * value {@code w} with {@code P(W <= w) >= q}. For n simulated values that is the r-th smallest with
 * {@code r = ceil(q n)}, so simulated and exact percentiles are comparable value for value.
 */
public record Percentiles(double p5, double p25, double p50, double p75, double p95) {

    /** The percentile levels, in percent, in the order of the components. */
    static final int[] LEVELS = {5, 25, 50, 75, 95};

    /** From values in the order of {@link #LEVELS}. */
    static Percentiles of(double[] v) {
        return new Percentiles(v[0], v[1], v[2], v[3], v[4]);
    }

    /** The values in the order of {@link #LEVELS}. */
    public double[] toArray() {
        return new double[] {p5, p25, p50, p75, p95};
    }

    /** The 1-based rank {@code ceil(level n / 100)} of the {@code level}-th percentile among n sorted values. */
    static long rank(int level, long n) {
        return Quantiles.nearestRank(level, n);
    }
}
