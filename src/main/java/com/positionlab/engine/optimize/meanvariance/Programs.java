package com.positionlab.engine.optimize.meanvariance;

import com.positionlab.engine.optimize.qp.QuadraticProgram;

/**
 * Writes a mean-variance objective over a {@link PortfolioProblem} as a {@link QuadraticProgram}. The
 * variables are the n weights, followed, when there are transaction costs or a turnover limit, by n trade
 * sizes {@code t_i >= |w_i - previous_i|}, and when gross leverage is limited, by n exposures
 * {@code g_i >= |w_i|} with {@code sum g <= max_leverage}. The objective is
 * {@code risk * w'Sigma w - ret * mu.w + gamma ||w||^2 + k sum t}, subject to the budget, the bounds, the
 * problem's rows and the turnover limit.
 */
final class Programs {

    private Programs() {
    }

    static QuadraticProgram.Builder weights(PortfolioProblem p, double risk, double ret) {
        return weights(p, risk, ret, null);
    }

    /**
     * As {@link #weights(PortfolioProblem, double, double)}, with the worst case of the expected returns over
     * the box {@code |mu_i - mu^_i| <= uncertainty_i} in place of mu: {@code ret * (mu^.w - uncertainty.|w|)}.
     */
    static QuadraticProgram.Builder weights(PortfolioProblem p, double risk, double ret, double[] uncertainty) {
        int n = p.n();
        boolean trades = p.costRate() > 0 || p.maxTurnover() < Double.POSITIVE_INFINITY;
        boolean gross = p.maxLeverage() < Double.POSITIVE_INFINITY || uncertainty != null;
        int size = n * (1 + (trades ? 1 : 0) + (gross ? 1 : 0));
        QuadraticProgram.Builder b = QuadraticProgram.builder(size);
        if (risk != 0) {
            b.quadratic(p.cov(), 2 * risk);
        }
        double[] ones = new double[n];
        for (int i = 0; i < n; i++) {
            ones[i] = 1;
            b.name(i, p.names().get(i));
            b.bounds(i, p.lower()[i], p.upper()[i]);
            b.linear(i, -ret * p.mu()[i]);
            if (p.l2Gamma() > 0) {
                b.quadratic(i, 2 * p.l2Gamma());
            }
        }
        b.equal("budget", ones, p.budget());
        for (LinearConstraint row : p.rows()) {
            addRow(b, row.name(), row.coefficients(), row.lower(), row.upper());
        }
        if (trades) {
            addTrades(b, p, size);
        }
        if (gross) {
            int first = trades ? 2 * n : n;
            addExposures(b, p, first, size);
            for (int i = 0; uncertainty != null && i < n; i++) {
                b.linear(first + i, ret * uncertainty[i]);
            }
        }
        return b;
    }

    /** Exposures {@code g_i >= |w_i|} at variables {@code first..first+n-1}, summing to at most max_leverage. */
    private static void addExposures(QuadraticProgram.Builder b, PortfolioProblem p, int first, int size) {
        double[] all = exposures(b, p, first, size);
        if (p.maxLeverage() < Double.POSITIVE_INFINITY) {
            b.atMost("max_leverage", all, p.maxLeverage());
        }
    }

    /**
     * Adds the exposure variables {@code g_i >= |x_i|} of the first n variables at {@code first..first+n-1}
     * and returns the row with a 1 on each, for the caller's leverage limit.
     */
    static double[] exposures(QuadraticProgram.Builder b, PortfolioProblem p, int first, int size) {
        int n = p.n();
        double[] all = new double[size];
        for (int i = 0; i < n; i++) {
            int g = first + i;
            String name = "exposure " + p.names().get(i);
            b.name(g, name).bounds(g, 0, Double.POSITIVE_INFINITY);
            double[] up = new double[size];
            up[i] = 1;
            up[g] = -1;
            b.defining(name, up, 0);
            double[] down = new double[size];
            down[i] = -1;
            down[g] = -1;
            b.defining(name, down, 0);
            all[g] = 1;
        }
        return all;
    }

    static void addRow(QuadraticProgram.Builder b, String name, double[] a, double lower, double upper) {
        if (lower == upper) {
            b.equal(name, a, lower);
            return;
        }
        if (lower > Double.NEGATIVE_INFINITY) {
            b.atLeast(name + " minimum", a, lower);
        }
        if (upper < Double.POSITIVE_INFINITY) {
            b.atMost(name + " maximum", a, upper);
        }
    }

    private static void addTrades(QuadraticProgram.Builder b, PortfolioProblem p, int size) {
        int n = p.n();
        double[] all = new double[size];
        for (int i = 0; i < n; i++) {
            int t = n + i;
            b.name(t, "trade " + p.names().get(i));
            b.bounds(t, 0, Double.POSITIVE_INFINITY);
            b.linear(t, p.costRate());
            double[] up = new double[size];
            up[i] = 1;
            up[t] = -1;
            b.defining("trade " + p.names().get(i), up, p.previous()[i]);
            double[] down = new double[size];
            down[i] = -1;
            down[t] = -1;
            b.defining("trade " + p.names().get(i), down, -p.previous()[i]);
            all[t] = 1;
        }
        if (p.maxTurnover() < Double.POSITIVE_INFINITY) {
            b.atMost("max_turnover", all, p.maxTurnover());
        }
    }
}
