package com.positionlab.engine.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Factor-model covariances: all principal components give back the sample covariance; returns made exactly
 * of known factor exposures give back {@code B F B'} by regression, and with noise its residual variance; one
 * component of a one-factor market explains most of each covariance.
 */
class FactorModelTest {

    private static double[][] sampleCov(double[][] x) {
        int n = x[0].length;
        double[] mean = new double[n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                mean[i] += row[i] / x.length;
            }
        }
        double[][] s = new double[n][n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (x.length - 1);
                }
            }
        }
        return s;
    }

    @Test
    void everyPrincipalComponentGivesBackTheSampleCovariance() {
        Random random = new Random(5);
        double[][] x = new double[60][6];
        for (double[] row : x) {
            for (int i = 0; i < 6; i++) {
                row[i] = random.nextGaussian() * 0.01 * (1 + i);
            }
        }
        double[][] s = sampleCov(x);
        double[][] pca = FactorModel.principalComponents(new ReturnTable(x), 6, 252);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertThat(pca[i][j]).isCloseTo(s[i][j] * 252, within(1e-13));
            }
        }
    }

    @Test
    void returnsMadeOfKnownExposuresGiveBackTheirFactorCovariance() {
        Random random = new Random(9);
        double[][] beta = {{1.2, 0.3}, {0.8, -0.5}, {1.0, 0.0}};
        double[][] f = new double[200][2];
        double[][] x = new double[200][3];
        for (int t = 0; t < 200; t++) {
            f[t][0] = random.nextGaussian() * 0.01;
            f[t][1] = random.nextGaussian() * 0.005;
            for (int i = 0; i < 3; i++) {
                x[t][i] = 0.0002 + beta[i][0] * f[t][0] + beta[i][1] * f[t][1];
            }
        }
        double[][] fc = sampleCov(f);
        double[][] sigma = FactorModel.regression(new ReturnTable(x), f, 252);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double expected = 0;
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        expected += beta[i][a] * fc[a][b] * beta[j][b];
                    }
                }
                assertThat(sigma[i][j]).isCloseTo(expected * 252, within(1e-12));
            }
        }
    }

    @Test
    void theStructuredFitsHoldTheLoadingsFactorCovarianceAndSpecificVariances() {
        Random random = new Random(13);
        double[][] beta = {{1.2, 0.3}, {0.8, -0.5}, {1.0, 0.0}, {0.4, 0.9}};
        double[][] f = new double[300][2];
        double[][] x = new double[300][4];
        for (int t = 0; t < 300; t++) {
            f[t][0] = random.nextGaussian() * 0.01;
            f[t][1] = random.nextGaussian() * 0.005;
            for (int i = 0; i < 4; i++) {
                x[t][i] = beta[i][0] * f[t][0] + beta[i][1] * f[t][1] + 0.002 * random.nextGaussian();
            }
        }
        FactorModel.Fit reg = FactorModel.regressionFit(new ReturnTable(x), f, 252);
        double[][] fc = sampleCov(f);
        for (int i = 0; i < 4; i++) {
            assertThat(reg.loadings()[i]).containsExactly(beta[i], within(0.05));
            // residual variance 0.002^2 a day, annualised
            assertThat(reg.specific()[i]).isCloseTo(4e-6 * 252, within(2e-4));
        }
        for (int a = 0; a < 2; a++) {
            for (int c = 0; c < 2; c++) {
                assertThat(reg.factorCovariance()[a][c]).isCloseTo(fc[a][c] * 252, within(1e-15));
            }
        }
        FactorModel.Fit pca = FactorModel.principalComponentsFit(new ReturnTable(x), 2, 252);
        assertThat(pca.factorCovariance()[0][1]).isZero();
        assertThat(pca.factorCovariance()[0][0]).isGreaterThanOrEqualTo(pca.factorCovariance()[1][1]);
        double[][] dense = FactorModel.principalComponents(new ReturnTable(x), 2, 252);
        double[][] structured = pca.covariance();
        for (int i = 0; i < 4; i++) {
            assertThat(structured[i]).containsExactly(dense[i], within(0.0));
        }
        // the loadings are orthonormal eigenvectors
        for (int c = 0; c < 2; c++) {
            for (int e = 0; e < 2; e++) {
                double dot = 0;
                for (int i = 0; i < 4; i++) {
                    dot += pca.loadings()[i][c] * pca.loadings()[i][e];
                }
                assertThat(dot).isCloseTo(c == e ? 1 : 0, within(1e-12));
            }
        }
    }

    @Test
    void noiseBesideTheFactorsIsTheResidualVarianceOnTheDiagonal() {
        Random random = new Random(11);
        int rows = 5000;
        double[][] f = new double[rows][1];
        double[][] x = new double[rows][2];
        for (int t = 0; t < rows; t++) {
            f[t][0] = random.nextGaussian() * 0.01;
            x[t][0] = f[t][0] + random.nextGaussian() * 0.02;
            x[t][1] = 0.5 * f[t][0];
        }
        double[][] sigma = FactorModel.regression(new ReturnTable(x), f, 1);
        // asset 0: factor variance 1e-4 plus noise 4e-4; asset 1 has no noise; their covariance is 0.5e-4
        assertThat(sigma[0][0]).isCloseTo(5e-4, within(3e-5));
        assertThat(sigma[1][1]).isCloseTo(0.25e-4, within(2e-6));
        assertThat(sigma[0][1]).isCloseTo(0.5e-4, within(4e-6));
    }
}
