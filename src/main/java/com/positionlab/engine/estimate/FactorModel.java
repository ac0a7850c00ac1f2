package com.positionlab.engine.estimate;

import java.util.ArrayList;
import java.util.List;

import org.ejml.simple.SimpleEVD;
import org.ejml.simple.SimpleMatrix;

/**
 * Factor-model covariance matrices, annualised: {@code Sigma = B F B' + D}, the covariance the factors
 * explain plus each asset's own (residual) variance on the diagonal. Estimated on the rows where every
 * return (and factor) is present.
 * <ul>
 * <li>{@link #principalComponents}: the factors are the k principal components of the sample covariance S
 * (n - 1 in the denominator): {@code B F B' = V_k Lambda_k V_k'} from the k largest eigenvalues, and
 * {@code D = diag(S - V_k Lambda_k V_k')}. With k = n it is S itself.</li>
 * <li>{@link #regression}: given factor returns (Fama-French series, say), each asset's returns are regressed
 * on the factors with an intercept (ordinary least squares); B holds the slopes, F is the factors' sample
 * covariance, and D the residual variances with {@code T - k - 1} degrees of freedom.</li>
 * </ul>
 * Each is available as the n x n matrix or in its structured form ({@link Fit}: B, F and D).
 */
public final class FactorModel {

    /**
     * A fitted factor model {@code Sigma = B F B' + D}, annualised: the loadings B (n x k, unitless for the
     * principal components' unit eigenvectors, return per factor return for a regression), the factors'
     * covariance F (k x k, annualised) and the specific variances D (n, annualised, non-negative).
     */
    public record Fit(double[][] loadings, double[][] factorCovariance, double[] specific) {

        public int factors() {
            return factorCovariance.length;
        }

        /** {@code B F B' + D} as an n x n matrix (exactly symmetric). */
        public double[][] covariance() {
            int n = specific.length;
            int k = factors();
            double[][] bf = new double[n][k];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < k; a++) {
                    for (int c = 0; c < k; c++) {
                        bf[i][a] += loadings[i][c] * factorCovariance[c][a];
                    }
                }
            }
            double[][] out = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = i == j ? specific[i] : 0;
                    for (int a = 0; a < k; a++) {
                        s += bf[i][a] * loadings[j][a];
                    }
                    out[i][j] = s;
                    out[j][i] = s;
                }
            }
            return out;
        }
    }

    private FactorModel() {
    }

    public static double[][] principalComponents(ReturnTable r, int k, int frequency) {
        return principalComponentsFit(r, k, frequency).covariance();
    }

    /** The principal-components model: B the k leading unit eigenvectors, F their eigenvalues (diagonal). */
    public static Fit principalComponentsFit(ReturnTable r, int k, int frequency) {
        double[][] x = r.complete().values();
        int n = r.assets();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("components: must be between 1 and the number of assets (" + n + ")");
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("fewer than two rows where every asset has a return");
        }
        SimpleMatrix s = covariance(x);
        SimpleEVD<SimpleMatrix> evd = s.eig();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            order.add(j);
        }
        order.sort((a, b) -> Double.compare(evd.getEigenvalue(b).getReal(), evd.getEigenvalue(a).getReal()));
        double[][] loadings = new double[n][k];
        double[][] f = new double[k][k];
        double[] explained = new double[n];
        for (int c = 0; c < k; c++) {
            int j = order.get(c);
            double lambda = Math.max(0, evd.getEigenvalue(j).getReal());
            SimpleMatrix v = evd.getEigenVector(j);
            f[c][c] = lambda * frequency;
            for (int i = 0; i < n; i++) {
                loadings[i][c] = v.get(i);
                explained[i] += lambda * v.get(i) * v.get(i);
            }
        }
        double[] specific = new double[n];
        for (int i = 0; i < n; i++) {
            specific[i] = Math.max(0, s.get(i, i) - explained[i]) * frequency;
        }
        return new Fit(loadings, f, specific);
    }

    /**
     * @param factors factor returns per row of {@code r} (NaN where missing), one column per factor, in the
     *                same periods and units as the asset returns
     */
    public static double[][] regression(ReturnTable r, double[][] factors, int frequency) {
        return regressionFit(r, factors, frequency).covariance();
    }

    /**
     * The regression model: B the slopes, F the factors' sample covariance, D the residual variances.
     *
     * @param factors as for {@link #regression}
     */
    public static Fit regressionFit(ReturnTable r, double[][] factors, int frequency) {
        int n = r.assets();
        if (factors.length != r.rows()) {
            throw new IllegalArgumentException("factors: " + factors.length + " rows for " + r.rows() + " returns");
        }
        int k = factors.length == 0 ? 0 : factors[0].length;
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int t = 0; t < r.rows(); t++) {
            double[] y = r.values()[t];
            double[] f = factors[t];
            if (f.length == k && allPresent(y) && allPresent(f)) {
                double[] row = new double[k + 1];
                row[0] = 1;
                System.arraycopy(f, 0, row, 1, k);
                xs.add(row);
                ys.add(y);
            }
        }
        int rows = xs.size();
        if (k < 1 || rows <= k + 1) {
            throw new IllegalArgumentException("factors: need at least one factor and more than " + (k + 1)
                    + " rows where every return and factor is present, found " + rows);
        }
        SimpleMatrix x = new SimpleMatrix(xs.toArray(new double[0][]));
        SimpleMatrix y = new SimpleMatrix(ys.toArray(new double[0][]));
        SimpleMatrix coef = x.solve(y);
        SimpleMatrix resid = y.minus(x.mult(coef));
        SimpleMatrix b = coef.extractMatrix(1, k + 1, 0, n).transpose();
        double[][] f = new double[rows][k];
        for (int t = 0; t < rows; t++) {
            System.arraycopy(xs.get(t), 1, f[t], 0, k);
        }
        SimpleMatrix fc = covariance(f);
        double[][] loadings = new double[n][k];
        double[][] annual = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                annual[a][c] = fc.get(a, c) * frequency;
            }
        }
        double[] specific = new double[n];
        for (int i = 0; i < n; i++) {
            double ss = 0;
            for (int t = 0; t < rows; t++) {
                ss += resid.get(t, i) * resid.get(t, i);
            }
            specific[i] = ss / (rows - k - 1) * frequency;
            for (int a = 0; a < k; a++) {
                loadings[i][a] = b.get(i, a);
            }
        }
        return new Fit(loadings, annual, specific);
    }

    private static SimpleMatrix covariance(double[][] x) {
        int rows = x.length;
        int n = x[0].length;
        double[] mean = new double[n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                mean[i] += row[i] / rows;
            }
        }
        SimpleMatrix s = new SimpleMatrix(n, n);
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    s.set(i, j, s.get(i, j) + (row[i] - mean[i]) * (row[j] - mean[j]) / (rows - 1));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                s.set(j, i, s.get(i, j));
            }
        }
        return s;
    }

    private static boolean allPresent(double[] v) {
        for (double x : v) {
            if (Double.isNaN(x)) {
                return false;
            }
        }
        return true;
    }
}
