package com.positionlab.engine.estimate;

/**
 * Annualised covariance matrices of asset returns, PyPortfolioOpt's definitions (missing returns are NaN):
 * the sample covariance over the rows where both assets of a pair have returns, the semicovariance below a
 * benchmark, the exponentially weighted covariance, and Ledoit-Wolf shrinkage towards a constant variance.
 * Each result goes through {@link PsdRepair#repair} when it is not positive semi-definite.
 */
public final class Covariances {

    private Covariances() {
    }

    /** The covariance of x and y over the rows where both are present, divided by n - 1; NaN below two rows. */
    public static double pairwise(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int t = 0; t < x.length; t++) {
            if (!Double.isNaN(x[t]) && !Double.isNaN(y[t])) {
                sx += x[t];
                sy += y[t];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double s = 0;
        for (int t = 0; t < x.length; t++) {
            if (!Double.isNaN(x[t]) && !Double.isNaN(y[t])) {
                s += (x[t] - mx) * (y[t] - my);
            }
        }
        return s / (n - 1);
    }

    /** The pairwise sample covariance times {@code frequency}, repaired when not PSD (spectral). */
    public static double[][] sample(ReturnTable r, int frequency) {
        int n = r.assets();
        double[][] cols = columns(r);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                s[i][j] = pairwise(cols[i], cols[j]) * frequency;
                s[j][i] = s[i][j];
            }
        }
        return PsdRepair.repair(s, PsdRepair.Method.SPECTRAL);
    }

    /**
     * The semicovariance: {@code D^T D / T * frequency} with {@code d[t][i] = min(r[t][i] - benchmark, 0)}
     * (0 where the return is missing) and T every row.
     */
    public static double[][] semicovariance(ReturnTable r, double benchmark, int frequency) {
        int n = r.assets();
        int rows = r.rows();
        double[][] s = new double[n][n];
        for (double[] row : r.values()) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = Double.isNaN(row[i]) ? 0 : Math.min(row[i] - benchmark, 0);
            }
            for (int i = 0; i < n; i++) {
                if (d[i] != 0) {
                    for (int j = 0; j < n; j++) {
                        s[i][j] += d[i] * d[j];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = s[i][j] / rows * frequency;
            }
        }
        return PsdRepair.repair(s, PsdRepair.Method.SPECTRAL);
    }

    /**
     * The exponentially weighted covariance: the weighted mean (as {@link ExpectedReturns#ema}) of
     * {@code (r_i - mean_i)(r_j - mean_j)} over the rows where both are present, with each asset's mean over
     * its own returns, times {@code frequency}.
     */
    public static double[][] exponential(ReturnTable r, int span, int frequency) {
        if (span < 1) {
            throw new IllegalArgumentException("span must be at least 1, got " + span);
        }
        double alpha = 2.0 / (span + 1);
        int n = r.assets();
        int rows = r.rows();
        double[][] cols = columns(r);
        double[] mean = ExpectedReturns.meanHistorical(r, false, 1);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double num = 0;
                double den = 0;
                double w = 1;
                for (int t = rows - 1; t >= 0; t--) {
                    double a = cols[i][t];
                    double b = cols[j][t];
                    if (!Double.isNaN(a) && !Double.isNaN(b)) {
                        num += w * (a - mean[i]) * (b - mean[j]);
                        den += w;
                    }
                    w *= 1 - alpha;
                }
                s[i][j] = den == 0 ? Double.NaN : num / den * frequency;
                s[j][i] = s[i][j];
            }
        }
        return PsdRepair.repair(s, PsdRepair.Method.SPECTRAL);
    }

    static double[][] columns(ReturnTable r) {
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
