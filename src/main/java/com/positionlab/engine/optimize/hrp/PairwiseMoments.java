package com.positionlab.engine.optimize.hrp;

import com.positionlab.engine.estimate.Covariances;
import com.positionlab.engine.estimate.ReturnTable;

/**
 * Covariances and correlations of returns with missing values (NaN), pandas' {@code DataFrame.cov()} and
 * {@code .corr()}: each pair of assets over the rows where both have a return, with the means (and, for the
 * correlation, the standard deviations) taken over those same rows. Per period, not annualised; NaN for a
 * pair with fewer than two common rows. The covariance matrix is not repaired when it is not PSD.
 */
public final class PairwiseMoments {

    private PairwiseMoments() {
    }

    /** {@code cov_ij = sum (x_t - xbar)(y_t - ybar) / (n_ij - 1)} over the n_ij rows where both are present. */
    public static double[][] covariance(ReturnTable r) {
        double[][] cols = columns(r);
        int n = cols.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                c[i][j] = Covariances.pairwise(cols[i], cols[j]);
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /**
     * Pearson's {@code rho_ij = sum (x - xbar)(y - ybar) / sqrt(sum (x - xbar)^2 sum (y - ybar)^2)} over the rows
     * where both are present, so a value in [-1, 1] even when the assets' histories differ; the diagonal is 1
     * (NaN for an asset with fewer than two returns or constant returns).
     */
    public static double[][] correlation(ReturnTable r) {
        double[][] cols = columns(r);
        int n = cols.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                c[i][j] = correlation(cols[i], cols[j]);
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    private static double correlation(double[] x, double[] y) {
        // both series restricted to the rows where both are present, so that each variance is over those rows
        double[] a = new double[x.length];
        double[] b = new double[y.length];
        for (int t = 0; t < x.length; t++) {
            boolean both = !Double.isNaN(x[t]) && !Double.isNaN(y[t]);
            a[t] = both ? x[t] : Double.NaN;
            b[t] = both ? y[t] : Double.NaN;
        }
        double vx = Covariances.pairwise(a, a);
        double vy = Covariances.pairwise(b, b);
        return vx > 0 && vy > 0 ? Covariances.pairwise(a, b) / Math.sqrt(vx * vy) : Double.NaN;
    }

    private static double[][] columns(ReturnTable r) {
        int n = r.assets();
        double[][] cols = new double[n][r.rows()];
        for (int t = 0; t < r.rows(); t++) {
            for (int i = 0; i < n; i++) {
                cols[i][t] = r.values()[t][i];
            }
        }
        return cols;
    }
}
