package com.positionlab.engine.optimize;

/**
 * Optimality (KKT) certificates of the critical line's turning points, the safety net under it. A point w is
 * the minimiser of {@code 1/2 w'Sigma w - lambda mu.w} (lambda >= 0) subject to the budget, the rows and the
 * bounds exactly when, with the multipliers nu of the budget and rows,
 * <ul>
 * <li>w satisfies every constraint (to {@link #FEASIBLE});</li>
 * <li>the reduced gradient {@code g = Sigma w - lambda mu + 1 nu_0 + sum_r a_r nu_r} is zero for a weight
 * strictly inside its bounds, non-negative at a lower and non-positive at an upper bound;</li>
 * <li>an inequality row's multiplier is zero when the row is strictly inside its limits, non-negative at its
 * upper and non-positive at its lower limit</li>
 * </ul>
 * (each to {@link #STATIONARY} relative to the largest {@code |Sigma w| + Sigma_ii + lambda |mu_i|}, the
 * gradient's size at w or at a unit position). The multipliers
 * come from the algorithm, but the check does not trust them: any nu that passes certifies w, since the
 * problem is convex. Every frontier point is a convex combination of two certified turning points at
 * neighbouring lambdas, so it is feasible and efficient too.
 */
final class Optimality {

    /** Constraint violation allowed, in weight units. */
    static final double FEASIBLE = 1e-9;
    /** Reduced-gradient violation allowed, relative to the gradient's size. */
    static final double STATIONARY = 1e-8;
    /** Distance from a bound within which a weight or row counts as at it. */
    private static final double AT = 1e-9;

    private Optimality() {
    }

    /** Null when the corner meets the conditions, else what fails; sw is {@code Sigma w}. */
    static String violation(SlackForm p, CriticalPath.Corner c, double[] sw) {
        double[] w = java.util.Arrays.copyOf(c.x(), p.variables);
        p.fillSlacks(w);
        String infeasible = infeasibility(p, w);
        if (infeasible != null) {
            return infeasible;
        }
        double scale = 0;
        for (int i = 0; i < p.n; i++) {
            scale = Math.max(scale, Math.abs(sw[i]) + p.covariance.entry(i, i) + c.lambda() * Math.abs(p.mean[i]));
        }
        double tol = STATIONARY * (scale + 1e-300);
        for (int j = 0; j < p.variables; j++) {
            double g = (j < p.n ? sw[j] - c.lambda() * p.mean[j] : 0) + p.transposed(j, c.nu(), 0);
            boolean atLower = Double.isFinite(p.lo[j]) && w[j] - p.lo[j] <= AT * (1 + Math.abs(p.lo[j]));
            boolean atUpper = Double.isFinite(p.hi[j]) && p.hi[j] - w[j] <= AT * (1 + Math.abs(p.hi[j]));
            boolean ok = atLower && atUpper || atLower && g >= -tol || atUpper && g <= tol || Math.abs(g) <= tol;
            if (!ok) {
                return "variable " + j + " has reduced gradient " + g + " at lambda " + c.lambda();
            }
        }
        return null;
    }

    private static String infeasibility(SlackForm p, double[] w) {
        for (int j = 0; j < p.variables; j++) {
            if (w[j] < p.lo[j] - FEASIBLE * (1 + Math.abs(p.lo[j]))
                    || w[j] > p.hi[j] + FEASIBLE * (1 + Math.abs(p.hi[j]))) {
                return (j < p.n ? "weight " : "row of slack ") + j + " = " + w[j] + " is outside its bounds";
            }
        }
        for (int k = 0; k < p.equalities; k++) {
            double s = -p.rhs[k];
            for (int j = 0; j < p.variables; j++) {
                s += p.coefficient(k, j) * w[j];
            }
            if (Math.abs(s) > FEASIBLE * (1 + Math.abs(p.rhs[k]))) {
                return "equality " + k + " (0 is the budget) is off by " + s;
            }
        }
        return null;
    }

    /** {@code Sigma w} over the assets (w's first n entries), skipping zero weights. */
    static double[] sigmaTimes(SlackForm p, double[] w) {
        return p.covariance.times(w.length == p.n ? w : java.util.Arrays.copyOf(w, p.n));
    }
}
