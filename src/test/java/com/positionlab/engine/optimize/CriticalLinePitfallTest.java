package com.positionlab.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.optimize.FrontierCases.Case;

/**
 * The known pitfalls of published critical line implementations, each on a problem built to provoke it:
 * equal and tied expected returns, zero denominators in the lambda step, singular (rank-deficient) and
 * nearly singular covariances, degenerate vertices where several weights reach a bound at one lambda, and rows
 * that leave no portfolio. Answers are compared with a convex program (see {@link FrontierCases}).
 */
class CriticalLinePitfallTest {

    private static final double FEASIBLE = CriticalLinePropertyTest.FEASIBLE;
    private static final double AGREE = CriticalLinePropertyTest.AGREE;

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        Arrays.fill(x, v);
        return x;
    }

    private static void certified(Case c, Frontier f) {
        for (TurningPoint t : f.points()) {
            CriticalLinePropertyTest.feasible(c, t.weights(), c.kind());
            CriticalLinePropertyTest.agrees(c, t.weights(), t.expectedReturn(), c.kind());
        }
    }

    /** With every mean equal, lambda's coefficient q of every reduced gradient is zero: no event can occur. */
    @Test
    void equalMeansGiveZeroDenominatorsAndTheMinimumVarianceAlone() {
        int n = 20;
        Case c = new Case("equal means", filled(n, 0.07), FrontierCases.factor(new Random(3), n, 0.01),
                filled(n, 0), filled(n, 0.2), List.of(), 1);
        Frontier f = c.solve();
        assertThat(f.points()).hasSize(1);
        certified(c, f);
        assertThat(f.maxSharpe(0.02)).containsExactly(f.minVolatility());
    }

    /** Three assets share the highest mean and a cap that the budget exceeds: the top is their best split. */
    @Test
    void tiedHighestMeansStartFromTheirLeastVarianceSplit() {
        int n = 8;
        double[] mu = {0.12, 0.12, 0.12, 0.08, 0.07, 0.05, 0.12, 0.03};
        Case c = new Case("tied means", mu, FrontierCases.factor(new Random(4), n, 0.01), filled(n, 0),
                filled(n, 0.4), List.of(), 1);
        Frontier f = c.solve();
        assertThat(f.points().get(0).expectedReturn()).isCloseTo(0.12, within(FEASIBLE));
        certified(c, f);
    }

    /**
     * Thirty assets from ten observations: the sample covariance has rank 9, so the free block is singular
     * once more than ten weights are free; the path moves along zero-variance directions instead of inverting.
     */
    @Test
    void rankDeficientCovarianceFromFewerObservationsThanAssets() {
        int n = 30;
        Random rnd = new Random(10);
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = 0.03 + 0.1 * rnd.nextDouble();
        }
        double[][] cov = FrontierCases.sample(rnd, n, 10);
        for (double hi : new double[] {1, 0.2}) {
            Case c = new Case("rank-deficient covariance", mu, cov, filled(n, 0), filled(n, hi), List.of(), 1);
            Frontier f = c.solve();
            certified(c, f);
            assertThat(f.points().get(f.points().size() - 1).variance()).isLessThan(1e-12);
        }
    }

    /**
     * Pairs of uncorrelated assets with the same mean and variance reach their bounds at the same lambda,
     * two events at one vertex; a duplicated asset (two equal rows of the covariance) can never be freed with
     * its twin by inversion.
     */
    @Test
    void degenerateVerticesAndDuplicatedAssets() {
        double[] mu = {0.10, 0.10, 0.08, 0.08, 0.06, 0.06};
        double[][] cov = new double[6][6];
        double[] var = {0.04, 0.04, 0.02, 0.02, 0.01, 0.01};
        for (int i = 0; i < 6; i++) {
            cov[i][i] = var[i];
        }
        Case pairs = new Case("degenerate vertices", mu, cov, filled(6, 0), filled(6, 0.3), List.of(), 1);
        Frontier f = pairs.solve();
        certified(pairs, f);
        for (TurningPoint t : f.points()) {
            for (int i = 0; i < 6; i += 2) {
                assertThat(t.weights()[i]).isCloseTo(t.weights()[i + 1], within(FEASIBLE));
            }
        }
        double[][] twin = FrontierCases.factor(new Random(6), 5, 0.01);
        double[][] dup = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                dup[i][j] = twin[Math.min(i, 4)][Math.min(j, 4)];
            }
        }
        double[] muDup = {0.05, 0.09, 0.07, 0.11, 0.11, 0.11};
        Case twins = new Case("duplicated asset", muDup, dup, filled(6, 0), filled(6, 0.3), List.of(), 1);
        certified(twins, twins.solve());
    }

    /**
     * A covariance of condition number about 1e8 (three factors plus idiosyncratic variance of 1e-9): each
     * problem either gives a frontier that agrees with the convex program, or is refused with an
     * IllegalStateException; never a wrong frontier.
     */
    @Test
    void extremelyIllConditionedCovarianceIsAnsweredRightOrRefused() {
        Random rnd = new Random(12);
        int refused = 0;
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + rnd.nextInt(40);
            double[] mu = new double[n];
            for (int i = 0; i < n; i++) {
                mu[i] = 0.02 + 0.15 * rnd.nextDouble();
            }
            Case c = new Case("near-singular covariance", mu, FrontierCases.factor(rnd, n, 1e-9), filled(n, 0),
                    filled(n, 0.5), List.of(), 1);
            try {
                Frontier f = c.solve();
                for (TurningPoint t : f.points()) {
                    CriticalLinePropertyTest.feasible(c, t.weights(), "trial " + trial);
                    double[] qp = FrontierCases.leastVarianceAt(c, t.expectedReturn());
                    assertThat(t.variance()).isCloseTo(TurningPoint.quadratic(qp, c.cov()), within(AGREE));
                }
            } catch (IllegalStateException e) {
                refused++;
            }
        }
        assertThat(refused).as("refused of 20").isLessThan(20);
    }

    @Test
    void fiftyEvenlySpacedPointsRunFromTheMinimumVarianceToTheTop() {
        Case c = FrontierCases.random(new Random(50), 0, 40);
        Frontier f = c.solve();
        List<TurningPoint> even = f.evenlySpaced(50);
        assertThat(even).hasSize(50);
        assertThat(even.get(0).weights()).containsExactly(f.minVolatility(), within(FEASIBLE));
        assertThat(even.get(49).expectedReturn()).isCloseTo(f.points().get(0).expectedReturn(), within(FEASIBLE));
        double step = (even.get(49).expectedReturn() - even.get(0).expectedReturn()) / 49;
        for (int k = 0; k < 50; k++) {
            TurningPoint p = even.get(k);
            assertThat(p.expectedReturn()).isCloseTo(even.get(0).expectedReturn() + k * step, within(FEASIBLE));
            assertThat(p.variance()).isCloseTo(TurningPoint.quadratic(p.weights(), c.cov()), within(AGREE));
            CriticalLinePropertyTest.feasible(c, p.weights(), "point " + k);
        }
    }

    @Test
    void rowsThatLeaveNoPortfolioAreRefused() {
        double[][] cov = {{0.04, 0}, {0, 0.09}};
        List<CriticalLine.Row> rows = List.of(CriticalLine.Row.atLeast("first", new double[] {1, 0}, 0.8),
                CriticalLine.Row.atLeast("second", new double[] {0, 1}, 0.8));
        assertThatThrownBy(() -> CriticalLine.solve(new double[] {0.1, 0.2}, cov, filled(2, 0), filled(2, 1), rows))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no portfolio satisfies");
        List<CriticalLine.Row> twice = List.of(CriticalLine.Row.equal("all", new double[] {1, 1}, 1));
        assertThatThrownBy(() -> CriticalLine.solve(new double[] {0.1, 0.2}, cov, filled(2, 0), filled(2, 1), twice))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linearly dependent");
    }
}
