package com.positionlab.engine.optimize.downside;

import java.util.Arrays;

import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.engine.optimize.qp.QpResult;
import com.positionlab.engine.optimize.qp.QpSolver;
import com.positionlab.engine.optimize.qp.QuadraticProgram;

/**
 * Minimises {@code F(w) = c . w + gamma ||w||^2 + theta (1/T) sum_t max(b - r_t . w, 0)^2} over the weight
 * rows of {@link WeightRows}: a convex, piecewise quadratic objective whose pieces are the sets S of periods
 * in shortfall ({@code r_t . w < b}).
 *
 * <p>Rather than a program with a shortfall variable per period (T + n variables), each step solves an
 * n-variable quadratic program, the objective with the shortfall set S of the current point held fixed:
 * {@code m_S(w) = c . w + gamma ||w||^2 + theta (1/T) sum_(t in S) (b - r_t . w)^2}. At the current point
 * m_S has F's value and gradient (F is continuously differentiable), so the step to m_S's minimiser descends
 * along F; an exact line search on F (convex, piecewise quadratic along a line) takes the step. When the
 * minimiser of m_S has the shortfall set S itself, m_S and F agree there in value and gradient, so it meets
 * F's optimality conditions: the exact optimum, with no tolerance on the objective. Near the optimum the set
 * stops changing, which takes a few steps (a semismooth Newton method on the pieces).
 */
final class ShortfallNewton {

    /** A period within this of the benchmark counts as on either side when the sets are compared. */
    private static final double SIDE = 1e-12;
    private static final int MAX_STEPS = 100;
    /** A model minimum no lower than F at the current point (relatively) means the point is optimal. */
    private static final double NO_DESCENT = 1e-15;
    private static final int LINE_SEARCH_HALVINGS = 100;

    /** The optimum, the last program solved and the counts. */
    record Outcome(double[] w, QpResult last, int programs, int iterations) {
    }

    private final DownsideProblem problem;
    private final double[][] r;
    private final double benchmark;
    private final WeightRows rows;
    private final boolean withL2;

    ShortfallNewton(DownsideProblem problem, double benchmark, Double minimumReturn, boolean withL2) {
        this.problem = problem;
        this.r = problem.scenarios();
        this.benchmark = benchmark;
        this.rows = new WeightRows(problem, minimumReturn);
        this.withL2 = withL2;
    }

