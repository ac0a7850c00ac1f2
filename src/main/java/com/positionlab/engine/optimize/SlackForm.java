package com.positionlab.engine.optimize;

import java.util.List;

/**
 * The frontier problem in slack form, as the critical line walks it. The variables {@code x} are the n
 * weights followed by one slack {@code s_r = a_r.w} per inequality row; the constraints are the equalities
 * {@code E x = c} (the budget {@code 1'w = b}, each equality row {@code a_r.w = c_r} and each inequality row's
 * definition {@code a_r.w - s_r = 0}) and the bounds {@code lo <= x <= hi} (an inequality row's limits become
 * its slack's bounds, possibly infinite). The objective at risk aversion parameter lambda is
 * {@code 1/2 x' S x - lambda m'x}, where S and m are the covariance and the means padded with zeros for the
 * slacks. Every inequality is then a bound, so rows enter and leave the active set exactly as weights do.
 */
final class SlackForm {

    /** Assets, variables (assets then slacks) and equality constraints (budget, then one per row). */
    final int n;
    final int variables;
    final int equalities;
    final double[] mean;
    final Covariance covariance;
    final double[] lo;
    final double[] hi;
    /** The right-hand side c of {@code E x = c}. */
    final double[] rhs;
    /** The user rows' names, one per equality constraint (index 0, the budget, is "budget"). */
    final String[] names;
    /** The user rows' coefficients, one per equality constraint after the budget. */
    private final double[][] coefficients;
    /** The slack variable of each equality constraint, or -1 for the budget and equality rows. */
    private final int[] slackOf;
    /** The equality constraint that defines each slack (indexed by variable - n). */
    private final int[] rowOf;

    SlackForm(double[] mean, Covariance covariance, double[] lower, double[] upper, List<CriticalLine.Row> rows,
              double budget) {
        this.n = mean.length;
        this.mean = mean;
        this.covariance = covariance;
        this.equalities = 1 + rows.size();
        int slacks = (int) rows.stream().filter(r -> r.lower() != r.upper()).count();
        this.variables = n + slacks;
        this.lo = new double[variables];
        this.hi = new double[variables];
        System.arraycopy(lower, 0, lo, 0, n);
        System.arraycopy(upper, 0, hi, 0, n);
        this.rhs = new double[equalities];
        this.names = new String[equalities];
        names[0] = "budget";
        this.coefficients = new double[equalities][];
        this.slackOf = new int[equalities];
        this.rowOf = new int[slacks];
        rhs[0] = budget;
        slackOf[0] = -1;
        int s = n;
        for (int k = 1; k < equalities; k++) {
            CriticalLine.Row r = rows.get(k - 1);
            names[k] = r.name();
            coefficients[k] = r.a();
            if (r.lower() == r.upper()) {
                rhs[k] = r.lower();
                slackOf[k] = -1;
            } else {
                slackOf[k] = s;
                rowOf[s - n] = k;
                lo[s] = r.lower();
                hi[s] = r.upper();
                s++;
            }
        }
    }

    boolean hasRows() {
        return equalities > 1;
    }

    /** The coefficient of variable j in equality constraint k. */
    double coefficient(int k, int j) {
        if (j < n) {
            return k == 0 ? 1 : coefficients[k][j];
        }
        return slackOf[k] == j ? -1 : 0;
    }

    /** The padded covariance S of variables i and j. */
    double cov(int i, int j) {
        return i < n && j < n ? covariance.entry(i, j) : 0;
    }

    /** The padded mean m of variable j. */
    double mean(int j) {
        return j < n ? mean[j] : 0;
    }

    /** The equality constraint that defines slack j (j >= n). */
    int rowOf(int j) {
        return rowOf[j - n];
    }

    /** The slack variable of equality constraint k, or -1 for the budget and equality rows. */
    int slackOf(int k) {
        return slackOf[k];
    }

    /** The user rows' values {@code a_r.w} written into the slacks of x (x's first n entries are the weights). */
    void fillSlacks(double[] x) {
        for (int k = 1; k < equalities; k++) {
            if (slackOf[k] >= 0) {
                double v = 0;
                for (int j = 0; j < n; j++) {
                    v += coefficients[k][j] * x[j];
                }
                x[slackOf[k]] = v;
            }
        }
    }

    /** {@code (E' nu)_j}: variable j's share of the constraint multipliers nu. */
    double transposed(int j, double[] nu, int offset) {
        if (j >= n) {
            return -nu[offset + rowOf(j)];
        }
        double s = nu[offset];
        for (int k = 1; k < equalities; k++) {
            s += coefficients[k][j] * nu[offset + k];
        }
        return s;
    }

    boolean fixed(int j) {
        return lo[j] == hi[j];
    }
}
