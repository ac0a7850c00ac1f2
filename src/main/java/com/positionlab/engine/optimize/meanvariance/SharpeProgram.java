package com.positionlab.engine.optimize.meanvariance;

import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.engine.optimize.qp.QpResult;
import com.positionlab.engine.optimize.qp.QpSolver;
import com.positionlab.engine.optimize.qp.QuadraticProgram;

/**
 * Maximum Sharpe ratio under general rows or an L2 term, by the change of variables {@code y = kappa w},
 * {@code kappa >= 0}: minimise {@code y'Sigma y + gamma ||y||^2} subject to {@code (mu - rf).y = 1},
 * {@code sum(y) = kappa}, {@code lower kappa <= y <= upper kappa} and each row {@code lo kappa <= a.y <=
 * hi kappa}, and {@code sum |y| <= max_leverage kappa} and {@code sum |y - kappa w0| <= max_turnover kappa}
 * when those limits apply (each homogeneous in (y, kappa), so still exact); then {@code w = y / kappa}.
 * Without the L2 term this is exactly the maximum Sharpe ratio; with it, the penalty acts on y (PyPortfolioOpt's
 * definition).
 */
final class SharpeProgram {

    private SharpeProgram() {
    }

    /** Exposures {@code g_i >= |y_i|} with {@code sum g <= max_leverage * kappa}. */
    private static void exposures(QuadraticProgram.Builder b, PortfolioProblem p, int size) {
        double[] all = Programs.exposures(b, p, p.n() + 1, size);
        all[p.n()] = -p.maxLeverage();
        b.atMost("max_leverage", all, 0);
    }

    /**
     * Trades {@code t_i >= |y_i - kappa w0_i|} at variables {@code first..first+n-1}, with
     * {@code sum t <= max_turnover * kappa}.
     */
    private static void trades(QuadraticProgram.Builder b, PortfolioProblem p, int first, int size) {
        int n = p.n();
        double[] all = new double[size];
        for (int i = 0; i < n; i++) {
            int t = first + i;
            String name = "trade " + p.names().get(i);
            b.name(t, name).bounds(t, 0, Double.POSITIVE_INFINITY);
            double[] up = new double[size];
            up[i] = 1;
            up[n] = -p.previous()[i];
            up[t] = -1;
            b.defining(name, up, 0);
            double[] down = new double[size];
            down[i] = -1;
            down[n] = p.previous()[i];
            down[t] = -1;
            b.defining(name, down, 0);
            all[t] = 1;
        }
        all[n] = -p.maxTurnover();
        b.atMost("max_turnover", all, 0);
    }

    static Allocation solve(PortfolioProblem p, double rf) {
        int n = p.n();
        int k = n;
        boolean gross = p.maxLeverage() < Double.POSITIVE_INFINITY;
        boolean turnover = p.maxTurnover() < Double.POSITIVE_INFINITY;
        int size = n + 1 + (gross ? n : 0) + (turnover ? n : 0);
        QuadraticProgram.Builder b = QuadraticProgram.builder(size).quadratic(p.cov(), 2);
        double[] excess = new double[size];
        double[] budget = new double[size];
        for (int i = 0; i < n; i++) {
            b.name(i, p.names().get(i));
            if (p.l2Gamma() > 0) {
                b.quadratic(i, 2 * p.l2Gamma());
            }
            excess[i] = p.mu()[i] - rf;
            budget[i] = 1;
            double[] up = new double[size];
            up[i] = 1;
            up[k] = -p.upper()[i];
            b.atMost(p.names().get(i) + " upper bound", up, 0);
            double[] down = new double[size];
            down[i] = -1;
            down[k] = p.lower()[i];
            b.atMost(p.names().get(i) + " lower bound", down, 0);
        }
        budget[k] = -p.budget();
        b.name(k, "kappa").bounds(k, 0, Double.POSITIVE_INFINITY);
        b.equal("excess return", excess, 1);
        b.equal("budget", budget, 0);
        if (gross) {
            exposures(b, p, size);
        }
        if (turnover) {
            trades(b, p, gross ? 2 * n + 1 : n + 1, size);
        }
        for (LinearConstraint row : p.rows()) {
            double[] a = java.util.Arrays.copyOf(row.coefficients(), size);
            if (row.upper() < Double.POSITIVE_INFINITY) {
                a[k] = -row.upper();
                b.atMost(row.name(), a, 0);
            }
            if (row.lower() > Double.NEGATIVE_INFINITY) {
                double[] neg = new double[size];
                for (int i = 0; i < n; i++) {
                    neg[i] = -row.coefficients()[i];
                }
                neg[k] = row.lower();
                b.atMost(row.name(), neg, 0);
            }
        }
        QpResult r = QpSolver.solve(b.build());
        double kappa = r.x()[k];
        if (!(kappa > 0)) {
            throw new OptimizationException(OptimizationException.Status.UNBOUNDED,
                    "the maximum Sharpe ratio is not attained within the constraints");
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = r.x()[i] / kappa;
        }
        return new Allocation(p.snapToBounds(w), r.solver() + ", y = kappa w", 1 + r.iterations());
    }
}