    /**
     * @param linear c (n values)
     * @param theta  the weight of the periodic semivariance, at least 0
     * @param start  a point to start from, or null to start from the minimiser with every period in S
     */
    Outcome minimise(double[] linear, double theta, double[] start) {
        int programs = 0;
        int iterations = 0;
        boolean[] set = new boolean[r.length];
        double[] w = start == null ? null : start.clone();
        if (w == null) {
            Arrays.fill(set, true);
            QpResult first = solveModel(linear, theta, set);
            programs++;
            iterations += first.iterations();
            w = Arrays.copyOf(first.x(), problem.assets());
        }
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] gap = gaps(w);
            for (int t = 0; t < r.length; t++) {
                set[t] = gap[t] > 0;
            }
            QpResult model = solveModel(linear, theta, set);
            programs++;
            iterations += model.iterations();
            double[] next = Arrays.copyOf(model.x(), problem.assets());
            if (theta == 0 || sameSet(set, gaps(next))) {
                return new Outcome(next, model, programs, iterations);
            }
            double here = objective(linear, theta, w);
            if (modelValue(linear, theta, set, next) >= here - NO_DESCENT * (1 + Math.abs(here))) {
                return new Outcome(w, model, programs, iterations);
            }
            double[] d = new double[next.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = next[i] - w[i];
            }
            double s = lineSearch(linear, theta, w, d, gap);
            for (int i = 0; i < d.length; i++) {
                w[i] += s * d[i];
            }
        }
        throw new OptimizationException(OptimizationException.Status.NOT_CONVERGED,
                "the semivariance's shortfall set still changed after " + MAX_STEPS + " steps");
    }

    /** The objective F at w. */
    double objective(double[] linear, double theta, double[] w) {
        double f = 0;
        for (int i = 0; i < w.length; i++) {
            f += linear[i] * w[i] + (withL2 ? problem.l2Gamma() * w[i] * w[i] : 0);
        }
        double sum = 0;
        for (double g : gaps(w)) {
            sum += g > 0 ? g * g : 0;
        }
        return f + theta * sum / r.length;
    }

    /**
     * m_S at w. It equals F at the point where S was taken; when m_S's minimum is no lower, that point already
     * meets F's optimality conditions (e.g. a zero semivariance reached on a whole face, where the shortfall set
     * is empty and m_S has many minimisers).
     */
    private double modelValue(double[] linear, double theta, boolean[] set, double[] w) {
        double f = 0;
        for (int i = 0; i < w.length; i++) {
            f += linear[i] * w[i] + (withL2 ? problem.l2Gamma() * w[i] * w[i] : 0);
        }
        double[] gap = gaps(w);
        double sum = 0;
        for (int t = 0; t < gap.length; t++) {
            sum += set[t] ? gap[t] * gap[t] : 0;
        }
        return f + theta * sum / r.length;
    }

    /** {@code b - r_t . w} per period: positive in shortfall. */
    private double[] gaps(double[] w) {
        double[] p = DownsideMeasures.portfolioReturns(r, w);
        for (int t = 0; t < p.length; t++) {
            p[t] = benchmark - p[t];
        }
        return p;
    }

    private static boolean sameSet(boolean[] set, double[] gap) {
        for (int t = 0; t < set.length; t++) {
            if (set[t] ? gap[t] < -SIDE : gap[t] > SIDE) {
                return false;
            }
        }
        return true;
    }

    /**
     * m_S as a program: {@code Q = 2 gamma I + (2 theta / T) sum_(t in S) r_t r_t'},
     * {@code c_model = c - (2 theta b / T) sum_(t in S) r_t}, both scaled by one positive factor (which leaves
     * the minimiser alone) so that Q's largest entry is 1.
     */
    private QpResult solveModel(double[] linear, double theta, boolean[] set) {
        int n = problem.assets();
        double[][] q = new double[n][n];
        double[] c = linear.clone();
        double k = 2 * theta / r.length;
        for (int t = 0; t < r.length; t++) {
            if (set[t] && theta > 0) {
                double[] rt = r[t];
                for (int i = 0; i < n; i++) {
                    c[i] -= k * benchmark * rt[i];
                    for (int j = 0; j <= i; j++) {
                        q[i][j] += k * rt[i] * rt[j];
                    }
                }
            }
        }
        double gamma2 = withL2 ? 2 * problem.l2Gamma() : 0;
        double largest = 0;
        for (int i = 0; i < n; i++) {
            q[i][i] += gamma2;
            for (int j = 0; j < i; j++) {
                q[j][i] = q[i][j];
            }
            for (int j = 0; j < n; j++) {
                largest = Math.max(largest, Math.abs(q[i][j]));
            }
        }
        double scale = largest > 0 ? 1 / largest : 1;
        QuadraticProgram.Builder b = rows.builder(0, false);
        if (largest > 0) {
            b.quadratic(q, scale);
        }
        for (int i = 0; i < n; i++) {
            b.linear(i, scale * c[i]);
        }
        return QpSolver.solve(b.build());
    }

    /**
     * The step {@code s} in [0, 1] minimising F(w + s d): F's slope along d,
     * {@code c.d + 2 gamma (w + s d).d - (2 theta / T) sum_t max(g_t - s r_t.d, 0) r_t.d}, rises with s; its
     * zero is found by bisection (1 when the slope at 1 is still negative).
     */
    private double lineSearch(double[] linear, double theta, double[] w, double[] d, double[] gap) {
        double[] rd = DownsideMeasures.portfolioReturns(r, d);
        double cd = 0;
        double wd = 0;
        double dd = 0;
        double gamma = withL2 ? problem.l2Gamma() : 0;
        for (int i = 0; i < d.length; i++) {
            cd += linear[i] * d[i];
            wd += w[i] * d[i];
            dd += d[i] * d[i];
        }
        double lo = 0;
        double hi = 1;
        if (slope(cd, gamma, wd, dd, theta, gap, rd, 1) <= 0) {
            return 1;
        }
        for (int h = 0; h < LINE_SEARCH_HALVINGS && hi - lo > 1e-17; h++) {
            double mid = 0.5 * (lo + hi);
            if (slope(cd, gamma, wd, dd, theta, gap, rd, mid) <= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private double slope(double cd, double gamma, double wd, double dd, double theta, double[] gap, double[] rd,
                         double s) {
        double sum = 0;
        for (int t = 0; t < gap.length; t++) {
            double g = gap[t] - s * rd[t];
            if (g > 0) {
                sum += g * rd[t];
            }
        }
        return cd + 2 * gamma * (wd + s * dd) - 2 * theta / gap.length * sum;
    }
}
