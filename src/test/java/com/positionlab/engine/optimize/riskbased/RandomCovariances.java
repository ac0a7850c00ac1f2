package com.positionlab.engine.optimize.riskbased;

import java.util.Random;

/**
 * Seeded random covariance matrices with a factor structure: correlations from {@code B B' + diag(psi)}
 * (k = 1 + n / 5 normal factors, idiosyncratic psi in [0.05, 1]), correlations of both signs, and annual
 * volatilities from 5% to 60%.
 */
final class RandomCovariances {

    private RandomCovariances() {
    }

    static double[][] next(Random rnd, int n) {
        int k = 1 + n / 5;
        double[][] b = new double[n][k];
        for (double[] row : b) {
            for (int f = 0; f < k; f++) {
                row[f] = 0.6 * rnd.nextGaussian();
            }
        }
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int f = 0; f < k; f++) {
                    s += b[i][f] * b[j][f];
                }
                r[i][j] = s;
                r[j][i] = s;
            }
            r[i][i] += 0.05 + 0.95 * rnd.nextDouble();
        }
        double[] vol = new double[n];
        for (int i = 0; i < n; i++) {
            vol[i] = 0.05 + 0.55 * rnd.nextDouble();
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i][j] = vol[i] * vol[j] * r[i][j] / Math.sqrt(r[i][i] * r[j][j]);
            }
        }
        return cov;
    }

    /** Positive budgets summing to 1, from 0.2 / n to about 5 / n. */
    static double[] budgets(Random rnd, int n) {
        double[] b = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            b[i] = Math.exp(3 * rnd.nextDouble());
            sum += b[i];
        }
        for (int i = 0; i < n; i++) {
            b[i] /= sum;
        }
        return b;
    }

    static double[][] diagonal(double... vol) {
        double[][] cov = new double[vol.length][vol.length];
        for (int i = 0; i < vol.length; i++) {
            cov[i][i] = vol[i] * vol[i];
        }
        return cov;
    }

    /** Volatilities {@code vol} with one correlation {@code rho} between every pair. */
    static double[][] equalCorrelation(double rho, double... vol) {
        double[][] cov = new double[vol.length][vol.length];
        for (int i = 0; i < vol.length; i++) {
            for (int j = 0; j < vol.length; j++) {
                cov[i][j] = vol[i] * vol[j] * (i == j ? 1 : rho);
            }
        }
        return cov;
    }

    static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
