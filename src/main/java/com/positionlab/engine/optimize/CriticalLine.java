package com.positionlab.engine.optimize;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact mean-variance efficient frontier by Markowitz's critical line algorithm: every turning point of
 * <pre>
 *     minimise 1/2 w'Sigma w - lambda mu.w   subject to  1'w = b,  lower_r <= a_r.w <= upper_r,  lo <= w <= hi
 * </pre>
 * as the risk-aversion parameter lambda falls from infinity (the highest-return portfolio; with tied expected
 * returns, the least-variance one among them) to 0 (the minimum-variance portfolio). Between consecutive
 * turning points the efficient weights are exactly linear in lambda and in the expected return, so every
 * frontier point, the maximum Sharpe ratio and any target return follow exactly from the turning points
 * ({@link Frontier}).
 *
 * <p>The rows (sector limits and the like) become slack variables, so a row reaching a limit or leaving it is
 * the same event as a weight reaching or leaving a bound ({@link SlackForm}, {@link CriticalPath}). The inverse
 * of the free block's KKT matrix is bordered and downdated as variables enter and leave ({@link KktInverse}),
 * with a fresh inversion every {@link KktInverse#REFRESH} updates and whenever a residual check fails. A
 * factor-model covariance ({@link FactorCovariance}) is used through its structure: every product with it
 * costs O(n k) instead of O(n^2), and with positive specific variances the free block's KKT system is solved
 * through it too ({@link FactorKkt}), so that a turning point costs O(n k) rather than O(n^2). The
 * covariance may be singular (fewer observations than assets): the KKT matrix only needs it positive definite
 * on the directions the free weights can move in, and where a variable's entry would break that the path moves
 * along the zero-variance direction instead ({@link Settle}). Every turning point is checked against the
 * optimality conditions ({@link Optimality}); one that fails is an {@link IllegalStateException}, never a
 * returned frontier.
 */
public final class CriticalLine {

    /**
     * A linear row {@code lower <= a.w <= upper} (an equality when lower == upper; either side may be
     * infinite, not both).
     */
    public record Row(String name, double[] a, double lower, double upper) {

        public Row {
            if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper
                    || lower == Double.POSITIVE_INFINITY || upper == Double.NEGATIVE_INFINITY
                    || Double.isInfinite(lower) && Double.isInfinite(upper)) {
                throw new IllegalArgumentException("row " + name + ": its limits " + lower + " to " + upper
                        + " are invalid");
            }
        }

        public static Row atMost(String name, double[] a, double upper) {
            return new Row(name, a, Double.NEGATIVE_INFINITY, upper);
        }

        public static Row atLeast(String name, double[] a, double lower) {
            return new Row(name, a, lower, Double.POSITIVE_INFINITY);
        }

        public static Row equal(String name, double[] a, double value) {
            return new Row(name, a, value, value);
        }
    }

    private CriticalLine() {
    }

    /** The frontier with {@code lower <= w <= upper} and {@code sum(w) = 1}. */
    public static Frontier solve(double[] mean, double[][] cov, double[] lower, double[] upper) {
        return solve(mean, new DenseCovariance(cov), lower, upper, List.of(), 1);
    }

    /** The frontier with {@code lower <= w <= upper} and {@code sum(w) = 1}. */
    public static Frontier solve(double[] mean, Covariance cov, double[] lower, double[] upper) {
        return solve(mean, cov, lower, upper, List.of(), 1);
    }

    /** The frontier with bounds, the rows and {@code sum(w) = 1}. */
    public static Frontier solve(double[] mean, double[][] cov, double[] lower, double[] upper, List<Row> rows) {
        return solve(mean, new DenseCovariance(cov), lower, upper, rows, 1);
    }

    /** The frontier with bounds, a dense covariance, the rows and {@code sum(w) = budget}. */
    public static Frontier solve(double[] mean, double[][] cov, double[] lower, double[] upper, List<Row> rows,
                                 double budget) {
        return solve(mean, new DenseCovariance(cov), lower, upper, rows, budget);
    }

    /**
     * The frontier with bounds, the rows and {@code sum(w) = budget} (0 for a market-neutral portfolio).
     *
     * @throws IllegalArgumentException when the sizes differ, a mean, covariance entry or bound is not finite,
     *                                  a lower bound exceeds its upper bound, or no portfolio meets the bounds,
     *                                  the budget and the rows
     * @throws IllegalStateException    when the covariance is singular on the directions the path must take
     *                                  and no nonsingular working set exists, or a turning point fails its
     *                                  optimality check (then no frontier is returned)
     */
    public static Frontier solve(double[] mean, Covariance cov, double[] lower, double[] upper, List<Row> rows,
                                 double budget) {
        validate(mean, cov, lower, upper, rows, budget);
        SlackForm p = new SlackForm(mean, cov, lower, upper, rows, budget);
        List<CriticalPath.Corner> corners = new CriticalPath(p).walk();
        return new Frontier(turningPoints(p, corners), mean, cov);
    }

    private static void validate(double[] mean, Covariance cov, double[] lower, double[] upper, List<Row> rows,
                                 double budget) {
        int n = mean.length;
        if (n == 0 || cov.size() != n || lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("mean, covariance and bounds must all have " + n + " assets");
        }
        if (!Double.isFinite(budget)) {
            throw new IllegalArgumentException("the budget must be finite, not " + budget);
        }
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < n; i++) {
            if (!cov.validRow(i) || !Double.isFinite(mean[i]) || !Double.isFinite(lower[i])
                    || !Double.isFinite(upper[i]) || lower[i] > upper[i]) {
                throw new IllegalArgumentException("asset " + i + ": its mean, covariance row or bounds are invalid");
            }
            lo += lower[i];
            hi += upper[i];
        }
        double slack = 1e-9 * (1 + Math.abs(budget));
        if (lo > budget + slack || hi < budget - slack) {
            String what = budget == 1 ? "fully invested portfolio" : "portfolio of budget " + budget;
            throw new IllegalArgumentException("no " + what + " is within the bounds (they sum to " + lo + " to " + hi
                    + ")");
        }
        for (Row r : rows) {
            if (r.a().length != n || !java.util.Arrays.stream(r.a()).allMatch(Double::isFinite)) {
                throw new IllegalArgumentException("row " + r.name() + " must have " + n + " finite coefficients");
            }
        }
    }

    /**
     * The certified turning points: each corner at a finite lambda must pass {@link Optimality}; consecutive
     * corners with the same weights (a degenerate vertex's events, the flat top segment) are one turning
     * point, at the lowest of their lambdas.
     */
    private static List<TurningPoint> turningPoints(SlackForm p, List<CriticalPath.Corner> corners) {
        List<TurningPoint> out = new ArrayList<>();
        double[] previous = null;
        for (CriticalPath.Corner c : corners) {
            double[] sw = Optimality.sigmaTimes(p, c.x());
            if (!Double.isInfinite(c.lambda())) {
                String v = Optimality.violation(p, c, sw);
                if (v != null) {
                    throw new IllegalStateException("the critical line produced a turning point that is not "
                            + "optimal: " + v);
                }
            }
            double[] w = java.util.Arrays.copyOf(c.x(), p.n);
            if (previous != null && same(previous, w)) {
                out.remove(out.size() - 1);
            }
            out.add(new TurningPoint(w, c.lambda(), TurningPoint.dot(w, p.mean), TurningPoint.dot(w, sw)));
            previous = w;
        }
        return out;
    }

    private static boolean same(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-12 * (1 + Math.abs(a[i]))) {
                return false;
            }
        }
        return true;
    }
}
