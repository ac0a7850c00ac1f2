package com.positionlab.service.optimize;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ejml.simple.SimpleMatrix;

import com.positionlab.service.ValidationException;

/**
 * Expected returns and a covariance matrix given in the request ({@code mu}, {@code cov}), checked and put in
 * the order of the tickers: every ticker has a value, no unknown ticker, every number finite and within
 * {@value #MAX_MAGNITUDE} in size; the matrix square, symmetric and positive definite (a singular or
 * indefinite matrix is refused: the optimisers need an invertible one, and a repaired matrix is no longer
 * what was given).
 */
final class GivenEstimates {

    static final double MAX_MAGNITUDE = 1e6;

    private GivenEstimates() {
    }

    static double[] mu(Map<String, Double> given, List<String> tickers) {
        Set<String> known = new HashSet<>(tickers);
        for (String t : given.keySet()) {
            if (!known.contains(t)) {
                throw new ValidationException("mu." + ValidationException.clip(t), "is not one of the tickers");
            }
        }
        double[] mu = new double[tickers.size()];
        for (int i = 0; i < mu.length; i++) {
            Double v = given.get(tickers.get(i));
            if (v == null) {
                throw new ValidationException("mu." + tickers.get(i), "is missing");
            }
            if (!Double.isFinite(v) || Math.abs(v) > MAX_MAGNITUDE) {
                throw new ValidationException("mu." + tickers.get(i), "must be a finite number");
            }
            mu[i] = v;
        }
        return mu;
    }

    static double[][] covariance(OptimizeRequest.CovarianceInput given, List<String> tickers) {
        List<String> order = given.tickers();
        double[][] m = given.matrix();
        if (order == null || order.isEmpty() || order.size() > Estimates.MAX_ASSETS) {
            throw new ValidationException("cov.tickers", "must list 1 to " + Estimates.MAX_ASSETS + " tickers");
        }
        if (new HashSet<>(order).size() != order.size()) {
            throw new ValidationException("cov.tickers", "a ticker appears twice");
        }
        if (m == null || m.length != order.size()) {
            throw new ValidationException("cov.matrix", "must have one row per ticker (" + order.size() + ")");
        }
        int n = tickers.size();
        double[][] out = new double[n][n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = order.indexOf(tickers.get(i));
            if (index[i] < 0) {
                throw new ValidationException("cov.tickers", tickers.get(i) + " is missing");
            }
        }
        for (int r = 0; r < m.length; r++) {
            if (m[r] == null || m[r].length != order.size()) {
                throw new ValidationException("cov.matrix[" + r + "]", "must have " + order.size() + " values");
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = m[index[i]][index[j]];
            }
        }
        requireFinite(out, "cov.matrix");
        check(out);
        return out;
    }

    static void requireFinite(double[][] m, String field) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (!Double.isFinite(m[i][j]) || Math.abs(m[i][j]) > MAX_MAGNITUDE) {
                    throw new ValidationException(field, "entry [" + i + "][" + j + "] is not a finite number"
                            + " (too few prices for an asset?)");
                }
            }
        }
    }

    static void requireFinite(double[] v, List<String> tickers, String field) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new ValidationException(field, tickers.get(i) + " has no estimate (too few prices?)");
            }
        }
    }

    private static void check(double[][] m) {
        int n = m.length;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(m[i][i]));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(m[i][j] - m[j][i]) > 1e-10 * Math.max(scale, 1e-300)) {
                    throw new ValidationException("cov.matrix", "is not symmetric at [" + i + "][" + j + "]");
                }
            }
        }
        if (scale > 0 && positiveDefiniteAbove(m, 1e-12 * scale)) {
            return;
        }
        double[] eig = new SimpleMatrix(m).eig().getEigenvalues().stream()
                .mapToDouble(c -> c.getReal()).toArray();
        double min = java.util.Arrays.stream(eig).min().orElse(0);
        if (!(scale > 0) || min <= 1e-12 * scale) {
            throw new ValidationException("cov.matrix", min < 0 ? "is not positive semi-definite (least eigenvalue "
                    + min + ")" : "is singular: some portfolio has no variance");
        }
    }

    /**
     * Whether every eigenvalue of m exceeds t: whether {@code m - t I} has a Cholesky factor (a ninth of the
     * work of the eigenvalues, which are computed only to explain a refusal).
     */
    private static boolean positiveDefiniteAbove(double[][] m, double t) {
        org.ejml.data.DMatrixRMaj a = new org.ejml.data.DMatrixRMaj(m);
        for (int i = 0; i < m.length; i++) {
            a.add(i, i, -t);
        }
        return org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(m.length, true).decompose(a);
    }
}
