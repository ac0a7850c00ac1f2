package com.positionlab.engine.riskmodel;

/** Solves small symmetric positive definite systems by Cholesky factorisation. */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * The solution y of {@code (A + lambda diag(max(|A_ii|, floor))) y = b}, or null when that matrix is not
     * positive definite. A is symmetric and is not modified.
     */
    static double[] solve(double[][] a, double[] b, double lambda, double floor) {
        int m = b.length;
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                if (i == j) {
                    s += lambda * Math.max(Math.abs(a[i][i]), floor);
                }
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
