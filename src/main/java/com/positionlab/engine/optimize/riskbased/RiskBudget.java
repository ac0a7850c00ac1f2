package com.positionlab.engine.optimize.riskbased;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import com.positionlab.engine.InvalidParameterException;

/**
 * Risk budgeting (long-only, fully invested): the weights w whose risk contributions
 * {@code RC_i = w_i (Sigma w)_i / sqrt(w' Sigma w)} are the shares b_i of the portfolio volatility,
 * {@code RC_i / sqrt(w' Sigma w) = b_i}; equal budgets {@code b_i = 1/n} give equal risk contribution (ERC).
 *
 * <p>Method: Spinu's convex formulation. With {@code sigma_i = sqrt(Sigma_ii)} and the correlation matrix
 * {@code C = D^-1 Sigma D^-1}, the unique minimiser z > 0 of
 * <pre>
 *   F(z) = 0.5 z' C z - sum_i b_i ln z_i
 * </pre>
 * satisfies {@code z_i (C z)_i = b_i} (so {@code z' C z = 1}), and {@code w_i = (z_i / sigma_i) / sum_j (z_j /
 * sigma_j)} has exactly the budgeted contributions. F is strictly convex with gradient {@code C z - b / z} and
 * Hessian {@code C + diag(b / z^2)} (positive definite for any positive semi-definite C), so Newton's method
 * with a backtracking line search that keeps z positive converges, quadratically near the end. It starts from
 * {@code z = sqrt(b)} scaled to {@code z' C z = 1} (the answer for uncorrelated assets) and stops when
 * {@code max_i |z_i (C z)_i / (z' C z b_i) - 1|} is at most the tolerance. When it cannot get there (for
 * example when a long-only portfolio has no risk at all, and F has no minimum) it throws
 * {@link NotConvergedException}.
 */
public final class RiskBudget {

    /** The default relative accuracy of every risk contribution. */
    public static final double TOLERANCE = 1e-12;
    /** Newton steps allowed. */
    public static final int MAX_ITERATIONS = 200;
    /** Budgets below this are refused; budgets must sum to 1 within {@link #BUDGET_SUM}. */
    public static final double MIN_BUDGET = 1e-10;
    public static final double BUDGET_SUM = 1e-9;
    private static final double ARMIJO = 1e-4;
    private static final double SMALLEST_STEP = 1e-14;

    private RiskBudget() {
    }

    /** Equal risk contribution: every budget {@code 1 / n}. */
    public static RiskBudgetPortfolio equalRisk(double[][] cov) {
        int n = cov == null ? 0 : cov.length;
        double[] b = new double[n];
        Arrays.fill(b, 1.0 / Math.max(n, 1));
        return solve(cov, b);
    }

    /** The portfolio whose volatility shares are {@code budgets}, to {@link #TOLERANCE}. */
    public static RiskBudgetPortfolio solve(double[][] cov, double[] budgets) {
        return solve(cov, budgets, TOLERANCE);
    }

    /**
     * As {@link #solve(double[][], double[])} to {@code tolerance}, from 1e-15 to 1e-3.
     *
     * @param cov     covariance matrix, symmetric with a positive diagonal
     * @param budgets b_i, one per asset, each at least {@link #MIN_BUDGET}, summing to 1
     */
    public static RiskBudgetPortfolio solve(double[][] cov, double[] budgets, double tolerance) {
        CovarianceMatrix s = CovarianceMatrix.of(cov);
        double[] b = budgets(budgets, s.size());
        InvalidParameterException.inRange("tolerance", tolerance, 1e-15, 1e-3);
        double[] z = start(s.corr, b);
        int it = 0;
        double residual = residual(s.corr, z, b);
        while (residual > tolerance) {
            if (it == MAX_ITERATIONS || !newtonStep(s.corr, b, z)) {
                throw new NotConvergedException("risk budgeting", it, residual);
            }
            it++;
            residual = residual(s.corr, z, b);
        }
        return portfolio(s, b, z, it);
    }

