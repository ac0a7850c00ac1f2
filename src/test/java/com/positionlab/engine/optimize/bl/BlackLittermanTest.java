package com.positionlab.engine.optimize.bl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/**
 * The posterior on a case worked out by hand (one relative view), against the equivalent precision-weighted
 * form {@code [(tau Sigma)^-1 + P' Omega^-1 P]^-1} on random problems, and its limits: views that agree with
 * the prior change nothing, so the weights of a market-implied prior are the market's; the risk aversion of a
 * three-return market; inputs outside their domain.
 */
class BlackLittermanTest {

    private static final double EXACT = 1e-12;
    /** Agreement of the two algebraic forms, which invert different matrices. */
    private static final double FORMS_AGREE = 1e-9;

    @Test
    void oneRelativeViewWithDefaultOmegaMeetsThePriorHalfWay() {
        // Sigma = [[0.04, 0.01], [0.01, 0.09]], pi = (0.05, 0.07), view "asset 0 beats asset 1 by 2 %".
        // P Sigma P' = 0.11, Omega = tau 0.11 = 0.0055, A = 0.011, Q - P pi = 0.04, tau Sigma P' = (0.0015,
        // -0.004): mu = pi + (0.0015, -0.004) 0.04 / 0.011, both 0.0554545...: the spread -2 % of the prior
        // and +2 % of the view meet half way at 0.
        double[][] sigma = {{0.04, 0.01}, {0.01, 0.09}};
        Views view = new Views(new double[][] {{1, -1}}, new double[] {0.02});
        Posterior p = BlackLitterman.withDefaults(sigma, new double[] {0.05, 0.07}, view).posterior();
        assertThat(p.returns()).containsExactly(new double[] {0.05 + 0.00006 / 0.011, 0.07 - 0.00016 / 0.011},
                within(EXACT));
        assertThat(p.returns()[0]).isCloseTo(p.returns()[1], within(EXACT));
        // Sigma_BL = 1.05 Sigma - (0.0015, -0.004)' (0.0015, -0.004) / 0.011.
        double[][] expected = {{0.042 - 2.25e-6 / 0.011, 0.0105 + 6e-6 / 0.011},
            {0.0105 + 6e-6 / 0.011, 0.0945 - 1.6e-5 / 0.011}};
        for (int i = 0; i < 2; i++) {
            assertThat(p.cov()[i]).containsExactly(expected[i], within(EXACT));
        }
    }

    @Test
    void posteriorEqualsThePrecisionWeightedFormOnRandomProblems() {
        Random random = new Random(31);
        for (int trial = 0; trial < 25; trial++) {
            int n = 2 + random.nextInt(7);
            int k = 1 + random.nextInt(n);
            SimpleMatrix sigma = randomCovariance(random, n);
            double[][] p = new double[k][n];
            double[] q = new double[k];
            double[] pi = new double[n];
            double[][] omega = new double[k][k];
            for (int v = 0; v < k; v++) {
                for (int i = 0; i < n; i++) {
                    p[v][i] = random.nextGaussian();
                }
                q[v] = 0.1 * random.nextGaussian();
                omega[v][v] = 0.001 + 0.01 * random.nextDouble();
            }
            for (int i = 0; i < n; i++) {
                pi[i] = 0.05 + 0.05 * random.nextGaussian();
            }
            double tau = 0.01 + 0.1 * random.nextDouble();
            Posterior post = new BlackLitterman(toArray(sigma), pi, new Views(p, q), tau,
                    ViewUncertainty.given(omega)).posterior();
            SimpleMatrix pm = new SimpleMatrix(p);
            SimpleMatrix omegaInv = new SimpleMatrix(omega).invert();
            SimpleMatrix priorPrecision = sigma.scale(tau).invert();
            SimpleMatrix m = priorPrecision.plus(pm.transpose().mult(omegaInv).mult(pm)).invert();
            SimpleMatrix mu = m.mult(priorPrecision.mult(column(pi)).plus(pm.transpose().mult(omegaInv)
                    .mult(column(q))));
            SimpleMatrix cov = sigma.plus(m);
            for (int i = 0; i < n; i++) {
                assertThat(post.returns()[i]).isCloseTo(mu.get(i), within(FORMS_AGREE));
                for (int j = 0; j < n; j++) {
                    assertThat(post.cov()[i][j]).isCloseTo(cov.get(i, j), within(FORMS_AGREE));
                }
            }
        }
    }

