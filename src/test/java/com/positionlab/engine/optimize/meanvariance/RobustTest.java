package com.positionlab.engine.optimize.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Robust portfolios: the box's worst case of a long-only portfolio is the nominal problem with every expected
 * return lowered by its half-width; with shorts the robust answer has the best worst case; the ellipsoid's
 * answer is the frontier point a dense search picks; resampling with long samples approaches the maximum
 * Sharpe ratio.
 */
class RobustTest {

    private static double utility(PortfolioProblem p, double[] mu, double[] w, double delta) {
        double r = 0;
        for (int i = 0; i < w.length; i++) {
            r += mu[i] * w[i];
        }
        return r - delta / 2 * p.variance(w);
    }

    @Test
    void aLongOnlyBoxIsTheNominalProblemWithReturnsLoweredByTheirHalfWidths() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            PortfolioProblem p = MeanVarianceAgreementTest.random(random, 3 + random.nextInt(15), false, false);
            double[] u = new double[p.n()];
            double[] shifted = new double[p.n()];
            for (int i = 0; i < p.n(); i++) {
                u[i] = 0.05 * random.nextDouble();
                shifted[i] = p.mu()[i] - u[i];
            }
            double[] robust = Robust.box(p, 3, u).weights();
            PortfolioProblem lowered = new PortfolioProblem(p.names(), shifted, p.cov(), p.lower(), p.upper(), 1,
                    List.of(), 0, null, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
            // the box answers on the critical line; the convex program of the lowered returns is independent
            double[] nominal = new MeanVariance(lowered, MeanVariance.Choice.QP).maxQuadraticUtility(3).weights();
            for (int i = 0; i < p.n(); i++) {
                assertThat(robust[i]).as("trial %d asset %d", trial, i).isCloseTo(nominal[i], within(1e-8));
            }
        }
    }

    @Test
    void withShortsTheBoxAnswerHasTheBestWorstCase() {
        Random random = new Random(4);
        for (int trial = 0; trial < 20; trial++) {
            PortfolioProblem p = MeanVarianceAgreementTest.random(random, 3 + random.nextInt(10), true, false);
            double[] u = new double[p.n()];
            java.util.Arrays.fill(u, 0.02);
            double[] robust = Robust.box(p, 2, u).weights();
            double[] nominal = new MeanVariance(p).maxQuadraticUtility(2).weights();
            assertThat(worstCase(p, robust, u, 2)).isGreaterThanOrEqualTo(worstCase(p, nominal, u, 2) - 1e-12);
            for (int k = 0; k < 50; k++) {
                double[] v = robust.clone();
                int i = random.nextInt(p.n());
                int j = random.nextInt(p.n());
                double step = (random.nextDouble() - 0.5) * 1e-3;
                v[i] += step;
                v[j] -= step;
                if (v[i] >= p.lower()[i] && v[i] <= p.upper()[i] && v[j] >= p.lower()[j] && v[j] <= p.upper()[j]) {
                    assertThat(worstCase(p, v, u, 2)).isLessThanOrEqualTo(worstCase(p, robust, u, 2) + 1e-12);
                }
            }
        }
    }

    private static double worstCase(PortfolioProblem p, double[] w, double[] u, double delta) {
        double[] mu = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            mu[i] = p.mu()[i] - Math.signum(w[i]) * u[i];
        }
        return utility(p, mu, w, delta);
    }

    @Test
    void theEllipsoidAnswerIsTheFrontierPointADenseSearchPicks() {
        Random random = new Random(5);
        PortfolioProblem p = MeanVarianceAgreementTest.random(random, 8, false, false);
        double kappa = 1.5;
        double years = 4;
        double[] w = Robust.ellipsoid(p, 2, kappa, years).weights();
        MeanVariance mv = new MeanVariance(p);
        double best = Double.NEGATIVE_INFINITY;
        double lo = Math.sqrt(p.variance(mv.minVolatility().weights()));
        double hi = Math.sqrt(p.variance(mv.efficientRisk(10).weights()));
        for (int k = 0; k <= 4000; k++) {
            double[] v = mv.efficientRisk(lo + (hi - lo) * k / 4000).weights();
            best = Math.max(best, objective(p, v, kappa, years));
        }
        assertThat(objective(p, w, kappa, years)).isGreaterThanOrEqualTo(best - 1e-9);
    }

    private static double objective(PortfolioProblem p, double[] w, double kappa, double years) {
        double vol = Math.sqrt(p.variance(w));
        return p.expectedReturn(w) - kappa * vol / Math.sqrt(years) - vol * vol;
    }

    @Test
    void resamplingLongHistoriesApproachesTheMaximumSharpeRatio() {
        Random random = new Random(6);
        PortfolioProblem p = MeanVarianceAgreementTest.random(random, 4, false, false);
        double[] exact = new MeanVariance(p).maxSharpe(0.0).weights();
        double[] resampled = Robust.resampledMaxSharpe(p, 0.0, 20, 200_000, 252, 1).weights();
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += resampled[i];
            assertThat(resampled[i]).isCloseTo(exact[i], within(0.05));
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
    }
}
