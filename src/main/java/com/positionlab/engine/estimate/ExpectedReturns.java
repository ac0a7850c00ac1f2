package com.positionlab.engine.estimate;

/**
 * Expected annual returns of each asset from its returns, PyPortfolioOpt's definitions: each asset uses only
 * its own returns (a late-listed asset is estimated over its listed history).
 */
public final class ExpectedReturns {

    private ExpectedReturns() {
    }

    /**
     * The historical mean: compounded, {@code (prod(1 + r))^(frequency / N) - 1} over the asset's N returns
     * (its growth rate); simple, {@code mean(r) * frequency}. NaN for an asset without returns.
     */
    public static double[] meanHistorical(ReturnTable r, boolean compounding, int frequency) {
        int n = r.assets();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double logSum = 0;
            double sum = 0;
            int count = 0;
            for (double[] row : r.values()) {
                double v = row[i];
                if (!Double.isNaN(v)) {
                    logSum += Math.log1p(v);
                    sum += v;
                    count++;
                }
            }
            out[i] = count == 0 ? Double.NaN : compounding ? Math.expm1(logSum * frequency / count)
                    : sum / count * frequency;
        }
        return out;
    }

    /**
     * The exponentially weighted mean return, weight {@code (1 - alpha)^(T - 1 - t)} on row t with
     * {@code alpha = 2 / (span + 1)} (missing returns get no weight but count as elapsed rows), then
     * compounded {@code (1 + rbar)^frequency - 1} or simple {@code rbar * frequency}.
     */
    public static double[] ema(ReturnTable r, int span, boolean compounding, int frequency) {
        if (span < 1) {
            throw new IllegalArgumentException("span must be at least 1, got " + span);
        }
        double alpha = 2.0 / (span + 1);
        int n = r.assets();
        int rows = r.rows();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double num = 0;
            double den = 0;
            double w = 1;
            for (int t = rows - 1; t >= 0; t--) {
                double v = r.values()[t][i];
                if (!Double.isNaN(v)) {
                    num += w * v;
                    den += w;
                }
                w *= 1 - alpha;
            }
            double mean = den == 0 ? Double.NaN : num / den;
            out[i] = compounding ? Math.pow(1 + mean, frequency) - 1 : mean * frequency;
        }
        return out;
    }

    /**
     * CAPM: {@code rf + beta_i (market mean - rf)}, with {@code beta_i = cov(r_i, m) / var(m)} over the rows
     * where both are present (n - 1 in the denominators). {@code market} is the market's return on each row
     * (NaN when missing); null takes the mean of the assets' returns present on each row. The market mean is
     * compounded or simple as in {@link #meanHistorical}.
     */
    public static double[] capm(ReturnTable r, double[] market, double riskFreeRate, boolean compounding,
                                int frequency) {
        double[] m = market != null ? market : rowMeans(r);
        if (m.length != r.rows()) {
            throw new IllegalArgumentException("the market has " + m.length + " returns for " + r.rows() + " rows");
        }
        double marketMean = meanHistorical(new ReturnTable(column(m)), compounding, frequency)[0];
        int n = r.assets();
        double varM = Covariances.pairwise(m, m);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double[] ri = new double[r.rows()];
            for (int t = 0; t < ri.length; t++) {
                ri[t] = r.values()[t][i];
            }
            double beta = Covariances.pairwise(ri, m) / varM;
            out[i] = riskFreeRate + beta * (marketMean - riskFreeRate);
        }
        return out;
    }

    static double[] rowMeans(ReturnTable r) {
        double[] m = new double[r.rows()];
        for (int t = 0; t < m.length; t++) {
            double sum = 0;
            int count = 0;
            for (double v : r.values()[t]) {
                if (!Double.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            m[t] = count == 0 ? Double.NaN : sum / count;
        }
        return m;
    }

    private static double[][] column(double[] x) {
        double[][] out = new double[x.length][1];
        for (int t = 0; t < x.length; t++) {
            out[t][0] = x[t];
        }
        return out;
    }
}
