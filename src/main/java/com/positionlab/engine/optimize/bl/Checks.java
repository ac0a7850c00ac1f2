package com.positionlab.engine.optimize.bl;

/** Input checks of the Black-Litterman classes; each failure names the input and the problem. */
final class Checks {

    /** Entries that differ by more than this fraction of the larger one make a matrix asymmetric. */
    static final double SYMMETRY_TOLERANCE = 1e-10;

    private Checks() {
    }

    static double finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + v);
        }
        return v;
    }

    static void finite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + " " + i + " must be a finite number, got " + v[i]);
            }
        }
    }

    /** A finite, symmetric n x n covariance matrix with non-negative variances. */
    static void covariance(double[][] cov, int n) {
        symmetric("covariance", cov, n);
        for (int i = 0; i < n; i++) {
            if (cov[i][i] < 0) {
                throw new IllegalArgumentException("the variance of asset " + i + " must not be negative, got "
                        + cov[i][i]);
            }
        }
    }

    /** A finite n x n matrix, symmetric within {@link #SYMMETRY_TOLERANCE}. */
    static void symmetric(String name, double[][] m, int n) {
        if (m.length != n) {
            throw new IllegalArgumentException("the " + name + " matrix has " + m.length + " rows, not " + n);
        }
        for (int i = 0; i < n; i++) {
            if (m[i].length != n) {
                throw new IllegalArgumentException("the " + name + " matrix is not square: row " + i + " has "
                        + m[i].length + " values, not " + n);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double a = m[i][j];
                double b = m[j][i];
                if (!Double.isFinite(a) || !Double.isFinite(b)) {
                    throw new IllegalArgumentException("the " + name + " matrix holds " + (Double.isFinite(a) ? b : a)
                            + " at (" + i + ", " + j + ")");
                }
                if (Math.abs(a - b) > SYMMETRY_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) {
                    throw new IllegalArgumentException("the " + name + " matrix is not symmetric at (" + i + ", " + j
                            + "): " + a + " and " + b);
                }
            }
        }
    }
}
