package com.positionlab.engine.sim.growth;

import java.util.Arrays;

/**
 * One simulated path, for charts: {@code wealth[i]} is its wealth at the time of the i-th band
 * ({@link FractionResult#bands()}{@code .get(i).bet()}), in the unit of the initial capital.
 *
 * @param path the path's index among all simulated paths
 */
public record SamplePath(int path, double[] wealth) {

    public SamplePath {
        wealth = wealth.clone();
    }

    @Override
    public double[] wealth() {
        return wealth.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamplePath s && path == s.path && Arrays.equals(wealth, s.wealth);
    }

    @Override
    public int hashCode() {
        return 31 * path + Arrays.hashCode(wealth);
    }

    @Override
    public String toString() {
        return "SamplePath[path=" + path + ", wealth=" + Arrays.toString(wealth) + "]";
    }
}
