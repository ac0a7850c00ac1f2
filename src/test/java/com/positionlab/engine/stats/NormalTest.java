package com.positionlab.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.kelly.WilsonInterval;

/** The one normal distribution against Commons Math's NormalDistribution and known values. */
class NormalTest {

    private final NormalDistribution reference = new NormalDistribution(null, 0, 1);

    @Test
    void quantileAgreesWithTheReferenceInverseAcrossTheRange() {
        // Commons Math inverts with erf^-1(2u - 1), itself inexact below u = 1e-6: compared from there up.
        for (double u : new double[] {1e-6, 0.001, 0.01, 0.02425, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95,
                0.975, 0.99, 0.995, 0.999, 1 - 1e-6}) {
            double exact = reference.inverseCumulativeProbability(u);
            assertThat(Normal.quantile(u)).as("u=%s", u).isCloseTo(exact, within(1e-11 * Math.max(1, Math.abs(exact))));
        }
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(Normal.quantile(1e-10)).isCloseTo(-6.3613409024, within(1e-9)); // R: qnorm(1e-10)
        assertThat(WilsonInterval.z(0.95)).isEqualTo(Normal.twoSided(0.95));
        assertThatThrownBy(() -> Normal.quantile(1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepTailQuantilesInvertTheCdfToFullPrecision() {
        for (double u : new double[] {1e-300, 1e-100, 1e-20, 1e-12, 7.4e-12, 1e-6}) {
            double x = Normal.quantile(u);
            assertThat(Normal.cdf(x)).as("u=%s", u).isCloseTo(u, within(1e-12 * u));
            assertThat(Normal.quantile(1 - 1e-10)).isCloseTo(-Normal.quantile(1e-10), within(1e-6));
        }
    }

    @Test
    void cdfAndPdfAgreeWithTheReferenceAndInvertTheQuantile() {
        for (double x = -7; x <= 7; x += 0.25) {
            assertThat(Normal.cdf(x)).as("x=%s", x).isCloseTo(reference.cumulativeProbability(x),
                    within(1e-15 + 1e-13 * reference.cumulativeProbability(x)));
            assertThat(Normal.pdf(x)).as("x=%s", x).isCloseTo(reference.density(x), within(1e-16));
            if (x <= 0) { // for x > 0, u = Phi(x) near 1 keeps fewer digits than x needs; the mirror covers it
                assertThat(Normal.quantile(Normal.cdf(x))).as("x=%s", x).isCloseTo(x, within(1e-13 * Math.max(1, -x)));
                if (x >= -4) {
                    assertThat(Normal.quantile(1 - Normal.cdf(x))).isCloseTo(-x, within(1e-9));
                }
            }
        }
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.pdf(0)).isCloseTo(0.3989422804014327, within(1e-16));
    }
}
