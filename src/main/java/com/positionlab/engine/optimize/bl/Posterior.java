package com.positionlab.engine.optimize.bl;

/**
 * The Black-Litterman posterior: expected {@code returns} mu_BL and covariance {@code cov} Sigma_BL of the
 * assets, in the units of the prior (annual fractions when the prior and Sigma are annual).
 */
public record Posterior(double[] returns, double[][] cov) {

    public Posterior {
        returns = returns.clone();
        cov = copy(cov);
    }

    @Override
    public double[] returns() {
        return returns.clone();
    }

    @Override
    public double[][] cov() {
        return copy(cov);
    }

    /** {@code w . mu_BL}, the expected return of a portfolio of weights w under the posterior. */
    public double expectedReturn(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * returns[i];
        }
        return s;
    }

    /** {@code sqrt(w' Sigma_BL w)}, the volatility of a portfolio of weights w under the posterior. */
    public double volatility(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                s += w[i] * cov[i][j] * w[j];
            }
        }
        return Math.sqrt(s);
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
