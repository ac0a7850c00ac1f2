package com.positionlab.engine.riskmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import com.positionlab.engine.InvalidParameterException;
import org.junit.jupiter.api.Test;

/**
 * Historical VaR and CVaR worked by hand on ten returns (which returns enter the tail), and on a large normal
 * sample against the normal closed forms within a few standard errors of the estimators.
 */
class HistoricalVarTest {

    private static final double EXACT = 1e-15;
    private static final double STANDARD_ERRORS = 4;

    /** Sorted: -0.03, -0.02, -0.01, -0.005, 0, 0.005, 0.01, 0.015, 0.02, 0.025. */
    private static final double[] TEN = {0.01, -0.02, 0.015, -0.03, 0.005, -0.01, 0.02, 0.0, -0.005, 0.025};

    @Test
    void ninetyPercentTailHoldsOnlyTheWorstReturn() {
        // h = 9 * 0.1 = 0.9: q = -0.03 + 0.9 * 0.01 = -0.021; only -0.03 is at or below it
        VarEstimate v = HistoricalVar.of(TEN, 0.90);
        assertThat(v.var()).isCloseTo(0.021, within(EXACT));
        assertThat(v.cvar()).isCloseTo(0.03, within(EXACT));
    }

    @Test
    void eightyPercentTailHoldsTheTwoWorstReturns() {
        // h = 9 * 0.2 = 1.8: q = -0.02 + 0.8 * 0.01 = -0.012; -0.03 and -0.02 are at or below it
        VarEstimate v = HistoricalVar.of(TEN, 0.80);
        assertThat(v.var()).isCloseTo(0.012, within(EXACT));
        assertThat(v.cvar()).isCloseTo(0.025, within(EXACT));
    }

    @Test
    void aReturnEqualToTheQuantileIsInTheTail() {
        // five values: h = 4 * 0.25 = 1, so q = -0.02 exactly, and the tail is {-0.04, -0.02}
        VarEstimate v = HistoricalVar.of(new double[] {0.01, -0.02, 0.03, -0.04, 0.0}, 0.75);
        assertThat(v.var()).isEqualTo(0.02);
        assertThat(v.cvar()).isCloseTo(0.03, within(EXACT));
    }

    @Test
    void allGainsGiveNegativeLosses() {
        VarEstimate v = HistoricalVar.of(new double[] {0.01, 0.02, 0.03}, 0.95);
        assertThat(v.var()).isCloseTo(-0.011, within(EXACT));
        assertThat(v.cvar()).isCloseTo(-0.01, within(EXACT));
    }

    @Test
    void largeNormalSampleMatchesTheNormalClosedForms() {
        double mu = 0.0004;
        double sd = 0.012;
        int n = 200_000;
        double c = 0.95;
        double p = 1 - c;
        SplittableRandom rng = new SplittableRandom(5);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = mu + sd * rng.nextGaussian();
        }
        VarEstimate v = HistoricalVar.of(r, c);
        double z = -1.6448536269514722;
        double phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        double es = phi / p;
        // quantile: sqrt(p (1 - p) / n) / density; tail mean: sqrt((Var(X | X <= q) + (1 - p)(q - ES)^2) / (n p))
        double varSe = sd * Math.sqrt(p * (1 - p) / n) / phi;
        double tailVariance = 1 - z * phi / p - es * es;
        double cvarSe = sd * Math.sqrt((tailVariance + (1 - p) * (z + es) * (z + es)) / (n * p));
        assertThat(v.var()).isCloseTo(-(mu + z * sd), within(STANDARD_ERRORS * varSe));
        assertThat(v.cvar()).isCloseTo(-(mu - sd * es), within(STANDARD_ERRORS * cvarSe));
        assertThat(STANDARD_ERRORS * varSe).as("the check is sharp").isLessThan(0.02 * v.var());
    }

    @Test
    void refusesFewerThanTwoReturnsNonFiniteReturnsAndBadConfidence() {
        assertThatThrownBy(() -> HistoricalVar.of(new double[] {0.01}, 0.95))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("returns: need at least 2 returns, got 1");
        assertThatThrownBy(() -> HistoricalVar.of(new double[] {0.01, Double.NaN}, 0.95))
                .hasMessageStartingWith("returns: value 2 is NaN");
        assertThatThrownBy(() -> HistoricalVar.of(TEN, 1.0))
                .hasMessage("confidence_level: must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> HistoricalVar.of(TEN, 0.0))
                .isInstanceOf(InvalidParameterException.class);
    }

    @org.junit.jupiter.api.Test
    void selectionGivesExactlyWhatSortingGives() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 2 + rnd.nextInt(300);
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                // Rounded values make ties common, the hard case for selection.
                r[i] = Math.rint((rnd.nextDouble() - 0.5) * 40) / 1000;
            }
            double c = 0.5 + 0.49 * rnd.nextDouble();
            double[] sorted = r.clone();
            java.util.Arrays.sort(sorted);
            VarEstimate expected = HistoricalVar.ofSorted(sorted, c);
            double[] before = r.clone();
            VarEstimate actual = HistoricalVar.of(r, c);
            org.assertj.core.api.Assertions.assertThat(actual.var()).isEqualTo(expected.var());
            org.assertj.core.api.Assertions.assertThat(actual.cvar()).isCloseTo(expected.cvar(),
                    org.assertj.core.api.Assertions.within(1e-15));
            org.assertj.core.api.Assertions.assertThat(r).containsExactly(before);
        }
    }
}
