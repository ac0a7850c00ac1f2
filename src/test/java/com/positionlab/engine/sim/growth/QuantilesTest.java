package com.positionlab.engine.sim.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.stats.Quantiles;

class QuantilesTest {

    @Test
    void selectionAgreesWithSortingIncludingTiesAndInfinities() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(3000);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = rng.nextInt(10);
                values[i] = kind == 0 ? Double.POSITIVE_INFINITY : kind < 4 ? rng.nextInt(5) : rng.nextGaussian();
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double[] expected = new double[Percentiles.LEVELS.length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = sorted[(int) Percentiles.rank(Percentiles.LEVELS[i], n) - 1];
            }

            assertThat(Quantiles.nearestRankPercentiles(values, Percentiles.LEVELS)).containsExactly(expected);
        }
    }

    @Test
    void rankIsTheCeilingOfLevelTimesCount() {
        assertThat(Percentiles.rank(5, 10_000)).isEqualTo(500);
        assertThat(Percentiles.rank(5, 10_001)).isEqualTo(501);
        assertThat(Percentiles.rank(50, 1)).isEqualTo(1);
        assertThat(Percentiles.rank(95, 20)).isEqualTo(19);
    }
}
