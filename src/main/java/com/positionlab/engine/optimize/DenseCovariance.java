package com.positionlab.engine.optimize;

/**
 * A covariance given as its n x n matrix. The array is wrapped, not copied: it must not change while an
 * algorithm uses it. Its symmetry is assumed (row j is used as column j).
 */
public final class DenseCovariance extends Covariance {

    private final double[][] cov;

    public DenseCovariance(double[][] cov) {
        this.cov = cov;
    }

    @Override
    public int size() {
        return cov.length;
    }

    @Override
    public double entry(int i, int j) {
        return cov[i][j];
    }

    @Override
    public double[] times(double[] x) {
        int n = cov.length;
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            if (x[j] != 0) {
                double[] row = cov[j];
                for (int i = 0; i < n; i++) {
                    out[i] += row[i] * x[j];
                }
            }
        }
        return out;
    }

    @Override
    public double bilinear(double[] x, double[] y) {
        return TurningPoint.bilinear(x, cov, y);
    }

    @Override
    public double[][] dense() {
        return cov;
    }

    @Override
    boolean validRow(int i) {
        double[] row = cov[i];
        if (row.length != cov.length) {
            return false;
        }
        for (double v : row) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    Product product(int[] idx, double[] v, int count) {
        return new Product() {
            @Override
            public double row(int j, double start) {
                double[] row = cov[j];
                double s = start;
                for (int c = 0; c < count; c++) {
                    s += row[idx[c]] * v[c];
                }
                return s;
            }

            @Override
            public double rowAt(int c, double start) {
                return row(idx[c], start);
            }
        };
    }

    @Override
    Accumulator accumulator() {
        double[] sum = new double[cov.length];
        return new Accumulator() {
            @Override
            public void add(int j, double amount) {
                double[] row = cov[j];
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += row[i] * amount;
                }
            }

            @Override
            public double at(int i) {
                return sum[i];
            }

            @Override
            public void clear() {
                java.util.Arrays.fill(sum, 0);
            }
        };
    }
}
