package com.positionlab.engine.sim.growth;

import java.util.Arrays;

/**
 * Counts of simulated paths in consecutive bins, for charts.
 *
 * <p>Bin convention: bin i holds the values v with {@code edges[i] <= v < edges[i + 1]}; the last bin is
 * closed, {@code edges[n - 1] <= v <= edges[n]}. Edges are non-decreasing, {@code edges.length ==
 * counts.length + 1}, and the counts sum to the number of simulated paths: the first edge is the smallest
 * value and the last edge the largest, so every path falls in some bin. When every path has the same value
 * there is a single bin whose two edges are that value.
 *
 * @param edges  bin boundaries, in the unit of the values binned (wealth in the unit of the initial
 *               capital, or drawdown as a fraction in [0, 1])
 * @param counts number of paths in each bin
 */
public record Histogram(double[] edges, long[] counts) {

    public Histogram {
        if (counts.length < 1 || edges.length != counts.length + 1) {
            throw new IllegalArgumentException("need edges.length == counts.length + 1 >= 2, got "
                    + edges.length + " edges and " + counts.length + " counts");
        }
        edges = edges.clone();
        counts = counts.clone();
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i - 1] <= edges[i])) {
                throw new IllegalArgumentException("edges must be non-decreasing, got " + Arrays.toString(edges));
            }
        }
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Number of bins. */
    public int bins() {
        return counts.length;
    }

    /** Sum of the counts: the number of paths binned. */
    public long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Arrays.equals(edges, h.edges) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(edges) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[edges=" + Arrays.toString(edges) + ", counts=" + Arrays.toString(counts) + "]";
    }
}
