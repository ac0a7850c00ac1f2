package com.positionlab.engine.optimize;

/**
 * A corner portfolio of the efficient frontier: its weights, the risk-aversion parameter lambda at which it
 * lies (infinite for the highest-return corner, 0 for the minimum-variance portfolio), its expected return
 * and variance.
 */
public record TurningPoint(double[] weights, double lambda, double expectedReturn, double variance) {

    static TurningPoint of(double[] w, double lambda, double[] mean, double[][] cov) {
        return new TurningPoint(w, lambda, dot(w, mean), quadratic(w, cov));
    }

    public double volatility() {
        return Math.sqrt(variance);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double quadratic(double[] w, double[][] cov) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double row = 0;
            for (int j = 0; j < w.length; j++) {
                row += cov[i][j] * w[j];
            }
            s += w[i] * row;
        }
        return s;
    }
}
