package com.positionlab.engine.optimize.bl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * PyPortfolioOpt's case {@code pypfopt-bl-idzorek-identity-5-assets}: five uncorrelated assets of unit variance,
 * a prior of 0.1 and a view of 0.3 on each. With tau = 0.05 each posterior is
 * {@code 0.1 + 0.2 tau / (tau + omega)}, and Idzorek's omega makes it {@code 0.1 + 0.2 c} for confidence c.
 */
class IdzorekTest {

    private static final int N = 5;
    private static final double TAU = 0.05;
    /** pandas assert_series_equal defaults. */
    private static final double SERIES_RTOL = 1e-5;
    private static final double SERIES_ATOL = 1e-8;
    /** numpy assert_almost_equal(decimal=6) and (decimal=7). */
    private static final double SIX_DECIMALS = 1.5e-6;
    private static final double SEVEN_DECIMALS = 1.5e-7;

    private static double[][] identity(double scale) {
        double[][] m = new double[N][N];
        for (int i = 0; i < N; i++) {
            m[i][i] = scale;
        }
        return m;
    }

    private static Views viewsOf03() {
        double[] q = new double[N];
        Arrays.fill(q, 0.3);
        return Views.absolute(N, new int[] {0, 1, 2, 3, 4}, q);
    }

    private static double[] posterior(ViewUncertainty uncertainty) {
        double[] pi = new double[N];
        Arrays.fill(pi, 0.1);
        return new BlackLitterman(identity(1), pi, viewsOf03(), TAU, uncertainty).posterior().returns();
    }

    private static double[] confidences(double c) {
        double[] out = new double[N];
        Arrays.fill(out, c);
        return out;
    }

    private static void allSeriesEqual(double[] actual, double expected) {
        for (double v : actual) {
            assertThat(v).isCloseTo(expected, within(SERIES_ATOL + SERIES_RTOL * Math.abs(expected)));
        }
    }

    @Test
    void zeroOmegaGivesTheViewsAndAHugeOneThePrior() {
        allSeriesEqual(posterior(ViewUncertainty.given(identity(0))), 0.3);
        allSeriesEqual(posterior(ViewUncertainty.given(identity(1e6))), 0.1);
    }

    @Test
    void fullConfidenceIsZeroOmegaAndNoConfidenceIsOneMillion() {
        double[][] certain = ViewUncertainty.idzorek(confidences(1)).omega(viewsOf03(), identity(1), TAU);
        double[][] unsure = ViewUncertainty.idzorek(confidences(0)).omega(viewsOf03(), identity(1), TAU);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                assertThat(certain[i][j]).isCloseTo(0, within(SIX_DECIMALS));
                assertThat(unsure[i][j]).isCloseTo(identity(1e6)[i][j], within(SIX_DECIMALS));
            }
        }
        allSeriesEqual(posterior(ViewUncertainty.idzorek(confidences(1))), 0.3);
        allSeriesEqual(posterior(ViewUncertainty.idzorek(confidences(0))), 0.1);
    }

    @Test
    void halfConfidenceMovesHalfWay() {
        allSeriesEqual(posterior(ViewUncertainty.idzorek(confidences(0.5))), 0.2);
    }

    @Test
    void confidenceCMovesTheFractionCOfTheWay() {
        for (int i = 0; i <= 5; i++) {
            double c = i * 0.2;
            double[] mu = posterior(ViewUncertainty.idzorek(confidences(c)));
            assertThat(mu[0]).as("confidence %s", c).isCloseTo(0.1 + i * 0.04, within(SEVEN_DECIMALS));
        }
    }
}
