package com.positionlab.engine.stats;

/**
 * Return statistics on daily price series. Returns are simple returns r_t = P_t / P_{t-1} - 1 of
 * adjusted closes; annualisation multiplies the variance by the number of periods per year (252 by
 * default, see DESIGN.md).
 */
public final class Returns {

    /** Trading days per year used to annualise daily statistics. */
    public static final int TRADING_DAYS = 252;

    private Returns() {
    }

    /** Simple returns of consecutive prices: {@code r[i] = prices[i + 1] / prices[i] - 1}. */
    public static double[] simpleReturns(double[] prices) {
        if (prices.length < 2) {
            return new double[0];
        }
        double[] r = new double[prices.length - 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = prices[i + 1] / prices[i] - 1.0;
        }
        return r;
    }

    /** Arithmetic mean; NaN for an empty array. */
    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample standard deviation (divisor n - 1); NaN with fewer than two values. */
    public static double sampleStdDev(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            double d = v - m;
            ss += d * d;
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /**
     * Annualised volatility of periodic returns: sample standard deviation times
     * sqrt(periodsPerYear). NaN with fewer than two returns.
     */
    public static double annualisedVolatility(double[] returns, int periodsPerYear) {
        return sampleStdDev(returns) * Math.sqrt(periodsPerYear);
    }

    /**
     * Pearson correlation matrix of the columns of {@code returns} ({@code returns[t][i]} is asset i's
     * return at time t; every row complete). A column with zero variance correlates 0 with the others
     * and 1 with itself. Needs at least two rows.
     */
    public static double[][] correlationMatrix(double[][] returns) {
        if (returns.length < 2) {
            throw new IllegalArgumentException("returns: need at least 2 observations, got " + returns.length);
        }
        int n = returns[0].length;
        int t = returns.length;
        double[] mean = new double[n];
        for (double[] row : returns) {
            for (int i = 0; i < n; i++) {
                mean[i] += row[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] /= t;
        }
        double[][] cov = new double[n][n];
        for (double[] row : returns) {
            for (int i = 0; i < n; i++) {
                double di = row[i] - mean[i];
                for (int j = i; j < n; j++) {
                    cov[i][j] += di * (row[j] - mean[j]);
                }
            }
        }
        double[][] corr = new double[n][n];
        for (int i = 0; i < n; i++) {
            corr[i][i] = 1.0;
            for (int j = i + 1; j < n; j++) {
                double denom = Math.sqrt(cov[i][i] * cov[j][j]);
                double c = denom > 0 ? cov[i][j] / denom : 0.0;
                c = Math.max(-1.0, Math.min(1.0, c));
                corr[i][j] = c;
                corr[j][i] = c;
            }
        }
        return corr;
    }
}
