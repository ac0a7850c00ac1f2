package com.positionlab.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.positionlab.engine.estimate.Covariances;
import com.positionlab.engine.estimate.ExpectedReturns;
import com.positionlab.engine.estimate.ReferencePrices;
import com.positionlab.engine.estimate.ReturnTable;

/**
 * The critical line algorithm against PyPortfolioOpt's cases (long-only maximum Sharpe by its CLA; minimum
 * volatility, maximum Sharpe and the closed-form efficient return with bounds [-1, 1]), and on random
 * problems: every turning point is fully invested and within its bounds, returns and variances fall along
 * the frontier, and the minimum-variance portfolio and a point inside every segment meet the optimality
 * (KKT) conditions of their problems; a fifth of them have tied expected returns.
 */
class CriticalLineTest {

    private static final Path DIR = ReferencePrices.DIR;

    private record Problem(double[] mu, double[][] cov) {
    }

    private static Problem reference() throws IOException {
        double[][] prices = ReferencePrices.stockPrices();
        ReturnTable r = ReturnTable.fromPrices(prices, false);
        return new Problem(ExpectedReturns.meanHistorical(r, true, 252), Covariances.sample(r, 252));
    }

    private static JsonNode performance(String id) throws IOException {
        for (JsonNode c : new ObjectMapper().readTree(DIR.resolve("cases.json").toFile()).get("cases")) {
            if (c.get("id").asText().equals(id)) {
                return c.get("expected").get("portfolio_performance");
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static void matches(double[] w, Problem p, double rf, JsonNode expected, double rtol) {
        double ret = TurningPoint.dot(w, p.mu());
        double vol = Math.sqrt(TurningPoint.quadratic(w, p.cov()));
        assertThat(ret).isCloseTo(expected.get("expected_return").asDouble(),
                org.assertj.core.data.Offset.offset(rtol * Math.abs(expected.get("expected_return").asDouble())));
        assertThat(vol).isCloseTo(expected.get("volatility").asDouble(),
                org.assertj.core.data.Offset.offset(rtol * expected.get("volatility").asDouble()));
        assertThat((ret - rf) / vol).isCloseTo(expected.get("sharpe_ratio").asDouble(),
                org.assertj.core.data.Offset.offset(rtol * Math.abs(expected.get("sharpe_ratio").asDouble())));
    }

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        Arrays.fill(x, v);
        return x;
    }

    @Test
    void pyPortfolioOptCases() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(ReferencePrices.present(), "reference data not present");
        Problem p = reference();
        int n = p.mu().length;
        Frontier longOnly = CriticalLine.solve(p.mu(), p.cov(), filled(n, 0), filled(n, 1));
        // Its CLA maximises the Sharpe ratio with a risk-free rate of 0; performance is stated at 0.02.
        matches(longOnly.maxSharpe(0), p, 0.02, performance("pypfopt-cla-max-sharpe-long-only"), 1e-7);
        Frontier shorts = CriticalLine.solve(p.mu(), p.cov(), filled(n, -1), filled(n, 1));
        matches(shorts.minVolatility(), p, 0.02, performance("pypfopt-ef-min-volatility-bounds-pm1"), 1e-6);
        matches(shorts.maxSharpe(0.02), p, 0.02, performance("pypfopt-ef-max-sharpe-bounds-pm1"), 1e-6);
        // Efficient return 0.25 with [-1, 1]: the bounds do not bind, so the Lagrangian solution holds.
        double[] w = shorts.efficientReturn(0.25);
        double[] lagrange = lagrangian(p, 0.25);
        for (int i = 0; i < n; i++) {
            assertThat(w[i]).as("w[%d]", i).isCloseTo(lagrange[i], org.assertj.core.data.Offset.offset(1.5e-7));
        }
    }

    /** Solves [[Sigma, mu, 1], [mu', 0, 0], [1', 0, 0]] x = [0, target, 1]. */
    private static double[] lagrangian(Problem p, double target) {
        int n = p.mu().length;
        SimpleMatrix a = new SimpleMatrix(n + 2, n + 2);
        SimpleMatrix b = new SimpleMatrix(n + 2, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.set(i, j, p.cov()[i][j]);
            }
            a.set(i, n, p.mu()[i]);
            a.set(n, i, p.mu()[i]);
            a.set(i, n + 1, 1);
            a.set(n + 1, i, 1);
        }
        b.set(n, 0, target);
        b.set(n + 1, 0, 1);
        SimpleMatrix x = a.solve(b);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = x.get(i);
        }
        return w;
    }

    @Test
    void randomProblemsGiveFeasibleMonotoneFrontiersWhoseMinimumMeetsKkt() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + rnd.nextInt(30);
            Problem p = random(rnd, n, trial % 5 == 0);
            double lo = trial % 3 == 0 ? -0.5 : 0;
            double hi = Math.max(1.0 / n + 0.05, rnd.nextDouble());
            Frontier f = CriticalLine.solve(p.mu(), p.cov(), filled(n, lo), filled(n, hi));
            TurningPoint prev = null;
            for (TurningPoint t : f.points()) {
                assertThat(Arrays.stream(t.weights()).sum()).as("trial %d budget", trial)
                        .isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
                for (double w : t.weights()) {
                    assertThat(w).as("trial %d bounds", trial).isBetween(lo - 1e-9, hi + 1e-9);
                }
                if (prev != null) {
                    assertThat(t.expectedReturn()).as("trial %d returns fall", trial)
                            .isLessThanOrEqualTo(prev.expectedReturn() + 1e-12);
                    assertThat(t.variance()).as("trial %d variances fall", trial)
                            .isLessThanOrEqualTo(prev.variance() + 1e-12);
                }
                prev = t;
            }
            kkt(f.minVolatility(), p, lo, hi, 0, trial);
            for (int k = 0; k + 1 < f.points().size(); k++) {
                double mid = (f.points().get(k).expectedReturn() + f.points().get(k + 1).expectedReturn()) / 2;
                efficient(f.efficientReturn(mid), p, lo, hi, trial);
            }
        }
    }

    /**
     * KKT of min w'Sigma w s.t. w'mu = r, sum(w) = 1 and bounds, with the return's multiplier not negative
     * (the upper frontier): Sigma w = a mu + g 1 + (bound multipliers), a and g fitted on two free assets.
     */
    private static void efficient(double[] w, Problem p, double lo, double hi, int trial) {
        int n = w.length;
        double[] sw = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sw[i] += p.cov()[i][j] * w[j];
            }
        }
        int[] free = java.util.stream.IntStream.range(0, n).filter(i -> w[i] > lo + 1e-7 && w[i] < hi - 1e-7)
                .toArray();
        int a1 = -1;
        int a2 = -1;
        for (int i : free) {
            for (int j : free) {
                if (Math.abs(p.mu()[i] - p.mu()[j]) > 1e-6 && a1 < 0) {
                    a1 = i;
                    a2 = j;
                }
            }
        }
        if (a1 < 0) {
            return;
        }
        double a = (sw[a1] - sw[a2]) / (p.mu()[a1] - p.mu()[a2]);
        double g = sw[a1] - a * p.mu()[a1];
        assertThat(a).as("trial %d: the return's multiplier", trial).isGreaterThanOrEqualTo(-1e-9);
        double scale = 1e-7 * (1 + Math.abs(g) + Math.abs(a));
        for (int i = 0; i < n; i++) {
            double slack = sw[i] - a * p.mu()[i] - g;
            if (w[i] > lo + 1e-7 && w[i] < hi - 1e-7) {
                assertThat(Math.abs(slack)).as("trial %d free %d", trial, i).isLessThanOrEqualTo(scale);
            } else if (w[i] <= lo + 1e-7) {
                assertThat(slack).as("trial %d lower %d", trial, i).isGreaterThanOrEqualTo(-scale);
            } else {
                assertThat(slack).as("trial %d upper %d", trial, i).isLessThanOrEqualTo(scale);
            }
        }
    }

    /**
     * KKT of min w'Sigma w - lambda w'mu s.t. sum(w) = 1 and bounds: the gradient 2 Sigma w - lambda mu is the
     * same (gamma) for every asset strictly inside its bounds, at least gamma at a lower bound, at most at an
     * upper bound.
     */
    private static void kkt(double[] w, Problem p, double lo, double hi, double lambda, int trial) {
        int n = w.length;
        double[] grad = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += p.cov()[i][j] * w[j];
            }
            grad[i] = 2 * s - lambda * p.mu()[i];
        }
        double gamma = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (w[i] > lo + 1e-7 && w[i] < hi - 1e-7) {
                gamma = grad[i];
                break;
            }
        }
        if (Double.isNaN(gamma)) {
            return;
        }
        for (int i = 0; i < n; i++) {
            double scale = 1e-7 * (1 + Math.abs(gamma));
            if (w[i] > lo + 1e-7 && w[i] < hi - 1e-7) {
                assertThat(grad[i]).as("trial %d free %d", trial, i).isCloseTo(gamma,
                        org.assertj.core.data.Offset.offset(scale));
            } else if (w[i] <= lo + 1e-7) {
                assertThat(grad[i]).as("trial %d lower %d", trial, i).isGreaterThanOrEqualTo(gamma - scale);
            } else {
                assertThat(grad[i]).as("trial %d upper %d", trial, i).isLessThanOrEqualTo(gamma + scale);
            }
        }
    }

    /** A factor covariance plus noise; with {@code ties}, assets share one of three means. */
    private static Problem random(Random rnd, int n, boolean ties) {
        int k = 3;
        double[][] b = new double[n][k];
        for (double[] row : b) {
            for (int j = 0; j < k; j++) {
                row[j] = rnd.nextGaussian() * 0.15;
            }
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < k; q++) {
                    s += b[i][q] * b[j][q];
                }
                cov[i][j] = s + (i == j ? 0.01 + 0.04 * rnd.nextDouble() : 0);
            }
        }
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = ties ? 0.05 * (1 + i % 3) : 0.02 + 0.15 * rnd.nextDouble();
        }
        return new Problem(mu, cov);
    }

    @Test
    void allExpectedReturnsEqualGivesTheMinimumVarianceAlone() {
        Random rnd = new Random(11);
        Problem p = random(rnd, 12, false);
        double[] same = filled(12, 0.08);
        Frontier f = CriticalLine.solve(same, p.cov(), filled(12, 0), filled(12, 1));
        assertThat(f.points()).hasSize(1);
        kkt(f.minVolatility(), new Problem(same, p.cov()), 0, 1, 0, -1);
        assertThat(f.maxSharpe(0.02)).containsExactly(f.minVolatility());
    }

    @Test
    void boundsThatExcludeAFullyInvestedPortfolioAreRefused() {
        assertThatThrownBy(() -> CriticalLine.solve(new double[] {0.1, 0.2}, new double[][] {{1, 0}, {0, 1}},
                new double[] {0, 0}, new double[] {0.4, 0.4})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no fully invested portfolio");
    }
}
