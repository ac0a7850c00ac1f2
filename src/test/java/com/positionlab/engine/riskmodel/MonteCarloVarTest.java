package com.positionlab.engine.riskmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.positionlab.engine.stats.Returns;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo VaR: seed-deterministic, converging to the normal closed forms of the portfolio return
 * N(w'mean, w'Cw) within a few standard errors, and well defined for a singular (perfectly correlated)
 * covariance matrix.
 */
class MonteCarloVarTest {

    private static final double STANDARD_ERRORS = 4;
    private static final double Z_95 = -1.6448536269514722;

    private static final double[] MEAN = {0.0005, 0.0002};
    private static final double[][] COV = {{0.0004, 0.00006}, {0.00006, 0.0001}};
    private static final double[] WEIGHTS = {0.6, 0.4};

    @Test
    void sameSeedSameScenariosOtherSeedOtherScenarios() {
        double[] a = MonteCarloVar.portfolioScenarios(MEAN, COV, WEIGHTS, 1000, 42);
        double[] b = MonteCarloVar.portfolioScenarios(MEAN, COV, WEIGHTS, 1000, 42);
        double[] c = MonteCarloVar.portfolioScenarios(MEAN, COV, WEIGHTS, 1000, 43);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        double[] returns = {0.01, -0.02, 0.005, 0.0, 0.012, -0.007};
        assertThat(MonteCarloVar.of(returns, 0.95, 5000, 7)).isEqualTo(MonteCarloVar.of(returns, 0.95, 5000, 7));
    }

    @Test
    void scenariosOfDifferentWeightsComeFromTheSameJointDraws() {
        double[] book = MonteCarloVar.portfolioScenarios(MEAN, COV, new double[] {1, 0}, 1000, 42);
        double[] candidate = MonteCarloVar.portfolioScenarios(MEAN, COV, new double[] {0, 1}, 1000, 42);
        double[] combined = MonteCarloVar.portfolioScenarios(MEAN, COV, new double[] {1, 0.3}, 1000, 42);
        for (int s = 0; s < combined.length; s++) {
            assertThat(book[s] + 0.3 * candidate[s]).isCloseTo(combined[s], within(1e-15));
        }
        double covariance = 0;
        double[] many = MonteCarloVar.portfolioScenarios(MEAN, COV, new double[] {1, 0}, 200_000, 4);
        double[] other = MonteCarloVar.portfolioScenarios(MEAN, COV, new double[] {0, 1}, 200_000, 4);
        for (int s = 0; s < many.length; s++) {
            covariance += (many[s] - MEAN[0]) * (other[s] - MEAN[1]);
        }
        covariance /= many.length;
        // the sample covariance of a bivariate normal has standard error sqrt((s11 s22 + s12^2) / n)
        double se = Math.sqrt((0.0004 * 0.0001 + 0.00006 * 0.00006) / many.length);
        assertThat(covariance).isCloseTo(0.00006, within(STANDARD_ERRORS * se));
    }

    @Test
    void scenariosHaveThePortfolioMeanAndVariance() {
        int n = 400_000;
        double[] s = MonteCarloVar.portfolioScenarios(MEAN, COV, WEIGHTS, n, 1);
        double mean = 0.6 * 0.0005 + 0.4 * 0.0002;
        double variance = 0.36 * 0.0004 + 2 * 0.24 * 0.00006 + 0.16 * 0.0001;
        double sd = Math.sqrt(variance);
        assertThat(Returns.mean(s)).isCloseTo(mean, within(STANDARD_ERRORS * sd / Math.sqrt(n)));
        double sampleVariance = Math.pow(Returns.sampleStdDev(s), 2);
        assertThat(sampleVariance).isCloseTo(variance, within(STANDARD_ERRORS * variance * Math.sqrt(2.0 / n)));
    }

    @Test
    void portfolioVarConvergesToTheNormalClosedForm() {
        int n = 400_000;
        double mean = 0.6 * 0.0005 + 0.4 * 0.0002;
        double sd = Math.sqrt(0.36 * 0.0004 + 2 * 0.24 * 0.00006 + 0.16 * 0.0001);
        VarEstimate mc = MonteCarloVar.of(MEAN, COV, WEIGHTS, 0.95, n, 3);
        VarEstimate exact = ParametricVar.normal(mean, sd, 0.95);
        assertThat(mc.var()).isCloseTo(exact.var(), within(STANDARD_ERRORS * quantileSe(sd, 0.05, n)));
        assertThat(mc.cvar()).isCloseTo(exact.cvar(), within(STANDARD_ERRORS * tailMeanSe(sd, 0.05, n)));
    }

