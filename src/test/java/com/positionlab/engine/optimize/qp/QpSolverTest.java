package com.positionlab.engine.optimize.qp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.optimize.CriticalLine;

/**
 * The convex solver on programs with known answers: small ones worked by hand, and minimum-variance problems
 * whose exact answer the critical line algorithm gives; infeasible and unbounded programs are errors.
 */
class QpSolverTest {

    private static final double EXACT = 1e-10;

    @Test
    void aBoundThatBindsMovesTheMinimumOntoIt() {
        // minimise x^2 + y^2 with x + y = 1 and x >= 0.7: the bound binds, (0.7, 0.3)
        QuadraticProgram p = QuadraticProgram.builder(2).quadratic(0, 2).quadratic(1, 2)
                .equal("budget", new double[] {1, 1}, 1).bounds(0, 0.7, Double.POSITIVE_INFINITY)
                .build();
        QpResult r = QpSolver.solve(p);
        assertThat(r.x()[0]).isCloseTo(0.7, within(EXACT));
        assertThat(r.x()[1]).isCloseTo(0.3, within(EXACT));
        assertThat(r.objective()).isCloseTo(0.58 / 2 * 2, within(EXACT));
        assertThat(r.polished()).isTrue();
    }

    @Test
    void aLinearProgramEndsAtItsBestVertex() {
        // maximise 3x + 2y with x + y <= 4, x + 3y <= 6, x <= 3, x, y >= 0: the vertex (3, 1), value 11
        QuadraticProgram p = QuadraticProgram.builder(2).linear(0, -3).linear(1, -2)
                .atMost("a", new double[] {1, 1}, 4).atMost("b", new double[] {1, 3}, 6)
                .bounds(0, 0, 3).bounds(1, 0, Double.POSITIVE_INFINITY).build();
        QpResult r = QpSolver.solve(p);
        assertThat(r.x()[0]).isCloseTo(3, within(EXACT));
        assertThat(r.x()[1]).isCloseTo(1, within(EXACT));
        assertThat(r.objective()).isCloseTo(-11, within(EXACT));
    }

    @Test
    void minimumVarianceAgreesWithTheCriticalLineOnRandomProblems() {
        Random random = new Random(12);
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + random.nextInt(30);
            double[][] cov = randomCovariance(random, n);
            double[] mu = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            QuadraticProgram.Builder b = QuadraticProgram.builder(n).quadratic(cov, 2);
            double[] ones = new double[n];
            for (int i = 0; i < n; i++) {
                mu[i] = random.nextGaussian() * 0.1;
                lo[i] = trial % 2 == 0 ? 0 : -0.5;
                hi[i] = Math.max(0.6, 2.0 / n);
                ones[i] = 1;
                b.bounds(i, lo[i], hi[i]);
            }
            QpResult r = QpSolver.solve(b.equal("budget", ones, 1).build());
            double[] exact = CriticalLine.solve(mu, cov, lo, hi).minVolatility();
            for (int i = 0; i < n; i++) {
                assertThat(r.x()[i]).as("trial %d asset %d", trial, i).isCloseTo(exact[i], within(1e-9));
            }
        }
    }

    @Test
    void anInfeasibleProgramIsAnErrorNotAResult() {
        QuadraticProgram p = QuadraticProgram.builder(2).quadratic(0, 1).quadratic(1, 1)
                .equal("budget", new double[] {1, 1}, 1).bounds(0, 0, 0.3).bounds(1, 0, 0.3).build();
        assertThatThrownBy(() -> QpSolver.solve(p)).isInstanceOf(OptimizationException.class)
                .extracting(e -> ((OptimizationException) e).status())
                .isEqualTo(OptimizationException.Status.INFEASIBLE);
    }

    @Test
    void anUnboundedProgramIsAnErrorNotAResult() {
        QuadraticProgram p = QuadraticProgram.builder(2).linear(0, -1).atMost("a", new double[] {0, 1}, 1).build();
        assertThatThrownBy(() -> QpSolver.solve(p)).isInstanceOf(OptimizationException.class);
    }

    static double[][] randomCovariance(Random random, int n) {
        int k = n + 5;
        double[][] x = new double[k][n];
        for (double[] row : x) {
            double common = random.nextGaussian();
            for (int i = 0; i < n; i++) {
                row[i] = 0.5 * common + random.nextGaussian() * (0.5 + i % 3);
            }
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (double[] row : x) {
                    s += row[i] * row[j];
                }
                cov[i][j] = s / k * 0.04;
            }
        }
        return cov;
    }
}