    private static double[] budgets(double[] budgets, int n) {
        if (budgets == null || budgets.length != n) {
            throw new InvalidParameterException("budgets", "need " + n + " budgets, one per asset");
        }
        double sum = 0;
        for (double v : budgets) {
            if (!Double.isFinite(v) || v < MIN_BUDGET) {
                throw new InvalidParameterException("budgets", "must each be positive (at least " + MIN_BUDGET
                        + "), got " + v);
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > BUDGET_SUM) {
            throw new InvalidParameterException("budgets", "must sum to 1, got " + sum);
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = budgets[i] / sum;
        }
        return b;
    }

    private static double[] start(double[][] c, double[] b) {
        double[] z = new double[b.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.sqrt(b[i]);
        }
        double scale = 1 / Math.sqrt(CovarianceMatrix.dot(z, CovarianceMatrix.multiply(c, z)));
        for (int i = 0; i < z.length; i++) {
            z[i] *= scale;
        }
        return z;
    }

    /** {@code max_i |z_i (C z)_i / (z' C z b_i) - 1|}: the largest relative error of a volatility share. */
    static double residual(double[][] c, double[] z, double[] b) {
        double[] cz = CovarianceMatrix.multiply(c, z);
        double var = CovarianceMatrix.dot(z, cz);
        double worst = 0;
        for (int i = 0; i < z.length; i++) {
            double r = Math.abs(z[i] * cz[i] / (var * b[i]) - 1);
            worst = Double.isNaN(r) ? Double.POSITIVE_INFINITY : Math.max(worst, r);
        }
        return worst;
    }

    /**
     * One Newton step on F with a backtracking (Armijo) line search from the longest step that keeps z
     * positive; z is updated in place. False when no step decreases F (the search stalled). Once the
     * predicted decrease is below F's rounding, the full step is taken.
     */
    private static boolean newtonStep(double[][] c, double[] b, double[] z) {
        int n = z.length;
        double[] cz = CovarianceMatrix.multiply(c, z);
        DMatrixRMaj h = new DMatrixRMaj(c);
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            h.add(i, i, b[i] / (z[i] * z[i]));
            g.set(i, 0, -(cz[i] - b[i] / z[i]));
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(h)) {
            return false;
        }
        DMatrixRMaj step = new DMatrixRMaj(n, 1);
        chol.solve(g, step);
        double slope = 0;
        double t = 1;
        for (int i = 0; i < n; i++) {
            slope -= g.get(i) * step.get(i);
            if (step.get(i) < 0) {
                t = Math.min(t, -0.99 * z[i] / step.get(i));
            }
        }
        double f0 = objective(c, b, z);
        boolean tiny = -slope <= 1e-15 * (Math.abs(f0) + 1);
        double[] next = new double[n];
        for (; t >= SMALLEST_STEP; t *= 0.5) {
            for (int i = 0; i < n; i++) {
                next[i] = z[i] + t * step.get(i);
            }
            if (tiny || objective(c, b, next) <= f0 + ARMIJO * t * slope) {
                System.arraycopy(next, 0, z, 0, n);
                return true;
            }
        }
        return false;
    }

    private static double objective(double[][] c, double[] b, double[] z) {
        double f = 0.5 * CovarianceMatrix.dot(z, CovarianceMatrix.multiply(c, z));
        for (int i = 0; i < z.length; i++) {
            f -= b[i] * Math.log(z[i]);
        }
        return f;
    }

    private static RiskBudgetPortfolio portfolio(CovarianceMatrix s, double[] b, double[] z, int iterations) {
        int n = z.length;
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = z[i] / s.sigma[i];
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        double[] sw = s.times(w);
        double vol = Math.sqrt(CovarianceMatrix.dot(w, sw));
        double[] rc = new double[n];
        double worst = 0;
        for (int i = 0; i < n; i++) {
            rc[i] = w[i] * sw[i] / vol;
            worst = Math.max(worst, Math.abs(rc[i] / (b[i] * vol) - 1));
        }
        return new RiskBudgetPortfolio(w, b, vol, rc, iterations, worst);
    }
}
