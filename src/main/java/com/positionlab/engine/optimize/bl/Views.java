package com.positionlab.engine.optimize.bl;

/**
 * An investor's K views on N assets as a picking matrix P (K x N) and expected returns Q (K): view k says the
 * portfolio {@code P_k} (a row of weights) will return {@code Q_k}, annual and a fraction like the prior. An
 * absolute view "asset i returns q" is a row with 1 at i; a relative view "asset a outperforms b by q" is a row
 * with 1 at a and -1 at b.
 *
 * @param picking P, K rows of N finite weights, K at least 1
 * @param returns Q, K finite returns
 */
public record Views(double[][] picking, double[] returns) {

    public Views {
        if (picking.length == 0) {
            throw new IllegalArgumentException("there must be at least one view");
        }
        if (returns.length != picking.length) {
            throw new IllegalArgumentException("there are " + picking.length + " picking rows but " + returns.length
                    + " view returns");
        }
        int n = picking[0].length;
        double[][] p = new double[picking.length][];
        for (int k = 0; k < picking.length; k++) {
            if (picking[k].length != n) {
                throw new IllegalArgumentException("picking row " + k + " has " + picking[k].length + " assets, not "
                        + n);
            }
            Checks.finite("picking row " + k + ", asset", picking[k]);
            p[k] = picking[k].clone();
        }
        Checks.finite("view return", returns);
        picking = p;
        returns = returns.clone();
    }

    /**
     * Absolute views on {@code assets} assets: view k says asset {@code indices[k]} returns {@code returns[k]}.
     *
     * @throws IllegalArgumentException when the arrays differ in length, an index is out of range or repeated
     */
    public static Views absolute(int assets, int[] indices, double[] returns) {
        if (indices.length != returns.length) {
            throw new IllegalArgumentException(indices.length + " assets for " + returns.length + " view returns");
        }
        double[][] p = new double[indices.length][assets];
        boolean[] seen = new boolean[assets];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= assets) {
                throw new IllegalArgumentException("view " + k + " is on asset " + i + " of " + assets);
            }
            if (seen[i]) {
                throw new IllegalArgumentException("asset " + i + " has two absolute views");
            }
            seen[i] = true;
            p[k][i] = 1;
        }
        return new Views(p, returns);
    }

    /** K, the number of views. */
    public int count() {
        return returns.length;
    }

    /** N, the number of assets. */
    public int assets() {
        return picking[0].length;
    }

    @Override
    public double[][] picking() {
        double[][] p = new double[picking.length][];
        for (int k = 0; k < p.length; k++) {
            p[k] = picking[k].clone();
        }
        return p;
    }

    @Override
    public double[] returns() {
        return returns.clone();
    }
}
