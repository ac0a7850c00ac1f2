package com.positionlab.engine.optimize;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The free block's KKT system ({@link FreeBlock}) as the explicit inverse {@code K^-1}, bordered and downdated
 * as variables enter and leave; it takes any covariance.
 * <ul>
 * <li>A variable j enters by bordering: with {@code v = [E_j; S_Fj]}, {@code u = K^-1 v} and the Schur
 * complement s, {@code K'^-1 = [K^-1 + u u'/s, -u/s; -u'/s, 1/s]}.</li>
 * <li>A variable leaves by the Schur-complement downdate: moved to the last position, with {@code e} the last
 * column of {@code K^-1} and {@code d} its last entry, {@code K'^-1 = K^-1[0..p, 0..p] - e e'/d}.</li>
 * </ul>
 * Each update costs O(size^2) instead of a fresh O(size^3) inversion. Round-off is contained by inverting K
 * afresh every {@link #REFRESH} updates or every {@code size} updates, whichever is more (so the refresh
 * costs O(size^2) per update, like the updates), and whenever a solve's residual {@code |K x - b|} is not small.
 */
final class KktInverse extends FreeBlock {

    /** Updates between fresh inversions. */
    static final int REFRESH = 60;
    /**
     * A leaving variable whose Schur complement is below this fraction of its variance (nearly a combination
     * of the other free variables) makes the downdate cancel large terms: the inverse is then refreshed.
     */
    static final double CANCELLATION = 1e-6;
    /** The conditioning (see {@link #refines}) above which solves are refined. */
    static final double ILL_CONDITIONED = 1e4;
    /** A diagonal entry of the inverse below this fraction of the largest marks a pinned variable. */
    static final double PINNED = 1e-10;

    private final double[][] inv;
    /** The largest diagonal entry of the weights' block of the inverse, NaN until needed after a change. */
    private double largestDiagonal = Double.NaN;
    private int updates;

    KktInverse(SlackForm p, List<Integer> free) {
        super(p, free);
        int cap = q + p.variables;
        this.inv = new double[cap][cap];
        refresh();
    }

    @Override
    double[] solve(double[] b) {
        double[] x = new double[size];
        for (int a = 0; a < size; a++) {
            double[] row = inv[a];
            double s = 0;
            for (int c = 0; c < size; c++) {
                s += row[c] * b[c];
            }
            x[a] = s;
        }
        return x;
    }

    @Override
    void add(int j, double[] u, double s) {
        for (int a = 0; a < size; a++) {
            double ua = u[a] / s;
            double[] row = inv[a];
            for (int c = 0; c < size; c++) {
                row[c] += ua * u[c];
            }
            row[size] = -ua;
            inv[size][a] = -ua;
        }
        inv[size][size] = 1 / s;
        append(j);
        counted();
    }

    /**
     * Whether {@code (K^-1)_jj} is not zero. The weights' block of {@code K^-1} is {@code Z (Z'SZ)^-1 Z'}, Z a
     * basis of the null space of {@code E_F}, so its diagonal is non-negative and zero exactly for a variable
     * the equality constraints pin; zero is judged against the largest diagonal entry, or against the inverse
     * of the largest variance when that is more (a lone free variable's entry is the largest, and is rounding
     * when it is pinned).
     */
    @Override
    boolean removable(int j) {
        int a = position[j];
        return Math.abs(inv[a][a]) > PINNED * Math.max(largestDiagonal(), 1 / maxVariance);
    }

    private double largestDiagonal() {
        if (Double.isNaN(largestDiagonal)) {
            largestDiagonal = 0;
            for (int a = q; a < size; a++) {
                largestDiagonal = Math.max(largestDiagonal, Math.abs(inv[a][a]));
            }
        }
        return largestDiagonal;
    }

    @Override
    void changed() {
        largestDiagonal = Double.NaN;
    }

    @Override
    double[][] remove(int j, double[][] solutions, double[] values) {
        int last = size - 1;
        int from = position[j];
        exchange(from, last);
        double[] e = inv[last];
        double d = e[last];
        double[][] out = carry(solutions, values, e, from, last);
        for (int a = 0; a < last; a++) {
            double ea = e[a] / d;
            double[] row = inv[a];
            for (int c = 0; c < last; c++) {
                row[c] -= ea * e[c];
            }
        }
        dropLast();
        if (Math.abs(d) * p.cov(j, j) > 1 / CANCELLATION) {
            refresh();
        } else {
            counted();
        }
        return out;
    }

    private void counted() {
        if (++updates >= Math.max(REFRESH, size)) {
            refresh();
        }
    }

    /** The symmetric exchange of positions a and b (rows, columns and variables). */
    @Override
    void exchange(int a, int b) {
        if (a == b) {
            return;
        }
        double[] t = inv[a];
        inv[a] = inv[b];
        inv[b] = t;
        for (int r = 0; r < size; r++) {
            double x = inv[r][a];
            inv[r][a] = inv[r][b];
            inv[r][b] = x;
        }
        super.exchange(a, b);
    }

    /** Inverts K afresh (LU with partial pivoting). */
    @Override
    void refresh() {
        updates = 0;
        changed();
        DMatrixRMaj k = new DMatrixRMaj(size, size);
        for (int a = q; a < size; a++) {
            for (int c = 0; c < q; c++) {
                double e = p.coefficient(c, vars[a]);
                k.set(a, c, e);
                k.set(c, a, e);
            }
            for (int c = q; c < size; c++) {
                k.set(a, c, p.cov(vars[a], vars[c]));
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(size, size);
        if (!CommonOps_DDRM.invert(k, out) || !finite(out)) {
            throw new IllegalStateException("the KKT matrix of the free block is singular: the covariance is not "
                    + "positive definite on the directions the " + (size - q) + " free weights may move in");
        }
        for (int a = 0; a < size; a++) {
            for (int c = 0; c < size; c++) {
                inv[a][c] = out.get(a, c);
            }
        }
    }

    private static boolean finite(DMatrixRMaj m) {
        for (double v : m.data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether K is ill-conditioned enough for refined solves: the largest diagonal entry of the weights' block
     * of {@code K^-1} (the inverse of the smallest variance along a free direction, roughly) times the largest
     * variance exceeds {@link #ILL_CONDITIONED}; the explicit inverse then loses digits that the refinement
     * restores.
     */
    @Override
    boolean refines() {
        return largestDiagonal() * maxVariance > ILL_CONDITIONED;
    }
}
