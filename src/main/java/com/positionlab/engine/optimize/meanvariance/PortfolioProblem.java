package com.positionlab.engine.optimize.meanvariance;

import java.util.List;

import com.positionlab.engine.optimize.FactorCovariance;

/**
 * What a mean-variance optimisation works on: annualised expected returns and covariance of n assets, and
 * the constraints and penalties every objective shares.
 *
 * @param names       the assets' names, used in constraint names
 * @param lower       per-asset lower weight bounds (finite)
 * @param upper       per-asset upper weight bounds (finite)
 * @param budget      the sum of the weights: 1 fully invested, 0 market-neutral
 * @param rows        further linear limits on the weights (sector limits and the like)
 * @param l2Gamma     L2 regularisation {@code gamma * ||w||^2} added to the objective (PyPortfolioOpt's
 *                    {@code L2_reg}); 0 for none
 * @param previous    current weights for the transaction-cost penalty and the turnover limit; null when none
 * @param costRate    proportional cost {@code k * sum |w - previous|} added to the objective; 0 for none
 * @param maxTurnover the most {@code sum |w - previous|} may be; infinite for no limit
 * @param maxLeverage the most the gross exposure {@code sum |w|} may be; infinite for no limit
 * @param factors     the same covariance as a factor model {@code B F B' + D} when it is one (the critical line
 *                    then works through its structure), else null
 */
public record PortfolioProblem(List<String> names, double[] mu, double[][] cov, double[] lower, double[] upper,
                               double budget, List<LinearConstraint> rows, double l2Gamma, double[] previous,
                               double costRate, double maxTurnover, double maxLeverage, FactorCovariance factors) {

    /** A variance of the factor form may differ from the matrix's by this fraction of the largest variance. */
    static final double SAME_COVARIANCE = 1e-9;

    public PortfolioProblem {
        names = List.copyOf(names);
        rows = List.copyOf(rows);
        int n = mu.length;
        if (n == 0 || cov.length != n || lower.length != n || upper.length != n || names.size() != n) {
            throw new IllegalArgumentException("expected returns, covariance, bounds and names must all have " + n
                    + " assets");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i]) || lower[i] > upper[i]) {
                throw new IllegalArgumentException("weight_bounds of " + names.get(i) + ": [" + lower[i] + ", "
                        + upper[i] + "] is not a finite interval");
            }
        }
        if (!(l2Gamma >= 0) || !(costRate >= 0) || !(maxTurnover >= 0) || !(maxLeverage > 0)) {
            throw new IllegalArgumentException("l2_gamma, transaction costs and max_turnover must not be negative, "
                    + "max_leverage must be positive");
        }
        if ((costRate > 0 || maxTurnover < Double.POSITIVE_INFINITY) && (previous == null || previous.length != n)) {
            throw new IllegalArgumentException("current_weights are needed for transaction costs and turnover");
        }
        if (factors != null && !sameVariances(factors, cov)) {
            throw new IllegalArgumentException("the factor model is not the covariance matrix it came with");
        }
    }

    /** A problem whose covariance is the matrix alone. */
    public PortfolioProblem(List<String> names, double[] mu, double[][] cov, double[] lower, double[] upper,
                            double budget, List<LinearConstraint> rows, double l2Gamma, double[] previous,
                            double costRate, double maxTurnover, double maxLeverage) {
        this(names, mu, cov, lower, upper, budget, rows, l2Gamma, previous, costRate, maxTurnover, maxLeverage,
                null);
    }

    /** Whether the factor form has the matrix's size and diagonal (the check on a stale factor model). */
    private static boolean sameVariances(FactorCovariance f, double[][] cov) {
        if (f.size() != cov.length) {
            return false;
        }
        double tol = SAME_COVARIANCE * f.largestVariance();
        for (int i = 0; i < cov.length; i++) {
            if (!(Math.abs(f.entry(i, i) - cov[i][i]) <= tol)) {
                return false;
            }
        }
        return true;
    }

    /** Bounds and a fully invested budget only, no rows, penalties or current weights. */
    public static PortfolioProblem simple(List<String> names, double[] mu, double[][] cov, double lower,
                                          double upper) {
        int n = mu.length;
        double[] lo = new double[n];
        double[] hi = new double[n];
        java.util.Arrays.fill(lo, lower);
        java.util.Arrays.fill(hi, upper);
        return new PortfolioProblem(names, mu, cov, lo, hi, 1, List.of(), 0, null, 0, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY);
    }

    public int n() {
        return mu.length;
    }

    /** Whether only the bounds and a fully invested budget apply, with no penalty: the critical line's case. */
    public boolean plain() {
        return budget == 1 && rows.isEmpty() && l2Gamma == 0 && costRate == 0
                && maxTurnover == Double.POSITIVE_INFINITY && maxLeverage == Double.POSITIVE_INFINITY;
    }

    /**
     * Whether no penalty or nonlinear limit applies (no L2, costs, turnover or leverage): bounds, the budget and
     * linear rows only, which the critical line algorithm takes exactly.
     */
    public boolean exact() {
        return l2Gamma == 0 && costRate == 0 && maxTurnover == Double.POSITIVE_INFINITY
                && maxLeverage == Double.POSITIVE_INFINITY;
    }

    public PortfolioProblem withBudget(double newBudget) {
        return new PortfolioProblem(names, mu, cov, lower, upper, newBudget, rows, l2Gamma, previous, costRate,
                maxTurnover, maxLeverage, factors);
    }

    /** This problem with other expected returns. */
    public PortfolioProblem withMu(double[] newMu) {
        return new PortfolioProblem(names, newMu, cov, lower, upper, budget, rows, l2Gamma, previous, costRate,
                maxTurnover, maxLeverage, factors);
    }

    /** This problem with another covariance matrix, and so without the factor form. */
    public PortfolioProblem withCov(double[][] newCov) {
        return new PortfolioProblem(names, mu, newCov, lower, upper, budget, rows, l2Gamma, previous, costRate,
                maxTurnover, maxLeverage);
    }

    /** This problem with the factor form of its covariance (null for none). */
    public PortfolioProblem withFactors(FactorCovariance newFactors) {
        return new PortfolioProblem(names, mu, cov, lower, upper, budget, rows, l2Gamma, previous, costRate,
                maxTurnover, maxLeverage, newFactors);
    }

    /**
     * The weights with each one that lies within rounding ({@code 1e-12}, relative) of a bound put exactly on
     * it: a solver's answer carries noise of order 1e-16 there, which would otherwise show as a tiny position.
     */
    public double[] snapToBounds(double[] w) {
        double[] out = w.clone();
        for (int i = 0; i < out.length; i++) {
            if (Math.abs(out[i] - lower[i]) <= 1e-12 * (1 + Math.abs(lower[i]))) {
                out[i] = lower[i];
            } else if (Math.abs(out[i] - upper[i]) <= 1e-12 * (1 + Math.abs(upper[i]))) {
                out[i] = upper[i];
            }
        }
        return out;
    }

    public double expectedReturn(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * mu[i];
        }
        return s;
    }

    /** {@code w' Sigma w}, through the factor form when there is one (O(n k) instead of O(n^2)). */
    public double variance(double[] w) {
        if (factors != null) {
            return Math.max(0, factors.quadratic(w));
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double row = 0;
            for (int j = 0; j < w.length; j++) {
                row += cov[i][j] * w[j];
            }
            s += w[i] * row;
        }
        return Math.max(0, s);
    }
}
