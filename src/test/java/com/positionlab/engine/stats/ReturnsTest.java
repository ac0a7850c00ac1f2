package com.positionlab.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/**
 * {@link Returns} on numbers worked out by hand: simple returns of a known price list, the sample
 * standard deviation in closed form, annualisation by sqrt(252), and a correlation matrix equal to
 * Commons Math's {@link PearsonsCorrelation}, symmetric, with a unit diagonal, 0 for a constant column.
 */
class ReturnsTest {

    private static final double EXACT = 1e-15;
    private static final double MATCHES_COMMONS_MATH = 1e-12;

    @Test
    void simpleReturnsOfKnownPrices() {
        double[] r = Returns.simpleReturns(new double[] {100, 110, 99, 99, 198});
        assertThat(r).containsExactly(new double[] {0.10, -0.10, 0.0, 1.0}, within(EXACT));
    }

    @Test
    void fewerThanTwoPricesGiveNoReturns() {
        assertThat(Returns.simpleReturns(new double[] {100})).isEmpty();
        assertThat(Returns.simpleReturns(new double[0])).isEmpty();
    }

    @Test
    void sampleStdDevUsesTheNMinusOneDivisor() {
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        assertThat(Returns.mean(x)).isEqualTo(5.0);
        assertThat(Returns.sampleStdDev(x)).isCloseTo(Math.sqrt(32.0 / 7.0), within(EXACT));
    }

    @Test
    void statisticsOfTooFewValuesAreNaN() {
        assertThat(Returns.mean(new double[0])).isNaN();
        assertThat(Returns.sampleStdDev(new double[] {1.0})).isNaN();
        assertThat(Returns.annualisedVolatility(new double[] {0.01}, Returns.TRADING_DAYS)).isNaN();
    }

    @Test
    void annualisedVolatilityIsDailyStdTimesSqrt252() {
        // these returns sum to zero, so the sample variance is their sum of squares over n - 1
        double[] daily = {0.01, -0.02, 0.015, 0.0, -0.005};
        double std = Math.sqrt((0.0001 + 0.0004 + 0.000225 + 0.0 + 0.000025) / 4);
        assertThat(Returns.annualisedVolatility(daily, Returns.TRADING_DAYS))
                .isCloseTo(std * Math.sqrt(252), within(1e-15));
        assertThat(Returns.annualisedVolatility(daily, 12)).isCloseTo(std * Math.sqrt(12), within(1e-15));
    }

    @Test
    void correlationMatrixMatchesCommonsMath() {
        double[][] returns = correlatedReturns(1260, 30, 42L);
        double[][] ours = Returns.correlationMatrix(returns);
        double[][] theirs = new PearsonsCorrelation(returns).getCorrelationMatrix().getData();
        for (int i = 0; i < ours.length; i++) {
            assertThat(ours[i]).containsExactly(theirs[i], within(MATCHES_COMMONS_MATH));
        }
    }

    @Test
    void correlationMatrixIsSymmetricWithUnitDiagonalAndBounded() {
        double[][] c = Returns.correlationMatrix(correlatedReturns(500, 12, 7L));
        for (int i = 0; i < c.length; i++) {
            assertThat(c[i][i]).isEqualTo(1.0);
            for (int j = 0; j < c.length; j++) {
                assertThat(c[i][j]).isEqualTo(c[j][i]).isBetween(-1.0, 1.0);
            }
        }
    }

    @Test
    void perfectlyLinearColumnsCorrelateOneAndMinusOne() {
        double[][] returns = new double[50][3];
        SplittableRandom rng = new SplittableRandom(3);
        for (double[] row : returns) {
            row[0] = rng.nextGaussian();
            row[1] = 2.5 * row[0] + 0.01;
            row[2] = -0.5 * row[0];
        }
        double[][] c = Returns.correlationMatrix(returns);
        assertThat(c[0][1]).isCloseTo(1.0, within(1e-12));
        assertThat(c[0][2]).isCloseTo(-1.0, within(1e-12));
        assertThat(c[1][2]).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void zeroVarianceColumnCorrelatesZeroWithOthersAndOneWithItself() {
        double[][] returns = {{0.01, 0.0, 0.02}, {-0.02, 0.0, 0.01}, {0.03, 0.0, -0.01}, {0.0, 0.0, 0.0}};
        double[][] c = Returns.correlationMatrix(returns);
        assertThat(c[1]).containsExactly(0.0, 1.0, 0.0);
        assertThat(c[0][1]).isZero();
        assertThat(c[2][1]).isZero();
    }

    @Test
    void fewerThanTwoObservationsAreRejected() {
        assertThatThrownBy(() -> Returns.correlationMatrix(new double[][] {{0.01, 0.02}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("returns")
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> Returns.correlationMatrix(new double[0][0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Returns driven by one common factor, so the correlations are far from zero and of both signs. */
    static double[][] correlatedReturns(int days, int assets, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] loading = new double[assets];
        for (int i = 0; i < assets; i++) {
            loading[i] = rng.nextDouble(-1.5, 1.5);
        }
        double[][] r = new double[days][assets];
        for (double[] row : r) {
            double market = 0.01 * rng.nextGaussian();
            for (int i = 0; i < assets; i++) {
                row[i] = 0.0003 + loading[i] * market + 0.012 * rng.nextGaussian();
            }
        }
        return r;
    }
}
