package com.positionlab.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Inverse-volatility and volatility-target weights on closes whose daily returns alternate +a, -a: the sample
 * standard deviation of n such returns (n even, mean 0) is a sqrt(n / (n - 1)), annualised by sqrt(252).
 */
class VolatilityScaledTest {

    /** Five instruments over 21 closes: returns alternating +-1%, +-2%, +-4%, an unlisted one, a flat one. */
    private static PriceWindow window() {
        double[] amplitude = {0.01, 0.02, 0.04};
        double[][] prices = new double[21][5];
        LocalDate[] dates = Markets.weekdays(LocalDate.of(2024, 1, 1), 21);
        for (int t = 0; t < 21; t++) {
            for (int i = 0; i < 3; i++) {
                prices[t][i] = t == 0 ? 100 : prices[t - 1][i] * (1 + (t % 2 == 1 ? amplitude[i] : -amplitude[i]));
            }
            prices[t][3] = t < 10 ? Double.NaN : 50;
            prices[t][4] = 20;
        }
        return new PriceWindow(prices, dates, 20, 21);
    }

    private static double sigma(double a) {
        return a * Math.sqrt(20.0 / 19) * Math.sqrt(252);
    }

    @Test
    void inverseVolatilityWeightsAreOneOverSigmaNormalisedOverThePricedInstruments() {
        double[] w = new VolatilityScaled(Double.NaN, 1).targetWeights(window(), new double[5]);
        double sum = 1 / sigma(0.01) + 1 / sigma(0.02) + 1 / sigma(0.04);
        assertThat(w[0]).isCloseTo(1 / sigma(0.01) / sum, within(1e-12));
        assertThat(w[1]).isCloseTo(1 / sigma(0.02) / sum, within(1e-12));
        assertThat(w[2]).isCloseTo(1 / sigma(0.04) / sum, within(1e-12));
        assertThat(w[0]).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(w[3]).as("not priced over the whole window").isZero();
        assertThat(w[4]).as("no volatility").isZero();
    }

    @Test
    void aVolatilityTargetSizesEachPositionToItAndKeepsTheRestInCash() {
        double target = 0.05;
        double[] w = new VolatilityScaled(target, 0.2).targetWeights(window(), new double[5]);
        // target / sigma / 3 each, the first capped at 20%; their sum is below one, so nothing is scaled
        assertThat(w[0]).isCloseTo(Math.min(target / sigma(0.01) / 3, 0.2), within(1e-12));
        assertThat(w[1]).isCloseTo(target / sigma(0.02) / 3, within(1e-12));
        assertThat(w[2]).isCloseTo(target / sigma(0.04) / 3, within(1e-12));
        assertThat(w[0] + w[1] + w[2]).isLessThan(1);
        double[] big = new VolatilityScaled(2, 1).targetWeights(window(), new double[5]);
        assertThat(big[0] + big[1] + big[2]).as("scaled down to be fully invested at most").isCloseTo(1, within(1e-12));
    }
}
