package com.positionlab.engine.optimize;

/**
 * A covariance matrix Sigma of n assets (annualised, in return units squared), as the critical line algorithm
 * uses it: entries, products {@code Sigma x} and {@code x'Sigma y}, and the two partial products the walk
 * needs at every turning point. Either a dense matrix ({@link DenseCovariance}: each product O(n^2)) or a
 * factor model {@code B F B' + D} ({@link FactorCovariance}: each product O(n k) for k factors, and the
 * free block's KKT system solved in O(n k) too, see {@link FactorKkt}).
 */
public abstract sealed class Covariance permits DenseCovariance, FactorCovariance {

    /** The number of assets n. */
    public abstract int size();

    /** {@code Sigma_ij}. */
    public abstract double entry(int i, int j);

    /** {@code Sigma x}, skipping the zero entries of x. */
    public abstract double[] times(double[] x);

    /** {@code x' Sigma y}. */
    public abstract double bilinear(double[] x, double[] y);

    /** {@code w' Sigma w}, the variance of the portfolio w. */
    public double quadratic(double[] w) {
        return bilinear(w, w);
    }

    /** The matrix as n arrays of n entries (a copy, or for a dense covariance the wrapped array itself). */
    public abstract double[][] dense();

    /** The largest variance {@code max_i Sigma_ii}. */
    public double largestVariance() {
        double big = 0;
        for (int i = 0; i < size(); i++) {
            big = Math.max(big, entry(i, i));
        }
        return big;
    }

    /** Whether row i has n finite entries. */
    abstract boolean validRow(int i);

    /**
     * The product {@code Sigma_{.,S} v} with a vector v given on the assets {@code idx[0..count)} (zero
     * elsewhere), to be read one entry at a time.
     */
    abstract Product product(int[] idx, double[] v, int count);

    /** An accumulator of {@code Sigma_{.,B} x_B}, to which assets are added one at a time, starting at zero. */
    abstract Accumulator accumulator();

    /** Entries of a product {@code Sigma v}, each added to a given start (term by term for the dense form). */
    interface Product {

        /** {@code start + (Sigma v)_j} for an asset j outside the support idx. */
        double row(int j, double start);

        /** {@code start + (Sigma v)_j} for the asset {@code j = idx[c]} of the support. */
        double rowAt(int c, double start);
    }

    /** A running sum {@code s = sum_j Sigma_{.,j} a_j} over the amounts added. */
    interface Accumulator {

        /** Adds {@code amount Sigma_{.,j}}. */
        void add(int j, double amount);

        /** Entry i of the sum. */
        double at(int i);

        /** Sets the sum back to zero. */
        void clear();
    }
}
