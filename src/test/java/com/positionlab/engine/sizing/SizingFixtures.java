package com.positionlab.engine.sizing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.riskmodel.RiskModel;

/** Deterministic books and specs for the sizing tests. */
final class SizingFixtures {

    static final double EQUITY = 1_000_000;
    static final int DAYS = 252;

    private SizingFixtures() {
    }

    /**
     * Daily returns from a one-factor model: asset i has beta {@code betas[i]}, idiosyncratic volatility
     * {@code idio[i]} and daily drift {@code drift[i]}; the market's daily volatility is 1%.
     */
    static double[][] returns(double[] betas, double[] idio, double[] drift, int days, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] r = new double[betas.length][days];
        for (int t = 0; t < days; t++) {
            double m = 0.01 * gauss(rnd);
            for (int i = 0; i < betas.length; i++) {
                r[i][t] = drift[i] + betas[i] * m + idio[i] * gauss(rnd);
            }
        }
        return r;
    }

    static double gauss(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * Three holdings (A, B in Tech, C in Energy) at 20%, 15% and 10% of equity, and the candidate X in Tech,
     * not held; X has beta 1.2 and 1.5% idiosyncratic daily volatility.
     */
    static Book book() {
        double[][] r = returns(new double[] {1.0, 0.8, 0.5, 1.2}, new double[] {0.01, 0.012, 0.015, 0.015},
                new double[] {0.0004, 0.0003, 0.0002, 0.0005}, DAYS, 7);
        return new Book(new String[] {"A", "B", "C", "X"}, new double[] {0.20, 0.15, 0.10, 0},
                new String[] {"Tech", "Tech", "Energy", "Tech"}, new String[] {"S1", "S2", "S1", null}, r, 3);
    }

    static SizingSpec.Trade trade(int direction, double entry, double stop, double expectedReturn) {
        return new SizingSpec.Trade(direction, EQUITY, entry, stop, BigDecimal.ONE, expectedReturn, Conviction.MEDIUM,
                "S1", DAYS);
    }

    static SizingSpec.Method method(SizingMethod m) {
        return new SizingSpec.Method(m, 0.10, 0.02, 0.01, 0.25, 0.5, 0.25, null);
    }

    static SizingSpec.Risk risk(RiskModel model) {
        return new SizingSpec.Risk(model, 0.95, 1, false, 10_000, 42);
    }

    /** No limits at all, except a generous position cap. */
    static SizingSpec.Limits noLimits() {
        return new SizingSpec.Limits(10, 0, Double.NaN, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    static SizingSpec spec(SizingMethod m, SizingSpec.Trade trade, SizingSpec.Limits limits) {
        return new SizingSpec(trade, method(m), risk(RiskModel.HISTORICAL_VAR), limits, null, List.of());
    }

    static SizingSpec.Budgets budgets(double total, Map<String, Double> sectors) {
        return new SizingSpec.Budgets(total, sectors, Map.of(), 0.2, 20, 0);
    }

    // Independent statistics for the checks.

    static double cov(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (x.length - 1);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Annualised variance of the portfolio with weights w over the book's assets (full covariance matrix). */
    static double portfolioVariance(double[][] r, double[] w) {
        double v = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                v += w[i] * w[j] * cov(r[i], r[j]);
            }
        }
        return v * 252;
    }
}
