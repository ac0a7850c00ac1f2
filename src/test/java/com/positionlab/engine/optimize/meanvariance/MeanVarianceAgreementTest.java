package com.positionlab.engine.optimize.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The two ways of answering a mean-variance objective agree on random problems (2 to 40 assets, long only and
 * with shorts, tight and loose caps, tied expected returns): the critical line algorithm's exact frontier,
 * and the convex programs (the root search of the efficient-risk form, the y = kappa w change of variables of
 * the maximum Sharpe ratio). The same with sector rows and with a market-neutral budget, which the critical
 * line takes as slack rows; and with sector rows every answer is fully invested, within its bounds and sector
 * limits, and no feasible perturbation improves its objective.
 */
class MeanVarianceAgreementTest {

    private static final double AGREE = 1e-8;

    static PortfolioProblem random(Random random, int n, boolean shorts, boolean ties) {
        double[][] x = new double[n + 3][n];
        for (double[] row : x) {
            double market = random.nextGaussian();
            for (int i = 0; i < n; i++) {
                row[i] = market * (0.5 + 0.1 * (i % 4)) + random.nextGaussian() * (0.6 + 0.2 * (i % 3));
            }
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (double[] row : x) {
                    s += row[i] * row[j];
                }
                cov[i][j] = s / x.length * 0.03;
            }
            cov[i][i] += 0.002;
        }
        double[] mu = new double[n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mu[i] = ties ? 0.04 + 0.03 * (i % 3) : 0.02 + 0.15 * random.nextDouble();
            names.add("A" + i);
        }
        double cap = Math.max(1.5 / n, random.nextBoolean() ? 0.3 : 1.0);
        return PortfolioProblem.simple(names, mu, cov, shorts ? -0.5 : 0, cap);
    }

    @Test
    void theCriticalLineAndTheConvexProgramsGiveTheSamePortfolios() {
        Random random = new Random(2026);
        for (int trial = 0; trial < 60; trial++) {
            int n = 2 + random.nextInt(39);
            PortfolioProblem p = random(random, n, trial % 3 == 0, trial % 5 == 0);
            MeanVariance cla = new MeanVariance(p, MeanVariance.Choice.CLA);
            MeanVariance qp = new MeanVariance(p, MeanVariance.Choice.QP);
            String what = "trial " + trial + ", n " + n;
            same(cla.minVolatility().weights(), qp.minVolatility().weights(), what + " min volatility");
            double lo = p.expectedReturn(cla.minVolatility().weights());
            double hi = cla.highestReturn();
            double target = lo + (hi - lo) * random.nextDouble();
            same(cla.efficientReturn(target).weights(), qp.efficientReturn(target).weights(), what + " return");
            double vol = Math.sqrt(p.variance(cla.efficientReturn(target).weights()));
            same(cla.efficientRisk(vol).weights(), qp.efficientRisk(vol).weights(), what + " risk");
            double delta = Math.exp(random.nextDouble() * 6 - 2);
            same(cla.maxQuadraticUtility(delta).weights(), qp.maxQuadraticUtility(delta).weights(),
                    what + " utility at " + delta);
            if (hi > 0.01) {
                double[] a = cla.maxSharpe(0.01).weights();
                double[] b = qp.maxSharpe(0.01).weights();
                assertThat(sharpe(p, b, 0.01)).as(what + " max Sharpe").isCloseTo(sharpe(p, a, 0.01), within(1e-9));
            }
        }
    }

    @Test
    void withSectorRowsOrAMarketNeutralBudgetTheyAgreeToo() {
        Random random = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int n = 4 + random.nextInt(30);
            boolean neutral = trial % 4 == 3;
            PortfolioProblem base = random(random, n, neutral || trial % 2 == 0, trial % 5 == 0);
            double[] even = new double[n];
            double[] first = new double[n];
            for (int i = 0; i < n; i++) {
                even[i] = i % 2 == 0 ? 1 : 0;
                first[i] = i < n / 3 ? 1 : 0;
            }
            List<LinearConstraint> rows = neutral ? List.of(new LinearConstraint("first third", first, -0.2, 0.2))
                    : List.of(new LinearConstraint("sector even", even, 0.2, 0.45),
                    new LinearConstraint("first third", first, Double.NEGATIVE_INFINITY, 0.3));
            PortfolioProblem p = new PortfolioProblem(base.names(), base.mu(), base.cov(), base.lower(), base.upper(),
                    neutral ? 0 : 1, rows, 0, null, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
            MeanVariance cla = new MeanVariance(p, MeanVariance.Choice.CLA);
            MeanVariance qp = new MeanVariance(p, MeanVariance.Choice.QP);
            String what = "trial " + trial + ", n " + n + (neutral ? ", market neutral" : "");
            assertThat(cla.minVolatility().solver()).isEqualTo("critical line");
            same(cla.minVolatility().weights(), qp.minVolatility().weights(), what + " min volatility");
            double lo = p.expectedReturn(cla.minVolatility().weights());
            double hi = cla.highestReturn();
            assertThat(hi).as(what + " highest return").isCloseTo(qp.highestReturn(), within(1e-9));
            double target = lo + (hi - lo) * random.nextDouble();
            double[] e = cla.efficientReturn(target).weights();
            feasible(p, e, what);
            assertThat(p.variance(e)).as(what + " variance at the target return")
                    .isCloseTo(p.variance(qp.efficientReturn(target).weights()), within(1e-10));
            double vol = Math.sqrt(p.variance(e));
            if (vol > 1e-6) {
                assertThat(p.expectedReturn(cla.efficientRisk(vol).weights())).as(what + " return at the risk")
                        .isCloseTo(p.expectedReturn(qp.efficientRisk(vol).weights()), within(1e-9));
            }
            if (!neutral && hi > 0.01) {
                assertThat(sharpe(p, qp.maxSharpe(0.01).weights(), 0.01)).as(what + " max Sharpe")
                        .isCloseTo(sharpe(p, cla.maxSharpe(0.01).weights(), 0.01), within(1e-9));
            }
        }
    }

    @Test
    void withSectorRowsEveryAnswerIsFeasibleAndNoFeasibleStepImprovesIt() {
        Random random = new Random(7);
        for (int trial = 0; trial < 30; trial++) {
            int n = 4 + random.nextInt(20);
            PortfolioProblem base = random(random, n, trial % 2 == 0, false);
            double[] sector = new double[n];
            for (int i = 0; i < n; i += 2) {
                sector[i] = 1;
            }
            List<LinearConstraint> rows = List.of(new LinearConstraint("sector even", sector, 0.2, 0.45));
            PortfolioProblem p = new PortfolioProblem(base.names(), base.mu(), base.cov(), base.lower(), base.upper(),
                    1, rows, 0, null, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
            MeanVariance mv = new MeanVariance(p);
            double[] w = mv.minVolatility().weights();
            feasible(p, w, "trial " + trial);
            // moving weight between two assets keeps the budget; any such feasible step must not lower the variance
            for (int k = 0; k < 200; k++) {
                int i = random.nextInt(n);
                int j = random.nextInt(n);
                double step = (random.nextDouble() - 0.5) * 1e-3;
                double[] v = w.clone();
                v[i] += step;
                v[j] -= step;
                if (i != j && isFeasible(p, v)) {
                    assertThat(p.variance(v)).as("trial %d step %d", trial, k).isGreaterThanOrEqualTo(p.variance(w) - 1e-15);
                }
            }
            double target = p.expectedReturn(w) + 0.3 * (mv.highestReturn() - p.expectedReturn(w));
            double[] e = mv.efficientReturn(target).weights();
            feasible(p, e, "trial " + trial + " efficient return");
            assertThat(p.expectedReturn(e)).isGreaterThanOrEqualTo(target - 1e-10);
        }
    }

    private static void same(double[] a, double[] b, String what) {
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).as("%s, asset %d", what, i).isCloseTo(a[i], within(AGREE));
        }
    }

    private static double sharpe(PortfolioProblem p, double[] w, double rf) {
        return (p.expectedReturn(w) - rf) / Math.sqrt(p.variance(w));
    }

    private static boolean isFeasible(PortfolioProblem p, double[] w) {
        for (int i = 0; i < w.length; i++) {
            if (w[i] < p.lower()[i] || w[i] > p.upper()[i]) {
                return false;
            }
        }
        for (LinearConstraint r : p.rows()) {
            double v = r.value(w);
            if (v < r.lower() || v > r.upper()) {
                return false;
            }
        }
        return true;
    }

    private static void feasible(PortfolioProblem p, double[] w, String what) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            assertThat(w[i]).as(what).isBetween(p.lower()[i] - 1e-12, p.upper()[i] + 1e-12);
        }
        assertThat(sum).as(what).isCloseTo(p.budget(), within(1e-10));
        for (LinearConstraint r : p.rows()) {
            assertThat(r.value(w)).as(what + " " + r.name()).isBetween(r.lower() - 1e-10, r.upper() + 1e-10);
        }
    }
}
