package com.positionlab.engine.optimize;

/**
 * A portfolio of the efficient frontier: its weights, the risk-aversion parameter lambda at which it is
 * efficient (for a turning point, the lowest such lambda: the highest-return corner is also efficient for every
 * larger one; 0 for the minimum-variance portfolio), its expected return and variance. {@link Frontier#points()} holds the turning (corner) points; {@link Frontier#evenlySpaced(int)}
 * gives points between them in the same form.
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

    /** {@code x' Sigma y}, over the non-zero entries of x and y only. */
    static double bilinear(double[] x, double[][] cov, double[] y) {
        int[] ny = nonZero(y);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0) {
                double[] row = cov[i];
                double r = 0;
                for (int j : ny) {
                    r += row[j] * y[j];
                }
                s += x[i] * r;
            }
        }
        return s;
    }

    static double quadratic(double[] w, double[][] cov) {
        return bilinear(w, cov, w);
    }

    private static int[] nonZero(double[] v) {
        int[] idx = new int[v.length];
        int k = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                idx[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(idx, k);
    }
}
