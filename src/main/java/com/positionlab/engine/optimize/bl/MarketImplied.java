package com.positionlab.engine.optimize.bl;

/**
 * What the market's own holdings imply, for a Black-Litterman prior: the risk aversion of the market portfolio
 * and the expected returns at which it would be the mean-variance optimum (reverse optimisation).
 */
public final class MarketImplied {

    private MarketImplied() {
    }

    /**
     * The market's risk aversion {@code delta = (mean(r) f - rf) / (var(r) f)}: its annualised excess return per
     * unit of annualised variance, from the simple returns {@code r_t = P_t / P_(t-1) - 1} of consecutive market
     * prices (variance with n - 1 in the denominator).
     *
     * @param marketPrices  prices of the market portfolio (an index or ETF) at equal intervals, at least three,
     *                      positive and finite
     * @param riskFreeRate  annual risk-free rate, a fraction (0.02 for 2 %)
     * @param frequency     periods per year (252 for daily prices)
     * @throws IllegalArgumentException when there are fewer than three prices, a price is not positive and
     *                                  finite, the frequency is not positive, or the returns have no variance
     */
    public static double riskAversion(double[] marketPrices, double riskFreeRate, int frequency) {
        if (marketPrices.length < 3) {
            throw new IllegalArgumentException("the market needs at least 3 prices, got " + marketPrices.length);
        }
        if (frequency < 1) {
            throw new IllegalArgumentException("frequency must be at least 1 period a year, got " + frequency);
        }
        Checks.finite("risk-free rate", riskFreeRate);
        int n = marketPrices.length - 1;
        double[] r = new double[n];
        double sum = 0;
        for (int t = 0; t < n; t++) {
            double p0 = marketPrices[t];
            double p1 = marketPrices[t + 1];
            if (!(p0 > 0 && p1 > 0 && Double.isFinite(p0) && Double.isFinite(p1))) {
                throw new IllegalArgumentException("market price " + (p0 > 0 && Double.isFinite(p0) ? t + 1 : t)
                        + " must be positive and finite");
            }
            r[t] = p1 / p0 - 1;
            sum += r[t];
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : r) {
            squares += (v - mean) * (v - mean);
        }
        double variance = squares / (n - 1);
        if (variance == 0) {
            throw new IllegalArgumentException("the market's returns have no variance");
        }
        return (mean * frequency - riskFreeRate) / (variance * frequency);
    }

    /**
     * The returns that make the market portfolio optimal for an investor of risk aversion delta:
     * {@code pi = delta Sigma w_mkt + rf} with {@code w_mkt = caps / sum(caps)}. Annual when Sigma is annual.
     *
     * @param marketCaps    each asset's market capitalisation (any currency unit), non-negative, not all zero
     * @param riskAversion  delta, see {@link #riskAversion}
     * @param cov           the assets' covariance matrix Sigma (annualised)
     * @param riskFreeRate  annual risk-free rate, a fraction
     * @throws IllegalArgumentException when the sizes differ, a value is not finite, a cap is negative or the
     *                                  caps sum to zero
     */
    public static double[] priorReturns(double[] marketCaps, double riskAversion, double[][] cov, double riskFreeRate) {
        int n = marketCaps.length;
        Checks.covariance(cov, n);
        Checks.finite("risk aversion", riskAversion);
        Checks.finite("risk-free rate", riskFreeRate);
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!(marketCaps[i] >= 0) || !Double.isFinite(marketCaps[i])) {
                throw new IllegalArgumentException("market cap " + i + " must be non-negative and finite, got "
                        + marketCaps[i]);
            }
            total += marketCaps[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("the market caps sum to zero");
        }
        double[] pi = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += cov[i][j] * (marketCaps[j] / total);
            }
            pi[i] = riskAversion * s + riskFreeRate;
        }
        return pi;
    }
}
