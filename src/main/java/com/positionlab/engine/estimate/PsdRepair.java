package com.positionlab.engine.estimate;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Makes a covariance matrix positive semi-definite when estimation (pairwise rows, shrinkage, given values)
 * left it otherwise: spectral (negative eigenvalues set to zero, the matrix rebuilt from the eigenvectors)
 * or diagonal (the smallest eigenvalue times 1.1 taken off the diagonal). A matrix that is already PSD is
 * returned as it is.
 */
public final class PsdRepair {

    /** How to repair. */
    public enum Method { SPECTRAL, DIAG }

    private PsdRepair() {
    }

    /** Whether {@code s + 1e-16 I} has a Cholesky factor (the test PyPortfolioOpt uses). */
    public static boolean isPsd(double[][] s) {
        int n = s.length;
        DMatrixRMaj m = new DMatrixRMaj(s);
        for (int i = 0; i < n; i++) {
            m.add(i, i, 1e-16);
        }
        for (double v : m.data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        return chol.decompose(m);
    }

    /**
     * {@code s} made positive semi-definite by {@code method}; {@code s} itself when it already is.
     *
     * @throws IllegalArgumentException when {@code s} holds NaN or an infinity, or is not square
     */
    public static double[][] repair(double[][] s, Method method) {
        for (double[] row : s) {
            if (row.length != s.length) {
                throw new IllegalArgumentException("the matrix is not square: a row has " + row.length + " values for "
                        + s.length + " rows");
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("the matrix holds NaN or an infinity");
                }
            }
        }
        if (isPsd(s)) {
            return s;
        }
        int n = s.length;
        DMatrixRMaj m = new DMatrixRMaj(s);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) {
            throw new IllegalArgumentException("the matrix's eigenvalues could not be computed");
        }
        double[][] out = new double[n][n];
        if (method == Method.DIAG) {
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                min = Math.min(min, eig.getEigenvalue(k).getReal());
            }
            for (int i = 0; i < n; i++) {
                out[i] = s[i].clone();
                out[i][i] -= 1.1 * min;
            }
            return out;
        }
        for (int k = 0; k < n; k++) {
            double q = Math.max(0, eig.getEigenvalue(k).getReal());
            DMatrixRMaj v = eig.getEigenVector(k);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out[i][j] += q * v.get(i) * v.get(j);
                }
            }
        }
        return out;
    }
}
