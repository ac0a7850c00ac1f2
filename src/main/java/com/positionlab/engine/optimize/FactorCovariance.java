package com.positionlab.engine.optimize;

import java.util.Arrays;

/**
 * A factor-model covariance {@code Sigma = B F B' + D} of n assets and k factors: the loadings B (n x k, each
 * asset's exposure to each factor), the factors' covariance F (k x k, symmetric positive semi-definite) and
 * the specific (residual) variances D (n, non-negative, the diagonal of a diagonal matrix), in the same units
 * as Sigma (annualised, say: then F and D are annualised and B is unitless). Products with Sigma cost
 * O(n k) instead of O(n^2); the arrays are copied.
 */
public final class FactorCovariance extends Covariance {

    final int n;
    final int k;
    /** B, n x k. */
    final double[][] b;
    /** F, k x k. */
    final double[][] f;
    /** The diagonal of D. */
    final double[] d;
    /** {@code B F}, n x k. */
    private final double[][] bf;

    /**
     * @throws IllegalArgumentException when the sizes differ, an entry is not finite, a specific variance is
     *                                  negative, or F is not symmetric with a non-negative diagonal
     */
    public FactorCovariance(double[][] loadings, double[][] factorCovariance, double[] specific) {
        this.n = specific.length;
        this.k = factorCovariance.length;
        if (n == 0 || k == 0 || loadings.length != n) {
            throw new IllegalArgumentException("a factor model needs n >= 1 assets with loadings and k >= 1 factors");
        }
        this.b = new double[n][];
        for (int i = 0; i < n; i++) {
            b[i] = loadings[i].clone();
            if (b[i].length != k || !finite(b[i]) || !(specific[i] >= 0) || specific[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("asset " + i + ": its " + k + " loadings or its specific variance "
                        + "are invalid");
            }
        }
        this.d = specific.clone();
        this.f = new double[k][];
        for (int a = 0; a < k; a++) {
            f[a] = factorCovariance[a].clone();
            if (f[a].length != k || !finite(f[a]) || f[a][a] < 0) {
                throw new IllegalArgumentException("factor covariance row " + a + " is invalid");
            }
        }
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < a; c++) {
                if (Math.abs(f[a][c] - f[c][a]) > 1e-12 * (Math.abs(f[a][a]) + Math.abs(f[c][c]))) {
                    throw new IllegalArgumentException("the factor covariance is not symmetric");
                }
            }
        }
        this.bf = new double[n][];
        for (int i = 0; i < n; i++) {
            bf[i] = factorTimes(b[i]);
        }
    }

    private static boolean finite(double[] v) {
        return Arrays.stream(v).allMatch(Double::isFinite);
    }

    /** The number of factors k. */
    public int factors() {
        return k;
    }

    /** B, a copy. */
    public double[][] loadings() {
        return copy(b);
    }

    /** F, a copy. */
    public double[][] factorCovariance() {
        return copy(f);
    }

    /** The diagonal of D, a copy. */
    public double[] specific() {
        return d.clone();
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double entry(int i, int j) {
        return dot(bf[i], b[j]) + (i == j ? d[i] : 0);
    }

    /** {@code F y} for a k-vector y. */
    double[] factorTimes(double[] y) {
        double[] t = new double[k];
        for (int a = 0; a < k; a++) {
            t[a] = dot(f[a], y);
        }
        return t;
    }

    /** {@code B' x}, the factor exposures of x, skipping its zero entries. */
    double[] exposures(double[] x) {
        double[] y = new double[k];
        for (int i = 0; i < n; i++) {
            if (x[i] != 0) {
                for (int a = 0; a < k; a++) {
                    y[a] += b[i][a] * x[i];
                }
            }
        }
        return y;
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int a = 0; a < x.length; a++) {
            s += x[a] * y[a];
        }
        return s;
    }

    @Override
    public double[] times(double[] x) {
        double[] t = factorTimes(exposures(x));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = dot(b[i], t) + d[i] * x[i];
        }
        return out;
    }

    @Override
    public double bilinear(double[] x, double[] y) {
        double s = dot(exposures(x), factorTimes(exposures(y)));
        for (int i = 0; i < n; i++) {
            s += d[i] * x[i] * y[i];
        }
        return s;
    }

    /** {@code B F B' + D} as an n x n matrix (symmetric by construction). */
    @Override
    public double[][] dense() {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                out[i][j] = entry(i, j);
                out[j][i] = out[i][j];
            }
        }
        return out;
    }

    @Override
    boolean validRow(int i) {
        return true;
    }

    @Override
    Product product(int[] idx, double[] v, int count) {
        double[] y = new double[k];
        for (int c = 0; c < count; c++) {
            double[] bi = b[idx[c]];
            for (int a = 0; a < k; a++) {
                y[a] += bi[a] * v[c];
            }
        }
        double[] t = factorTimes(y);
        return new Product() {
            @Override
            public double row(int j, double start) {
                return start + dot(b[j], t);
            }

            @Override
            public double rowAt(int c, double start) {
                int i = idx[c];
                return start + (dot(b[i], t) + d[i] * v[c]);
            }
        };
    }

    @Override
    Accumulator accumulator() {
        return new Accumulator() {
            private final double[] y = new double[k];
            private final double[] own = new double[n];
            /** {@code F y}, null when y has changed since it was formed. */
            private double[] t;

            @Override
            public void add(int j, double amount) {
                for (int a = 0; a < k; a++) {
                    y[a] += b[j][a] * amount;
                }
                own[j] += d[j] * amount;
                t = null;
            }

            @Override
            public double at(int i) {
                if (t == null) {
                    t = factorTimes(y);
                }
                return dot(b[i], t) + own[i];
            }

            @Override
            public void clear() {
                Arrays.fill(y, 0);
                Arrays.fill(own, 0);
                t = null;
            }
        };
    }
}
