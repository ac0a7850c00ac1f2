package com.positionlab.engine.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The fast normal quantile agrees with Commons Math's exact inverse to 1e-8 relative. */
class NormalQuantileTest {

    @Test
    void agreesWithTheExactInverseAcrossTheRange() {
        NormalDistribution n = new NormalDistribution(null, 0, 1);
        for (double u : new double[] {1e-10, 1e-6, 0.001, 0.01, 0.02425, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95,
                0.975, 0.99, 0.995, 0.999, 1 - 1e-6}) {
            double exact = n.inverseCumulativeProbability(u);
            assertThat(NormalQuantile.of(u)).as("u=%s", u).isCloseTo(exact, within(1e-8 * Math.max(1, Math.abs(exact))));
        }
        assertThat(WilsonInterval.z(0.95)).isCloseTo(1.959963984540054, within(1e-8));
    }
}
