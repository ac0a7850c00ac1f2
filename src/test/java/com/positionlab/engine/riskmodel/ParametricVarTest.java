package com.positionlab.engine.riskmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Parametric VaR: the normal closed forms, Cornish-Fisher equal to the normal without skew or excess kurtosis,
 * a skewed fat-tailed case against values worked out independently (scipy), its CVaR against a quadrature of the
 * quantile function over the tail, and the sample moments with scipy's bias=True conventions.
 */
class ParametricVarTest {

    private static final double CLOSE = 1e-12;
    /** The reference quantile in scipy is exact to about 1e-16; ours (Commons Math's erf^-1) to about 1e-15. */
    private static final double REFERENCE = 1e-13;

    private static final double Z_95 = -1.6448536269514722;

    @Test
    void normalClosedForms() {
        double mu = 0.0005;
        double sd = 0.015;
        VarEstimate v = ParametricVar.normal(mu, sd, 0.95);
        double phi = Math.exp(-0.5 * Z_95 * Z_95) / Math.sqrt(2 * Math.PI);
        assertThat(v.var()).isCloseTo(-(mu + Z_95 * sd), within(CLOSE));
        assertThat(v.cvar()).isCloseTo(-(mu - sd * phi / 0.05), within(CLOSE));
        // scipy: -(mu + sd norm.ppf(0.05)), -(mu - sd norm.pdf(norm.ppf(0.05)) / 0.05)
        assertThat(v.var()).isCloseTo(0.02417280440427208, within(REFERENCE));
        assertThat(v.cvar()).isCloseTo(0.030440692112611387, within(REFERENCE));
    }

    @Test
    void normalAtNinetyNinePercent() {
        NormalDistribution n = new NormalDistribution(null, 0, 1);
        double z = n.inverseCumulativeProbability(0.01);
        VarEstimate v = ParametricVar.normal(0, 0.02, 0.99);
        assertThat(v.var()).isCloseTo(-0.02 * z, within(CLOSE));
        assertThat(v.cvar()).isCloseTo(0.02 * n.density(z) / 0.01, within(CLOSE));
        assertThat(v.cvar()).isGreaterThan(v.var());
    }

    @Test
    void cornishFisherWithoutSkewOrExcessKurtosisIsNormal() {
        for (double c : new double[] {0.9, 0.95, 0.975, 0.99, 0.999}) {
            VarEstimate normal = ParametricVar.normal(0.001, 0.02, c);
            VarEstimate cf = ParametricVar.cornishFisher(0.001, 0.02, 0, 0, c);
            assertThat(cf.var()).isCloseTo(normal.var(), within(CLOSE));
            assertThat(cf.cvar()).isCloseTo(normal.cvar(), within(CLOSE));
        }
    }

    @Test
    void cornishFisherWithNegativeSkewAndFatTails() {
        double mu = 0.0005;
        double sd = 0.015;
        double s = -0.8;
        double k = 2.5;
        VarEstimate v = ParametricVar.cornishFisher(mu, sd, s, k, 0.95);
        // z = -1.6448536; z^2 - 1 = 1.7055435; z^3 - 3z = -4.4502230 + 4.9345609 = 0.4843379;
        // 2z^3 - 5z = -8.9004459 + 8.2242681 = -0.6761778
        // z_cf = z + 1.7055435 (-0.8) / 6 + 0.4843379 (2.5) / 24 - (-0.6761778)(0.64) / 36
        //      = -1.6448536 - 0.2274058 + 0.0504519 + 0.0120209 = -1.8097866
        assertThat(v.var()).isCloseTo(-(mu + sd * -1.8097866159002904), within(REFERENCE));
        assertThat(v.var()).isCloseTo(0.026646799238504354, within(REFERENCE));
        // scipy.integrate.quad of z_cf(norm.ppf(u)) over (0, 0.05), divided by 0.05
        assertThat(v.cvar()).isCloseTo(0.04029701266052148, within(1e-11));
        assertThat(v.cvar()).isCloseTo(tailMeanByQuadrature(mu, sd, s, k, 0.95), within(1e-6));
        assertThat(v.var()).isGreaterThan(ParametricVar.normal(mu, sd, 0.95).var());
    }

