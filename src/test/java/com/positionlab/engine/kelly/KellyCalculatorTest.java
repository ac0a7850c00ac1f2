package com.positionlab.engine.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.positionlab.engine.InvalidParameterException;

/** Kelly fractions, adjustment, intervals and sensitivities against closed forms and published values. */
class KellyCalculatorTest {

    private static final double EXACT = 1e-12;

    @ParameterizedTest(name = "p={0}, b={1} -> f*={2}")
    @CsvSource({
            "0.6, 1, 0.2",
            "0.5, 1, 0",
            "0.5, 2, 0.25",
            "0.55, 1.5, 0.25",
            "0.4, 2, 0.1",
            "0.4, 1, -0.2",
            "0, 2, -0.5",
            "1, 0.5, 1"})
    void discreteKellyIsPMinusQOverB(double p, double b, double expected) {
        assertThat(Kelly.discrete(p, b)).isCloseTo(expected, within(EXACT));
    }

    @Test
    void continuousKellyIsMuOverSigmaSquared() {
        assertThat(Kelly.continuous(0.08, 0.2)).isCloseTo(2.0, within(EXACT));
        assertThat(Kelly.continuous(-0.04, 0.2)).isCloseTo(-1.0, within(EXACT));
    }

    @Test
    void adjustedKellyCapsScalesAndNeverGoesShort() {
        KellyPolicy defaults = KellyPolicy.defaults();
        assertThat(defaults.adjust(0.2, 1, 1)).isCloseTo(0.05, within(EXACT));
        assertThat(defaults.adjust(0.8, 1, 1)).as("raw capped at 0.5, then x 0.25").isCloseTo(0.125, within(EXACT));
        assertThat(defaults.adjust(-0.3, 1, 1)).isZero();
        assertThat(defaults.adjust(0.2, 0.5, 1.5)).isCloseTo(0.2 * 0.25 * 0.5 * 1.5, within(EXACT));
        KellyPolicy bounded = new KellyPolicy(0.5, 0.25, 0.01, 0.10);
        assertThat(bounded.adjust(0.01, 1, 1)).as("raised to the minimum position").isEqualTo(0.01);
        assertThat(bounded.adjust(0.5, 1, 2)).as("cut to the maximum position").isEqualTo(0.10);
        assertThat(bounded.adjust(-0.1, 1, 1)).as("a negative edge stays at zero").isZero();
    }

    @Test
    void wilsonIntervalMatchesItsFormulaAndThePublishedExample() {
        Interval ci = WilsonInterval.of(0.6, 100, 0.95);
        assertThat(ci.lower()).isCloseTo(0.5020, within(1e-4));
        assertThat(ci.upper()).isCloseTo(0.6906, within(1e-4));
        double z = 1.959963984540054;
        double p = 0.3;
        int n = 40;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        Interval other = WilsonInterval.of(p, n, 0.95);
        // z comes from a rational approximation accurate to about 1e-9, hence 1e-8 here.
        assertThat(other.lower()).isCloseTo(centre - half, within(1e-8));
        assertThat(other.upper()).isCloseTo(centre + half, within(1e-8));
        Interval allWins = WilsonInterval.of(1.0, 10, 0.95);
        assertThat(allWins.upper()).isCloseTo(1.0, within(EXACT));
        assertThat(allWins.lower()).isCloseTo(10 / (10 + z * z), within(1e-8));
    }

    @Test
    void kellyIntervalIsTheWilsonIntervalMappedThroughKelly() {
        KellyAnalysis a = KellyCalculator.discrete(0.6, 150, 100, 100, 0.95, KellyPolicy.defaults());
        Interval pi = WilsonInterval.of(0.6, 100, 0.95);
        assertThat(a.kellyFraction()).isCloseTo(0.6 - 0.4 / 1.5, within(EXACT));
        assertThat(a.confidenceInterval().lower()).isCloseTo(Kelly.discrete(pi.lower(), 1.5), within(EXACT));
        assertThat(a.confidenceInterval().upper()).isCloseTo(Kelly.discrete(pi.upper(), 1.5), within(EXACT));
        assertThat(a.confidenceInterval().contains(a.kellyFraction())).isTrue();
        KellyAnalysis more = KellyCalculator.discrete(0.6, 150, 100, 1000, 0.95, KellyPolicy.defaults());
        assertThat(more.confidenceInterval().width()).isLessThan(a.confidenceInterval().width());
        assertThat(KellyCalculator.discrete(0.6, 150, 100, null, 0.95, KellyPolicy.defaults()).confidenceInterval())
                .isNull();
    }

    @Test
    void sensitivitiesAreTheDerivativesOfKelly() {
        double p = 0.55;
        double b = 1.4;
        double h = 1e-6;
        KellyAnalysis a = KellyCalculator.discrete(p, 140, 100, null, 0.95, KellyPolicy.defaults());
        double dp = (Kelly.discrete(p + h, b) - Kelly.discrete(p - h, b)) / (2 * h);
        double db = (Kelly.discrete(p, b + h) - Kelly.discrete(p, b - h)) / (2 * h);
        assertThat(a.sensitivity().dKellyDWinProbability()).isCloseTo(dp, within(1e-8));
        assertThat(a.sensitivity().dKellyDPayoff()).isCloseTo(db, within(1e-8));
    }

