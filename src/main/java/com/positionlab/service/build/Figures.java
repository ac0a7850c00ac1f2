package com.positionlab.service.build;

import com.positionlab.engine.riskmodel.HistoricalVar;
import com.positionlab.engine.riskmodel.VarEstimate;

/** The figures of a {@link Selection} computed from weights, the build's estimates and its daily returns. */
final class Figures {

    private Figures() {
    }

    static Selection of(BuildResult r, String label, double[] w, boolean exact) {
        double[][] cov = r.cov();
        int n = w.length;
        double ret = 0;
        double var = 0;
        double[] sigmaW = new double[n];
        double squares = 0;
        double turnover = 0;
        for (int i = 0; i < n; i++) {
            ret += r.mu()[i] * w[i];
            for (int j = 0; j < n; j++) {
                sigmaW[i] += cov[i][j] * w[j];
            }
            var += w[i] * sigmaW[i];
            squares += w[i] * w[i];
            turnover += Math.abs(w[i] - r.current()[i]);
        }
        double vol = Math.sqrt(Math.max(var, 0));
        double[] shares = new double[n];
        for (int i = 0; i < n; i++) {
            shares[i] = var > 0 ? w[i] * sigmaW[i] / var : 0;
        }
        double[] daily = daily(r.dailyReturns(), w);
        VarEstimate v = daily.length >= 20 ? HistoricalVar.of(daily, 0.95) : new VarEstimate(Double.NaN, Double.NaN);
        return new Selection(label, w, ret, vol, vol > 0 ? (ret - r.riskFreeRate()) / vol : 0, v.var(), v.cvar(),
                maxDrawdown(daily), squares > 0 ? 1 / squares : 0, turnover,
                turnover * r.portfolioValue() * r.costRate(), shares, r.binding(w), exact);
    }

    /** The portfolio's daily returns, {@code r_t . w}, over the periods in which every asset has a return. */
    static double[] daily(double[][] returns, double[] w) {
        double[] out = new double[returns.length];
        for (int t = 0; t < returns.length; t++) {
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                s += returns[t][i] * w[i];
            }
            out[t] = s;
        }
        return out;
    }

    /** The largest fall from a peak of the compounded path {@code prod(1 + r_t)}, as a positive fraction. */
    static double maxDrawdown(double[] returns) {
        double value = 1;
        double peak = 1;
        double worst = 0;
        for (double x : returns) {
            value *= 1 + x;
            peak = Math.max(peak, value);
            worst = Math.max(worst, 1 - value / peak);
        }
        return worst;
    }
}
