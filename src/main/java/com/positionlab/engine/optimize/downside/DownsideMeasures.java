package com.positionlab.engine.optimize.downside;

import java.util.Arrays;

/**
 * The downside measures of given weights, computed directly from the scenarios (no optimisation): what the
 * optimisers minimise or constrain, and what their results report.
 */
public final class DownsideMeasures {

    private DownsideMeasures() {
    }

    /** The portfolio's return in each period, {@code r_t . w}. */
    public static double[] portfolioReturns(double[][] returns, double[] w) {
        double[] p = new double[returns.length];
        for (int t = 0; t < returns.length; t++) {
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                s += returns[t][i] * w[i];
            }
            p[t] = s;
        }
        return p;
    }

    /** The periodic semivariance {@code (1/T) sum_t min(r_t . w - b, 0)^2}, not annualised. */
    public static double semivariance(double[][] returns, double[] w, double benchmark) {
        double s = 0;
        for (double p : portfolioReturns(returns, w)) {
            double shortfall = Math.min(p - benchmark, 0);
            s += shortfall * shortfall;
        }
        return s / returns.length;
    }

    /** The annualised semideviation {@code sqrt(frequency * semivariance)}. */
    public static double semideviation(double[][] returns, double[] w, double benchmark, int frequency) {
        return Math.sqrt(frequency * semivariance(returns, w, benchmark));
    }

    /**
     * CVaR at confidence beta of the periodic loss {@code L_t = -r_t . w} (Rockafellar and Uryasev):
     * {@code min_alpha alpha + 1/((1 - beta) T) sum_t max(L_t - alpha, 0)}, per period (not annualised).
     */
    public static double cvar(double[][] returns, double[] w, double beta) {
        double[] loss = portfolioReturns(returns, w);
        for (int t = 0; t < loss.length; t++) {
            loss[t] = -loss[t];
        }
        return tailMean(loss, beta);
    }

    /**
     * The drawdowns of the cumulative sum of portfolio returns: {@code C_0 = 0, C_t = C_(t-1) + r_t . w},
     * {@code D_t = max_(0 <= s <= t) C_s - C_t} for t = 1..T (returned at index t - 1).
     */
    public static double[] drawdowns(double[][] returns, double[] w) {
        double[] p = portfolioReturns(returns, w);
        double[] d = new double[p.length];
        double previous = 0;
        for (int t = 0; t < p.length; t++) {
            previous = Math.max(previous - p[t], 0);
            d[t] = previous;
        }
        return d;
    }

    /**
     * CDaR at confidence beta: {@code min_alpha alpha + 1/((1 - beta) T) sum_t max(D_t - alpha, 0)} over the
     * drawdowns of {@link #drawdowns}, in units of cumulative (uncompounded) return.
     */
    public static double cdar(double[][] returns, double[] w, double beta) {
        return tailMean(drawdowns(returns, w), beta);
    }

    /**
     * {@code min_alpha alpha + 1/k sum_t max(x_t - alpha, 0)} with {@code k = (1 - beta) T}: the function of
     * alpha is convex and piecewise linear with slope {@code 1 - #{x_t > alpha}/k}, so it is least at the m-th
     * largest value, {@code m = ceil(k)} (clipped to 1..T).
     */
    static double tailMean(double[] x, double beta) {
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be strictly between 0 and 1, got " + beta);
        }
        double k = (1 - beta) * x.length;
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int m = (int) Math.min(x.length, Math.max(1, Math.ceil(k - 1e-9)));
        double alpha = sorted[x.length - m];
        double excess = 0;
        for (int j = x.length - 1; j > x.length - m; j--) {
            excess += sorted[j] - alpha;
        }
        return alpha + excess / k;
    }
}
