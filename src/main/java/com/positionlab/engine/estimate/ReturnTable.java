package com.positionlab.engine.estimate;

/**
 * Daily (or weekly, monthly) returns of several assets, row by row, with NaN where an asset had no price on
 * a row or the row before (before it was listed): no filling. Made from prices by {@link #fromPrices}.
 *
 * @param values returns, {@code values[t][i]} for row t and asset i; NaN when missing
 */
public record ReturnTable(double[][] values) {

    public int rows() {
        return values.length;
    }

    public int assets() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /**
     * Simple returns {@code P[t] / P[t-1] - 1} per asset (or their logarithms), NaN when either price is
     * missing (NaN), without filling; rows whose returns are all missing are dropped (the first row always).
     *
     * @param prices {@code prices[t][i]}, NaN where asset i has no price on row t; every row the same length
     */
    public static ReturnTable fromPrices(double[][] prices, boolean log) {
        int n = prices.length == 0 ? 0 : prices[0].length;
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (int t = 1; t < prices.length; t++) {
            if (prices[t].length != n || prices[t - 1].length != n) {
                throw new IllegalArgumentException("price row " + t + " has " + prices[t].length + " values, not " + n);
            }
            double[] r = new double[n];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                double p0 = prices[t - 1][i];
                double p1 = prices[t][i];
                r[i] = Double.isNaN(p0) || Double.isNaN(p1) ? Double.NaN : p1 / p0 - 1;
                if (log && !Double.isNaN(r[i])) {
                    r[i] = Math.log1p(r[i]);
                }
                any |= !Double.isNaN(r[i]);
            }
            if (any) {
                rows.add(r);
            }
        }
        return new ReturnTable(rows.toArray(new double[0][]));
    }

    /** The rows where every asset has a return. */
    public ReturnTable complete() {
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (double[] r : values) {
            boolean all = true;
            for (double v : r) {
                all &= !Double.isNaN(v);
            }
            if (all) {
                rows.add(r);
            }
        }
        return new ReturnTable(rows.toArray(new double[0][]));
    }
}