    @Test
    void growthTablePeaksAtKellyAndTurnsNegativeAtTheZeroGrowthFraction() {
        double p = 0.55;
        double b = 1.0;
        KellyAnalysis a = KellyCalculator.discrete(p, 1, 1, null, 0.95, KellyPolicy.defaults());
        var table = a.sensitivity().growthTable();
        assertThat(table).extracting(KellyAnalysis.GrowthPoint::kellyMultiple).containsExactly(0.25, 0.5, 0.75, 1.0, 1.5, 2.0);
        assertThat(table.get(3).relativeGrowth()).isCloseTo(1.0, within(EXACT));
        assertThat(table).allSatisfy(g -> assertThat(g.logGrowth()).isLessThanOrEqualTo(a.sensitivity().growthAtKelly()));
        // For even-money bets with a small edge, half Kelly keeps about 3/4 of the growth.
        assertThat(table.get(1).relativeGrowth()).isCloseTo(0.75, within(0.01));
        double f0 = a.sensitivity().zeroGrowthFraction();
        assertThat(Kelly.logGrowth(p, b, f0)).isCloseTo(0.0, within(1e-12));
        assertThat(f0).isGreaterThan(a.kellyFraction()).isCloseTo(2 * a.kellyFraction(), within(0.01));
    }

    @Test
    void continuousGrowthIsAParabolaWithZeroAtTwiceKelly() {
        KellyAnalysis a = KellyCalculator.continuous(0.08, 0.2, KellyPolicy.defaults());
        assertThat(a.sensitivity().growthAtKelly()).isCloseTo(0.08 * 0.08 / (2 * 0.04), within(EXACT));
        assertThat(a.sensitivity().growthTable().get(5).logGrowth()).isCloseTo(0.0, within(EXACT));
        assertThat(a.sensitivity().growthTable().get(1).relativeGrowth()).isCloseTo(0.75, within(EXACT));
        assertThat(a.sensitivity().zeroGrowthFraction()).isCloseTo(4.0, within(EXACT));
        assertThat(a.adjustedKelly()).isCloseTo(0.125, within(EXACT));
    }

    @Test
    void negativeEdgeHasNoGrowthTableAndSizesToZero() {
        KellyAnalysis a = KellyCalculator.discrete(0.4, 1, 1, 50, 0.95, KellyPolicy.defaults());
        assertThat(a.kellyFraction()).isCloseTo(-0.2, within(EXACT));
        assertThat(a.adjustedKelly()).isZero();
        assertThat(a.sensitivity().growthTable()).isEmpty();
        assertThat(a.sensitivity().zeroGrowthFraction()).isNaN();
    }

    @Test
    void multiAssetKellyIsSigmaInverseMuScaledToTheLeverageCap() {
        double[][] identity = {{1, 0}, {0, 1}};
        KellyAnalysis uncorrelated = KellyCalculator.multiAsset(new double[] {0.1, 0.05}, new double[] {0.2, 0.2 / 2},
                identity, 100, KellyPolicy.defaults());
        // Raw Kelly is (0.1 / 0.04, 0.05 / 0.01) = (2.5, 5): gross leverage 7.5; the weights keep its direction.
        assertThat(uncorrelated.kellyFraction()).isCloseTo(7.5, within(1e-12));
        assertThat(uncorrelated.weights()[1] / uncorrelated.weights()[0]).isCloseTo(2.0, within(1e-12));

        double[][] corr = {{1, 0.5}, {0.5, 1}};
        double[] mu = {0.1, 0.05};
        double[] vol = {0.2, 0.1};
        double[] f = KellyCalculator.multiAsset(mu, vol, corr, 100, KellyPolicy.defaults()).weights();
        double[] sigmaF = new double[2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                sigmaF[i] += vol[i] * corr[i][j] * vol[j] * f[j];
            }
        }
        assertThat(sigmaF[0] / mu[0]).as("Sigma f is proportional to mu").isCloseTo(sigmaF[1] / mu[1], within(1e-12));
        assertThat(sigmaF[0] / mu[0]).isPositive();

        KellyAnalysis capped = KellyCalculator.multiAsset(mu, vol, identity, 1.0, KellyPolicy.defaults());
        assertThat(capped.adjustedKelly()).isCloseTo(0.125, within(EXACT));
        assertThat(capped.weights()).containsExactly(new double[] {0.125 / 3, 0.25 / 3}, within(1e-12));
    }

    @Test
    void badInputsAreRejectedNamingTheField() {
        assertField(() -> Kelly.discrete(1.2, 1), "win_probability");
        assertField(() -> Kelly.discrete(Double.NaN, 1), "win_probability");
        assertField(() -> Kelly.payoffRatio(100, 0), "average_loss");
        assertField(() -> Kelly.payoffRatio(Double.POSITIVE_INFINITY, 1), "average_win");
        assertField(() -> Kelly.continuous(0.1, 0), "volatility");
        assertField(() -> WilsonInterval.of(0.5, 0, 0.95), "sample_size");
        assertField(() -> WilsonInterval.of(0.5, 10, 1.0), "confidence_level");
        assertField(() -> new KellyPolicy(0.7, 2.5, 0, 1), "kelly_multiplier");
        assertField(() -> KellyCalculator.multiAsset(new double[] {0.1, 0.1}, new double[] {0.2, 0.2},
                new double[][] {{1, 0.9}, {0.8, 1}}, 1, KellyPolicy.defaults()), "correlation_matrix");
        assertField(() -> KellyCalculator.multiAsset(new double[] {0.1, 0.1}, new double[] {0.2, 0.2},
                new double[][] {{1, 1}, {1, 1}}, 1, KellyPolicy.defaults()), "correlation_matrix");
    }

    private static void assertField(Runnable r, String field) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
