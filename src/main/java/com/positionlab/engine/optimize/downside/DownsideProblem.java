package com.positionlab.engine.optimize.downside;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every downside optimiser shares: scenarios of periodic returns, expected returns, per-asset bounds, the
 * budget, extra linear constraints and an L2 penalty. Immutable; the {@code with...} methods return a changed
 * copy.
 *
 * @param returns          {@code returns[t][i]}: simple return of asset i in period t (daily, weekly, ...),
 *                         T rows by n assets, no missing values
 * @param expectedReturns  mu, one per asset, annualised (as {@code w . mu} is reported and constrained)
 * @param lower            per-asset lower weight bounds (finite)
 * @param upper            per-asset upper weight bounds (finite, at least the lower bound)
 * @param budget           {@code sum(w) = 1} or {@code sum(w) = 0}
 * @param constraints      extra named linear rows on w
 * @param l2Gamma          gamma >= 0 of the penalty {@code gamma * sum(w_i^2)}, added to each objective as it
 *                         stands (no rescaling), as PyPortfolioOpt's {@code L2_reg}
 * @param assetNames       names used in reports of binding bounds
 */
public record DownsideProblem(double[][] returns, double[] expectedReturns, double[] lower, double[] upper,
                              Budget budget, List<WeightConstraint> constraints, double l2Gamma,
                              List<String> assetNames) {

    public DownsideProblem {
        int n = expectedReturns.length;
        if (n == 0 || returns.length == 0) {
            throw new IllegalArgumentException("a problem needs at least one asset and one period");
        }
        returns = deepCopy(returns, n);
        expectedReturns = finite(expectedReturns.clone(), "expected returns");
        lower = finite(lower.clone(), "lower bounds");
        upper = finite(upper.clone(), "upper bounds");
        if (lower.length != n || upper.length != n || assetNames.size() != n) {
            throw new IllegalArgumentException("bounds and names must have one entry per asset (" + n + ")");
        }
        for (int i = 0; i < n; i++) {
            if (lower[i] > upper[i]) {
                throw new IllegalArgumentException("asset " + assetNames.get(i) + ": lower bound above upper bound");
            }
        }
        for (WeightConstraint c : constraints) {
            if (c.coefficients().length != n) {
                throw new IllegalArgumentException("constraint " + c.name() + " needs " + n + " coefficients");
            }
        }
        if (!(l2Gamma >= 0) || !Double.isFinite(l2Gamma)) {
            throw new IllegalArgumentException("the L2 gamma must be finite and non-negative, got " + l2Gamma);
        }
        constraints = List.copyOf(constraints);
        assetNames = List.copyOf(assetNames);
    }

    /** Long-only ({@code 0 <= w <= 1}), fully invested, no extra rows, no L2; assets named w0, w1, .... */
    public static DownsideProblem of(double[][] returns, double[] expectedReturns) {
        int n = expectedReturns.length;
        double[] hi = new double[n];
        Arrays.fill(hi, 1);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("w" + i);
        }
        return new DownsideProblem(returns, expectedReturns, new double[n], hi, Budget.FULLY_INVESTED, List.of(), 0,
                names);
    }

    public int assets() {
        return expectedReturns.length;
    }

    public int periods() {
        return returns.length;
    }

    /** The same bounds {@code lo <= w_i <= hi} for every asset. */
    public DownsideProblem withBounds(double lo, double hi) {
        double[] l = new double[assets()];
        double[] u = new double[assets()];
        Arrays.fill(l, lo);
        Arrays.fill(u, hi);
        return withBounds(l, u);
    }

    public DownsideProblem withBounds(double[] lo, double[] hi) {
        return new DownsideProblem(returns, expectedReturns, lo, hi, budget, constraints, l2Gamma, assetNames);
    }

    public DownsideProblem withBudget(Budget b) {
        return new DownsideProblem(returns, expectedReturns, lower, upper, b, constraints, l2Gamma, assetNames);
    }

    public DownsideProblem withConstraint(WeightConstraint c) {
        List<WeightConstraint> all = new ArrayList<>(constraints);
        all.add(c);
        return new DownsideProblem(returns, expectedReturns, lower, upper, budget, all, l2Gamma, assetNames);
    }

    public DownsideProblem withL2(double gamma) {
        return new DownsideProblem(returns, expectedReturns, lower, upper, budget, constraints, gamma, assetNames);
    }

    public DownsideProblem withAssetNames(List<String> names) {
        return new DownsideProblem(returns, expectedReturns, lower, upper, budget, constraints, l2Gamma, names);
    }

    @Override
    public double[][] returns() {
        return deepCopy(returns, assets());
    }

    @Override
    public double[] expectedReturns() {
        return expectedReturns.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** The returns themselves, not a copy: for this package's optimisers, which only read them. */
    double[][] scenarios() {
        return returns;
    }

    double[] mu() {
        return expectedReturns;
    }

    double lo(int i) {
        return lower[i];
    }

    double hi(int i) {
        return upper[i];
    }

    /** {@code w . mu}: the annualised expected return of the weights. */
    public double expectedReturn(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * expectedReturns[i];
        }
        return s;
    }

    private static double[][] deepCopy(double[][] m, int n) {
        double[][] out = new double[m.length][];
        for (int t = 0; t < m.length; t++) {
            if (m[t].length != n) {
                throw new IllegalArgumentException("return row " + t + " has " + m[t].length + " values, not " + n);
            }
            out[t] = finite(m[t].clone(), "return row " + t);
        }
        return out;
    }

    private static double[] finite(double[] v, String what) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException(what + " must be finite (no missing values), found " + x);
            }
        }
        return v;
    }
}
