package com.positionlab.engine.optimize.riskbased;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import com.positionlab.engine.InvalidParameterException;

/**
 * A validated covariance matrix of asset returns (any consistent units, for example annualised), its
 * volatilities {@code sigma_i = sqrt(Sigma_ii)} and its correlation matrix {@code C = D^-1 Sigma D^-1} with
 * {@code D = diag(sigma)}.
 */
final class CovarianceMatrix {

    /** The most assets accepted (Newton's step costs n^3 / 3). */
    static final int MAX_ASSETS = 1000;
    /** Asymmetry tolerated, relative to the largest volatility product. */
    private static final double SYMMETRY = 1e-12;

    final double[][] cov;
    final double[] sigma;
    final double[][] corr;

    private CovarianceMatrix(double[][] cov, double[] sigma, double[][] corr) {
        this.cov = cov;
        this.sigma = sigma;
        this.corr = corr;
    }

    int size() {
        return sigma.length;
    }

    /**
     * Checks that {@code cov} is square, finite, symmetric (to 1e-12 of {@code sigma_i sigma_j}) with a
     * positive diagonal, and at most {@link #MAX_ASSETS} assets. Positive definiteness is not checked here.
     */
    static CovarianceMatrix of(double[][] cov) {
        int n = cov == null ? 0 : cov.length;
        if (n == 0 || n > MAX_ASSETS) {
            throw new InvalidParameterException("covariance", "need 1 to " + MAX_ASSETS + " assets, got " + n);
        }
        double[] sigma = new double[n];
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (cov[i] == null || cov[i].length != n) {
                throw new InvalidParameterException("covariance", "must be " + n + " by " + n);
            }
            copy[i] = cov[i].clone();
            double v = cov[i][i];
            if (!Double.isFinite(v) || v <= 0) {
                throw new InvalidParameterException("covariance", "variance " + (i + 1) + " must be positive, got " + v);
            }
            sigma[i] = Math.sqrt(v);
        }
        double[][] corr = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = cov[i][j];
                if (!Double.isFinite(a) || Math.abs(a - cov[j][i]) > SYMMETRY * sigma[i] * sigma[j]) {
                    throw new InvalidParameterException("covariance", "entry (" + (i + 1) + ", " + (j + 1)
                            + ") is not finite or not symmetric: " + a);
                }
                corr[i][j] = i == j ? 1 : 0.5 * (a + cov[j][i]) / (sigma[i] * sigma[j]);
            }
        }
        return new CovarianceMatrix(copy, sigma, corr);
    }

    /** Throws unless the correlation matrix has a Cholesky factor (is positive definite). */
    CovarianceMatrix requirePositiveDefinite() {
        int n = size();
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(new DMatrixRMaj(corr))) {
            throw new InvalidParameterException("covariance", "is not positive definite");
        }
        return this;
    }

    /** {@code Sigma w}. */
    double[] times(double[] w) {
        return multiply(cov, w);
    }

    static double[] multiply(double[][] m, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += m[i][j] * x[j];
            }
            out[i] = s;
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