    @Test
    void univariateConvergesToParametric() {
        double[] returns = Garch11.simulate(1e-5, 0.05, 0.9, 0.0003, 500, 9);
        int n = 400_000;
        VarEstimate mc = MonteCarloVar.of(returns, 0.95, n, 11);
        VarEstimate parametric = ParametricVar.of(returns, 0.95, false);
        double sd = Returns.sampleStdDev(returns);
        assertThat(mc.var()).isCloseTo(parametric.var(), within(STANDARD_ERRORS * quantileSe(sd, 0.05, n)));
        assertThat(mc.cvar()).isCloseTo(parametric.cvar(), within(STANDARD_ERRORS * tailMeanSe(sd, 0.05, n)));
    }

    @Test
    void theOverloadWithoutConfidenceUsesNinetyFivePercent() {
        assertThat(MonteCarloVar.of(MEAN, COV, WEIGHTS, 2000, 5))
                .isEqualTo(MonteCarloVar.of(MEAN, COV, WEIGHTS, 0.95, 2000, 5));
    }

    @Test
    void perfectlyCorrelatedAssetsAreHandled() {
        // correlation 1: the matrix has rank one, and a Cholesky factorisation would fail
        double[][] singular = {{0.0004, 0.0002}, {0.0002, 0.0001}};
        int n = 200_000;
        VarEstimate mc = MonteCarloVar.of(new double[] {0, 0}, singular, new double[] {0.5, 0.5}, 0.95, n, 8);
        double sd = 0.5 * 0.02 + 0.5 * 0.01;
        assertThat(mc.var()).isCloseTo(-Z_95 * sd, within(STANDARD_ERRORS * quantileSe(sd, 0.05, n)));
        // long one unit of the first, short two of the second: no risk at all
        double[] hedged = MonteCarloVar.portfolioScenarios(new double[] {0.001, 0.0005}, singular,
                new double[] {1, -2}, 1000, 8);
        for (double s : hedged) {
            assertThat(s).isCloseTo(0.0, within(1e-15));
        }
    }

    @Test
    void refusesBadMatricesAndTooFewScenarios() {
        assertThatThrownBy(() -> MonteCarloVar.of(MEAN, new double[][] {{0.0001, 0.0003}, {0.0003, 0.0001}},
                WEIGHTS, 0.95, 1000, 1)).hasMessageStartingWith("covariance_matrix: is not positive semi-definite");
        assertThatThrownBy(() -> MonteCarloVar.of(MEAN, new double[][] {{0.0004, 0.0001}, {0.0, 0.0001}},
                WEIGHTS, 0.95, 1000, 1)).hasMessage("covariance_matrix: is not symmetric at (1, 2)");
        assertThatThrownBy(() -> MonteCarloVar.of(MEAN, new double[][] {{0.0004}}, WEIGHTS, 0.95, 1000, 1))
                .hasMessage("covariance_matrix: must be 2 by 2");
        assertThatThrownBy(() -> MonteCarloVar.of(MEAN, COV, new double[] {1}, 0.95, 1000, 1))
                .hasMessage("weights: need 2 weights, one per asset, got 1");
        assertThatThrownBy(() -> MonteCarloVar.of(MEAN, COV, WEIGHTS, 0.95, 99, 1))
                .hasMessage("scenarios: must be between 100 and 10000000, got 99");
        assertThatThrownBy(() -> MonteCarloVar.of(new double[] {0.01, 0.02}, 0.95, 50, 1))
                .hasMessageStartingWith("scenarios:");
    }

    /** Standard error of the sample p-quantile of N(., sd^2): sqrt(p (1 - p) / n) / density. */
    private static double quantileSe(double sd, double p, int n) {
        double phi = Math.exp(-0.5 * Z_95 * Z_95) / Math.sqrt(2 * Math.PI);
        return sd * Math.sqrt(p * (1 - p) / n) / phi;
    }

    /** Standard error of the sample tail mean below the p-quantile of N(., sd^2) (Z_95, so p = 0.05 only). */
    private static double tailMeanSe(double sd, double p, int n) {
        double phi = Math.exp(-0.5 * Z_95 * Z_95) / Math.sqrt(2 * Math.PI);
        double es = phi / p;
        double tailVariance = 1 - Z_95 * phi / p - es * es;
        return sd * Math.sqrt((tailVariance + (1 - p) * (Z_95 + es) * (Z_95 + es)) / (n * p));
    }
}
