package com.positionlab.engine.optimize.riskbased;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;

/**
 * The most diversified portfolio: the closed form for one correlation between every pair, the optimality
 * (KKT) conditions on seeded random problems, and a ratio no lower than equal weights' or ERC's.
 */
class MaxDiversificationTest {

    /** The critical line's weights solve a linear system: exact to rounding. */
    private static final double CLOSED_FORM = 1e-12;
    /** KKT residuals relative to the scale of {@code (Sigma w)_i / sigma_i}. */
    private static final double KKT = 1e-9;

    @Test
    void equalCorrelationsWeighByInverseVolatilityWithTheirClosedFormRatio() {
        double[] vol = {0.12, 0.3, 0.22, 0.5, 0.18};
        for (double rho : new double[] {-0.2, 0, 0.3, 0.8}) {
            DiversifiedPortfolio p = MaxDiversification.solve(RandomCovariances.equalCorrelation(rho, vol));
            double norm = Arrays.stream(vol).map(v -> 1 / v).sum();
            for (int i = 0; i < vol.length; i++) {
                assertThat(p.weights()[i]).as("rho %s", rho).isCloseTo(1 / vol[i] / norm, within(CLOSED_FORM));
            }
            int n = vol.length;
            assertThat(p.diversificationRatio()).isCloseTo(Math.sqrt(n / (1 + (n - 1) * rho)), within(CLOSED_FORM));
        }
    }

    @Test
    void randomProblemsMeetTheOptimalityConditions() {
        Random rnd = new Random(2024);
        int leftOut = 0;
        for (int trial = 0; trial < 25; trial++) {
            int n = 2 + rnd.nextInt(49);
            double[][] cov = RandomCovariances.next(rnd, n);
            double[] w = MaxDiversification.solve(cov).weights();
            assertThat(RandomCovariances.sum(w)).isCloseTo(1, within(1e-12));
            double[] sw = mul(cov, w);
            double var = dot(w, sw);
            double wSigma = 0;
            for (int i = 0; i < n; i++) {
                wSigma += w[i] * Math.sqrt(cov[i][i]);
            }
            double gamma = var / wSigma;
            for (int i = 0; i < n; i++) {
                double g = sw[i] / Math.sqrt(cov[i][i]);
                assertThat(w[i]).isGreaterThanOrEqualTo(0);
                if (w[i] > 1e-12) {
                    assertThat(g).as("held asset %d of %d", i, n).isCloseTo(gamma, within(KKT * gamma));
                } else {
                    leftOut++;
                    assertThat(g).as("asset %d of %d left out", i, n).isGreaterThanOrEqualTo(gamma * (1 - KKT));
                }
            }
        }
    }

    @Test
    void ratioIsNoLowerThanEqualWeightsOrEqualRiskContributions() {
        Random rnd = new Random(99);
        for (int trial = 0; trial < 25; trial++) {
            int n = 2 + rnd.nextInt(40);
            double[][] cov = RandomCovariances.next(rnd, n);
            DiversifiedPortfolio best = MaxDiversification.solve(cov);
            double[] equal = new double[n];
            Arrays.fill(equal, 1.0 / n);
            double erc = RiskContributions.diversificationRatio(RiskBudget.equalRisk(cov).weights(), cov);
            assertThat(best.diversificationRatio())
                    .isCloseTo(RiskContributions.diversificationRatio(best.weights(), cov), within(1e-12))
                    .isGreaterThanOrEqualTo(RiskContributions.diversificationRatio(equal, cov) - 1e-12)
                    .isGreaterThanOrEqualTo(erc - 1e-12);
        }
    }

    @Test
    void aSingularCorrelationMatrixIsRefused() {
        double[][] cov = RandomCovariances.equalCorrelation(1, 0.2, 0.3);
        assertThatThrownBy(() -> MaxDiversification.solve(cov)).isInstanceOf(InvalidParameterException.class)
                .hasMessage("covariance: is not positive definite");
    }

    private static double[] mul(double[][] m, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = dot(m[i], x);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
