package com.positionlab.engine.optimize.hrp;

/** Input checks shared by the clustering and HRP: a finite, square, symmetric matrix. */
final class SymmetricCheck {

    /** Entries that differ by more than this fraction of the larger one make a matrix asymmetric. */
    static final double RELATIVE_TOLERANCE = 1e-10;

    private SymmetricCheck() {
    }

    /**
     * Requires {@code m} non-empty, square, finite and symmetric within {@link #RELATIVE_TOLERANCE}; callers read
     * its upper triangle, and its diagonal only when {@code withDiagonal}.
     *
     * @throws IllegalArgumentException naming the matrix and the offending entry
     */
    static void require(String name, double[][] m, boolean withDiagonal) {
        int n = m.length;
        if (n == 0) {
            throw new IllegalArgumentException("the " + name + " matrix is empty");
        }
        for (int i = 0; i < n; i++) {
            if (m[i].length != n) {
                throw new IllegalArgumentException("the " + name + " matrix is not square: row " + i + " has "
                        + m[i].length + " values for " + n + " rows");
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = withDiagonal ? i : i + 1; j < n; j++) {
                double a = m[i][j];
                double b = m[j][i];
                if (!Double.isFinite(a) || !Double.isFinite(b)) {
                    throw new IllegalArgumentException("the " + name + " matrix holds " + (Double.isFinite(a) ? b : a)
                            + " at (" + i + ", " + j + ")");
                }
                if (Math.abs(a - b) > RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) {
                    throw new IllegalArgumentException("the " + name + " matrix is not symmetric at (" + i + ", " + j
                            + "): " + a + " and " + b);
                }
            }
        }
    }
}
