package com.positionlab.engine.optimize.riskbased;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;

/**
 * Risk budgeting by Newton's method on Spinu's formulation: the closed forms (diagonal covariance, two assets),
 * equal and budgeted contributions on seeded random covariance matrices of 2 to 100 assets, and refusals.
 */
class RiskBudgetTest {

    /** Closed forms hold to rounding. */
    private static final double CLOSED_FORM = 1e-14;
    /** Every share of volatility within this of its budget, relative. */
    private static final double CONTRIBUTION = 1e-10;

    @Test
    void diagonalCovarianceWeighsByInverseVolatility() {
        double[] vol = {0.1, 0.2, 0.4, 0.25};
        RiskBudgetPortfolio p = RiskBudget.equalRisk(RandomCovariances.diagonal(vol));
        double norm = 1 / 0.1 + 1 / 0.2 + 1 / 0.4 + 1 / 0.25;
        for (int i = 0; i < vol.length; i++) {
            assertThat(p.weights()[i]).isCloseTo(1 / vol[i] / norm, within(CLOSED_FORM));
        }
        // Budgets b: w_i proportional to sqrt(b_i) / sigma_i.
        double[] b = {0.1, 0.2, 0.3, 0.4};
        RiskBudgetPortfolio budgeted = RiskBudget.solve(RandomCovariances.diagonal(vol), b);
        double s = 0;
        for (int i = 0; i < vol.length; i++) {
            s += Math.sqrt(b[i]) / vol[i];
        }
        for (int i = 0; i < vol.length; i++) {
            assertThat(budgeted.weights()[i]).isCloseTo(Math.sqrt(b[i]) / vol[i] / s, within(CLOSED_FORM));
        }
    }

    @Test
    void twoAssetsWeighInverseToVolatilityWhateverTheCorrelation() {
        for (double rho : new double[] {-0.95, -0.4, 0, 0.3, 0.9, 0.99}) {
            RiskBudgetPortfolio p = RiskBudget.equalRisk(RandomCovariances.equalCorrelation(rho, 0.15, 0.35));
            assertThat(p.weights()[0] / p.weights()[1]).as("rho %s", rho).isCloseTo(0.35 / 0.15, within(1e-12));
            assertThat(p.weights()[0]).isCloseTo(0.35 / 0.5, within(CLOSED_FORM));
        }
    }

    @Test
    void randomCovariancesGetEqualContributionsFromTwoToAHundredAssets() {
        Random rnd = new Random(42);
        for (int n : new int[] {2, 3, 4, 7, 10, 25, 50, 75, 100}) {
            double[][] cov = RandomCovariances.next(rnd, n);
            RiskBudgetPortfolio p = RiskBudget.equalRisk(cov);
            assertThat(RandomCovariances.sum(p.weights())).isCloseTo(1, within(CLOSED_FORM * n));
            assertThat(Arrays.stream(p.weights()).min().orElseThrow()).isPositive();
            double[] shares = RiskContributions.shares(p.weights(), cov);
            for (double share : shares) {
                assertThat(share * n).as("n = %d", n).isCloseTo(1, within(CONTRIBUTION));
            }
            assertThat(RandomCovariances.sum(p.riskContributions())).isCloseTo(p.volatility(), within(1e-14));
            assertThat(p.residual()).isLessThanOrEqualTo(CONTRIBUTION);
            assertThat(p.iterations()).as("two assets start at the answer").isBetween(n == 2 ? 0 : 1, 50);
        }
    }

    @Test
    void randomBudgetsAreHonoured() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + rnd.nextInt(60);
            double[][] cov = RandomCovariances.next(rnd, n);
            double[] b = RandomCovariances.budgets(rnd, n);
            RiskBudgetPortfolio p = RiskBudget.solve(cov, b);
            double[] shares = RiskContributions.shares(p.weights(), cov);
            for (int i = 0; i < n; i++) {
                assertThat(shares[i] / b[i]).as("trial %d asset %d", trial, i).isCloseTo(1, within(CONTRIBUTION));
            }
            double[] rc = RiskContributions.of(p.weights(), cov);
            assertThat(rc[0]).isCloseTo(p.riskContributions()[0], within(1e-15));
        }
    }

    @Test
    void invalidBudgetsAndCovariancesAreRefused() {
        double[][] cov = RandomCovariances.diagonal(0.1, 0.2);
        for (double[] bad : new double[][] {{0.5, 0.6}, {1.0, 0.0}, {1.2, -0.2}, {Double.NaN, 0.5}, {1.0}}) {
            assertThatThrownBy(() -> RiskBudget.solve(cov, bad)).as(Arrays.toString(bad))
                    .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("budgets:");
        }
        double[][] asymmetric = {{0.01, 0.002}, {0.003, 0.04}};
        double[][] zeroVariance = {{0.01, 0}, {0, 0}};
        for (double[][] bad : new double[][][] {asymmetric, zeroVariance, {{0.01, 0}}, {}}) {
            assertThatThrownBy(() -> RiskBudget.equalRisk(bad)).isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("covariance:");
        }
        assertThatThrownBy(() -> RiskBudget.solve(cov, new double[] {0.5, 0.5}, 0))
                .hasMessageStartingWith("tolerance:");
    }

    @Test
    void aRisklessLongOnlyPortfolioHasNoRiskBudgetAndSaysSo() {
        // Perfectly negatively correlated assets of equal volatility: equal weights carry no risk, F has no
        // minimum, and the solver must not return weights.
        double[][] cov = RandomCovariances.equalCorrelation(-1, 0.2, 0.2);
        assertThatThrownBy(() -> RiskBudget.solve(cov, new double[] {0.3, 0.7}))
                .isInstanceOf(NotConvergedException.class).hasMessageContaining("did not converge");
    }
}