    @Test
    void viewsThatAgreeWithAMarketPriorLeaveTheMarketWeights() {
        Random random = new Random(5);
        int n = 6;
        double[][] sigma = toArray(randomCovariance(random, n));
        double[] caps = {5, 3, 1, 0.5, 2, 0};
        double[] pi = MarketImplied.priorReturns(caps, 2.5, sigma, 0);
        double[][] p = {{1, -1, 0, 0, 0, 0}, {0, 0, 0.5, 0.5, 0, -1}};
        double[] q = new double[2];
        for (int v = 0; v < 2; v++) {
            for (int i = 0; i < n; i++) {
                q[v] += p[v][i] * pi[i];
            }
        }
        BlackLitterman model = BlackLitterman.withDefaults(sigma, pi, new Views(p, q));
        assertThat(model.posterior().returns()).containsExactly(pi, within(EXACT));
        double[] w = model.weights();
        for (int i = 0; i < n; i++) {
            assertThat(w[i]).isCloseTo(caps[i] / 11.5, within(1e-10));
        }
    }

    @Test
    void exactViewsAreImposedOnTheirPortfolios() {
        Random random = new Random(11);
        double[][] sigma = toArray(randomCovariance(random, 4));
        double[][] p = {{1, -1, 0, 0}, {0, 0, 1, 0}};
        Posterior post = new BlackLitterman(sigma, null, new Views(p, new double[] {0.03, -0.01}), 0.05,
                ViewUncertainty.given(new double[2][2])).posterior();
        double[] mu = post.returns();
        assertThat(mu[0] - mu[1]).isCloseTo(0.03, within(EXACT));
        assertThat(mu[2]).isCloseTo(-0.01, within(EXACT));
    }

    @Test
    void riskAversionOfThreeReturnsWorkedByHand() {
        // Returns 0.1, -0.1, 0.1: mean 1/30, sample variance 0.02667 / 2 = 1/75; delta = (252/30 - 0.02) / (252/75).
        double[] prices = {100, 110, 99, 108.9};
        assertThat(MarketImplied.riskAversion(prices, 0, 1)).isCloseTo(2.5, within(1e-12));
        assertThat(MarketImplied.riskAversion(prices, 0.02, 252)).isCloseTo((8.4 - 0.02) / 3.36, within(1e-12));
    }

    @Test
    void invalidInputsAreRejectedWithTheReason() {
        double[][] sigma = {{0.04, 0.01}, {0.01, 0.09}};
        Views view = Views.absolute(2, new int[] {0}, new double[] {0.1});
        assertThatThrownBy(() -> new BlackLitterman(sigma, null, view, 0, ViewUncertainty.proportionalToPrior()))
                .hasMessageContaining("tau must be positive");
        assertThatThrownBy(() -> BlackLitterman.withDefaults(sigma, new double[] {0.1}, view))
                .hasMessageContaining("prior has 1 returns for 2 assets");
        assertThatThrownBy(() -> BlackLitterman.withDefaults(new double[][] {{0.04, 0.01}, {0.02, 0.09}}, null,
                view)).hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> ViewUncertainty.idzorek(new double[] {1.5})).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new BlackLitterman(sigma, null, view, 0.05,
                ViewUncertainty.given(new double[2][2])).posterior()).hasMessageContaining("2 x 2 for 1 views");
        assertThatThrownBy(() -> Views.absolute(2, new int[] {0, 0}, new double[] {0.1, 0.2}))
                .hasMessageContaining("two absolute views");
        Views twice = new Views(new double[][] {{1, 0}, {1, 0}}, new double[] {0.1, 0.2});
        assertThatThrownBy(() -> new BlackLitterman(sigma, null, twice, 0.05,
                ViewUncertainty.given(new double[2][2])).posterior()).hasMessageContaining("contradict");
        assertThatThrownBy(() -> MarketImplied.priorReturns(new double[] {0, 0}, 2, sigma, 0))
                .hasMessageContaining("sum to zero");
        assertThatThrownBy(() -> MarketImplied.riskAversion(new double[] {100, -1, 100}, 0, 252))
                .hasMessageContaining("market price 1 must be positive");
    }

    private static SimpleMatrix randomCovariance(Random random, int n) {
        SimpleMatrix a = new SimpleMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.set(i, j, 0.1 * random.nextGaussian());
            }
        }
        SimpleMatrix s = a.mult(a.transpose()).plus(SimpleMatrix.identity(n).scale(0.01));
        return s.plus(s.transpose()).scale(0.5);
    }

    private static double[][] toArray(SimpleMatrix m) {
        double[][] out = new double[m.getNumRows()][m.getNumCols()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = m.get(i, j);
            }
        }
        return out;
    }

    private static SimpleMatrix column(double[] v) {
        SimpleMatrix c = new SimpleMatrix(v.length, 1);
        for (int i = 0; i < v.length; i++) {
            c.set(i, 0, v[i]);
        }
        return c;
    }
}