    @Test
    void cornishFisherCvarEqualsTheQuadratureAcrossLevelsAndShapes() {
        double[][] shapes = {{0.5, 0.0}, {-0.3, 1.0}, {0.2, 4.0}, {-1.0, 6.0}};
        for (double[] shape : shapes) {
            for (double c : new double[] {0.9, 0.95, 0.99}) {
                VarEstimate v = ParametricVar.cornishFisher(0.0, 0.01, shape[0], shape[1], c);
                assertThat(v.cvar()).as("S=%s K=%s c=%s", shape[0], shape[1], c)
                        .isCloseTo(tailMeanByQuadrature(0.0, 0.01, shape[0], shape[1], c), within(1e-6));
            }
        }
    }

    /** -(mu + sd mean of z_cf(Phi^-1(u)) over (0, 1 - c)), by the midpoint rule on 200,000 cells. */
    private static double tailMeanByQuadrature(double mu, double sd, double s, double k, double c) {
        NormalDistribution n = new NormalDistribution(null, 0, 1);
        int cells = 200_000;
        double width = (1 - c) / cells;
        double sum = 0;
        for (int i = 0; i < cells; i++) {
            double z = n.inverseCumulativeProbability((i + 0.5) * width);
            sum += z + (z * z - 1) * s / 6 + (z * z * z - 3 * z) * k / 24 - (2 * z * z * z - 5 * z) * s * s / 36;
        }
        return -(mu + sd * sum / cells);
    }

    @Test
    void sampleMomentsFollowScipyBiasTrue() {
        double[] x = {0.01, -0.03, 0.02, -0.01, 0.005, 0.04, -0.02, 0.0};
        // numpy/scipy: mean 0.001875, std(ddof=1) 0.022350695099449848, skew 0.23803048101892416,
        // kurtosis (excess, bias=True) -0.7061120734474242
        double mean = 0.001875;
        double sd = 0.022350695099449848;
        VarEstimate normal = ParametricVar.of(x, 0.95, false);
        assertThat(normal.var()).isCloseTo(ParametricVar.normal(mean, sd, 0.95).var(), within(CLOSE));
        assertThat(normal.cvar()).isCloseTo(ParametricVar.normal(mean, sd, 0.95).cvar(), within(CLOSE));
        VarEstimate cf = ParametricVar.of(x, 0.95, true);
        VarEstimate expected = ParametricVar.cornishFisher(mean, sd, 0.23803048101892416, -0.7061120734474242, 0.95);
        assertThat(cf.var()).isCloseTo(expected.var(), within(CLOSE));
        assertThat(cf.cvar()).isCloseTo(expected.cvar(), within(CLOSE));
    }

    @Test
    void constantReturnsLoseNothingButTheirMean() {
        VarEstimate v = ParametricVar.of(new double[] {0.001, 0.001, 0.001}, 0.99, true);
        assertThat(v.var()).isCloseTo(-0.001, within(CLOSE));
        assertThat(v.cvar()).isCloseTo(-0.001, within(CLOSE));
    }

    @Test
    void refusesNegativeDeviationAndNonFiniteShape() {
        assertThatThrownBy(() -> ParametricVar.normal(0, -0.01, 0.95))
                .hasMessage("standard_deviation: must not be negative, got -0.01");
        assertThatThrownBy(() -> ParametricVar.cornishFisher(0, 0.01, Double.NaN, 0, 0.95))
                .hasMessageStartingWith("skewness:");
        assertThatThrownBy(() -> ParametricVar.normal(0, 0.01, 1.5))
                .hasMessage("confidence_level: must be in (0, 1), got 1.5");
        assertThatThrownBy(() -> ParametricVar.of(new double[] {0.01}, 0.95, true))
                .hasMessage("returns: need at least 2 returns, got 1");
    }
}
