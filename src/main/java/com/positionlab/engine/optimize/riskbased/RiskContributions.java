package com.positionlab.engine.optimize.riskbased;

import com.positionlab.engine.InvalidParameterException;

/**
 * Euler risk decomposition of a portfolio's volatility and its diversification ratio, for weights w and a
 * covariance matrix Sigma (volatilities in the units of Sigma: annualised Sigma gives annualised volatility).
 */
public final class RiskContributions {

    private RiskContributions() {
    }

    /**
     * The risk contributions {@code RC_i = w_i (Sigma w)_i / sqrt(w' Sigma w)}; they sum to the portfolio
     * volatility {@code sqrt(w' Sigma w)}. NaN when the portfolio has no variance.
     */
    public static double[] of(double[] w, double[][] cov) {
        CovarianceMatrix s = CovarianceMatrix.of(cov);
        check(w, s.size());
        double[] sw = s.times(w);
        double vol = Math.sqrt(CovarianceMatrix.dot(w, sw));
        double[] rc = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            rc[i] = w[i] * sw[i] / vol;
        }
        return rc;
    }

    /** The shares of volatility {@code RC_i / sqrt(w' Sigma w) = w_i (Sigma w)_i / (w' Sigma w)}; they sum to 1. */
    public static double[] shares(double[] w, double[][] cov) {
        CovarianceMatrix s = CovarianceMatrix.of(cov);
        check(w, s.size());
        double[] sw = s.times(w);
        double var = CovarianceMatrix.dot(w, sw);
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] * sw[i] / var;
        }
        return out;
    }

    /**
     * The diversification ratio {@code (w' sigma) / sqrt(w' Sigma w)}, with {@code sigma_i = sqrt(Sigma_ii)}:
     * the weighted average volatility over the portfolio volatility, 1 for a single asset and above 1 when
     * imperfect correlation diversifies a long-only portfolio.
     */
    public static double diversificationRatio(double[] w, double[][] cov) {
        CovarianceMatrix s = CovarianceMatrix.of(cov);
        check(w, s.size());
        return CovarianceMatrix.dot(w, s.sigma) / Math.sqrt(CovarianceMatrix.dot(w, s.times(w)));
    }

    private static void check(double[] w, int n) {
        if (w == null || w.length != n) {
            throw new InvalidParameterException("weights", "need " + n + " weights, one per asset");
        }
        for (double v : w) {
            InvalidParameterException.finite("weights", v);
        }
    }
}
