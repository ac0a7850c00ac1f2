package com.positionlab.engine.optimize;

import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The inverse of the KKT matrix of the free block, kept up to date as variables enter and leave:
 * <pre>
 *     K = [ 0     E_F     ]     (the q equality constraints first,
 *         [ E_F'  S_FF    ]      then the free variables in order of entry)
 * </pre>
 * K is nonsingular exactly when {@code E_F} has full row rank and S is positive definite on the null space of
 * {@code E_F}; this holds even for a singular covariance as long as the free set is no larger than that allows.
 * <ul>
 * <li>A variable j enters by bordering: with {@code v = [E_j; S_Fj]}, {@code u = K^-1 v} and the Schur
 * complement {@code s = S_jj - v'u} (the variance of the direction that moves x_j by one and keeps the other
 * constraints), {@code K'^-1 = [K^-1 + u u'/s, -u/s; -u'/s, 1/s]}. A zero s means the new block would be
 * singular: the caller then moves along that zero-variance direction instead.</li>
 * <li>A variable leaves by the Schur-complement downdate: moved to the last position, with {@code e} the last
 * column of {@code K^-1} and {@code d} its last entry, {@code K'^-1 = K^-1[0..p, 0..p] - e e'/d}.</li>
 * </ul>
 * Each update costs O(size^2) instead of a fresh O(size^3) inversion. Round-off is contained by inverting K
 * afresh every {@link #REFRESH} updates or every {@code size} updates, whichever is more (so the refresh
 * costs O(size^2) per update, like the updates), and whenever a solve's residual {@code |K x - b|} is not small.
 */
final class KktInverse {

    /** Updates between fresh inversions. */
    static final int REFRESH = 60;
    /** A Schur complement below this fraction of its terms' size marks a singular block. */
    static final double SINGULAR = 1e-11;
    /**
     * A leaving variable whose Schur complement is below this fraction of its variance (nearly a combination
     * of the other free variables) makes the downdate cancel large terms: the inverse is then refreshed.
     */
    static final double CANCELLATION = 1e-6;
    /** A diagonal entry of the inverse below this fraction of the largest marks a pinned variable. */
    static final double PINNED = 1e-10;
    /** The conditioning (see {@link #illConditioned}) above which solves are refined. */
    static final double ILL_CONDITIONED = 1e4;

    private final SlackForm p;
    private final int q;
    private final double[][] inv;
    private final int[] vars;
    private final int[] position;
    private final double maxVariance;
    private int size;
    private int updates;
    /** The largest diagonal entry of the weights' block of the inverse, NaN until needed after a change. */
    private double largestDiagonal = Double.NaN;

    KktInverse(SlackForm p, List<Integer> free) {
        this.p = p;
        this.q = p.equalities;
        int cap = q + p.variables;
        this.inv = new double[cap][cap];
        this.vars = new int[cap];
        this.position = new int[p.variables];
        Arrays.fill(position, -1);
        double big = 0;
        for (int i = 0; i < p.n; i++) {
            big = Math.max(big, p.cov[i][i]);
        }
        this.maxVariance = big;
        this.size = q;
        for (int j : free) {
            position[j] = size;
            vars[size++] = j;
        }
        refresh();
    }

    int constraints() {
        return q;
    }

    int freeCount() {
        return size - q;
    }

    /** The variable at free position t (0-based among the free variables). */
    int variable(int t) {
        return vars[q + t];
    }

    /** The free position of variable j, or -1 when it is bounded. */
    int freePosition(int j) {
        return position[j] < 0 ? -1 : position[j] - q;
    }

    /** {@code K^-1 b} for a right-hand side of the current size. */
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

    /** The border of variable j: {@code v = [E_j; S_Fj]}. */
    double[] border(int j) {
        double[] v = new double[size];
        for (int k = 0; k < q; k++) {
            v[k] = p.coefficient(k, j);
        }
        for (int a = q; a < size; a++) {
            v[a] = p.cov(vars[a], j);
        }
        return v;
    }

    /**
     * The Schur complement {@code s = S_jj - v'u} of variable j, with {@code u = K^-1 v}: 0 when it is zero to
     * rounding (the block with j would be singular), NaN when it is clearly negative, which a correct inverse
     * cannot give (S is positive semi-definite): the inverse has lost accuracy and must be refreshed.
     */
    double schur(int j, double[] v, double[] u) {
        double vu = 0;
        double scale = Math.abs(p.cov(j, j));
        for (int a = 0; a < size; a++) {
            vu += v[a] * u[a];
            scale += Math.abs(v[a] * u[a]);
        }
        double s = p.cov(j, j) - vu;
        if (s < -SINGULAR * scale) {
            return Double.NaN;
        }
        return s > SINGULAR * scale ? s : 0;
    }

    /** Adds variable j, whose border v, {@code u = K^-1 v} and positive Schur complement s are given. */
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
        position[j] = size;
        vars[size++] = j;
        counted();
    }

    /**
     * Whether removing free variable j leaves K nonsingular: {@code (K^-1)_jj} is not zero. The weights' block
     * of {@code K^-1} is {@code Z (Z'SZ)^-1 Z'}, Z a basis of the null space of {@code E_F}, so its diagonal is
     * non-negative and zero exactly for a variable the equality constraints pin (no direction that keeps them
     * moves it); zero is judged against the largest diagonal entry.
     */
    boolean removable(int j) {
        int a = position[j];
        return Math.abs(inv[a][a]) > PINNED * largestDiagonal();
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

    /**
     * Removes free variable j; each of the given solutions of the old system (null to skip) is carried to the
     * new one with x_j held at the given value: {@code y = x + (value - x_j) / e_jj e} (e the column of the old
     * inverse for j), without its entry for j.
     */
    double[][] remove(int j, double[][] solutions, double[] values) {
        int last = size - 1;
        int from = position[j];
        swap(from, last);
        double[] e = inv[last];
        double d = e[last];
        double[][] out = new double[solutions.length][];
        for (int k = 0; k < solutions.length; k++) {
            if (solutions[k] == null) {
                continue;
            }
            double[] x = solutions[k].clone();
            double t = x[from];
            x[from] = x[last];
            x[last] = t;
            double ratio = (values[k] - x[last]) / d;
            out[k] = new double[last];
            for (int a = 0; a < last; a++) {
                out[k][a] = x[a] + ratio * e[a];
            }
        }
        for (int a = 0; a < last; a++) {
            double ea = e[a] / d;
            double[] row = inv[a];
            for (int c = 0; c < last; c++) {
                row[c] -= ea * e[c];
            }
        }
        position[j] = -1;
        size = last;
        if (Math.abs(d) * p.cov(j, j) > 1 / CANCELLATION) {
            refresh();
        } else {
            counted();
        }
        return out;
    }

    private void counted() {
        largestDiagonal = Double.NaN;
        if (++updates >= Math.max(REFRESH, size)) {
            refresh();
        }
    }

    /** The symmetric exchange of positions a and b (rows, columns and variables). */
    private void swap(int a, int b) {
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
        int va = vars[a];
        vars[a] = vars[b];
        vars[b] = va;
        position[vars[a]] = a;
        position[vars[b]] = b;
    }

    /**
     * Inverts K afresh (LU with partial pivoting).
     *
     * @throws IllegalStateException when K is singular: the covariance is not positive definite on the
     *                               directions the free variables may move in
     */
    void refresh() {
        updates = 0;
        largestDiagonal = Double.NaN;
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

    /** {@code max |K x - b|} from the problem's data (not from the inverse): the check on its round-off. */
    double residual(double[] x, double[] b) {
        double worst = 0;
        for (double r : residuals(x, b)) {
            worst = Math.max(worst, Math.abs(r));
        }
        return worst;
    }

    /**
     * Whether K is ill-conditioned enough for {@link #solveRefined}: the largest diagonal entry of the weights'
     * block of {@code K^-1} (the inverse of the smallest variance along a free direction, roughly) times the
     * largest variance exceeds {@link #ILL_CONDITIONED}.
     */
    boolean illConditioned() {
        return largestDiagonal() * maxVariance > ILL_CONDITIONED;
    }

    /**
     * {@code K^-1 b}, with one step of iterative refinement ({@code x += K^-1 (b - K x)}, the residual from the
     * problem's data) when K is ill-conditioned: the explicit inverse then loses digits that the refinement
     * restores.
     */
    double[] solveRefined(double[] b) {
        double[] x = solve(b);
        if (illConditioned()) {
            double[] r = residuals(x, b);
            double[] dx = solve(r);
            for (int a = 0; a < size; a++) {
                x[a] -= dx[a];
            }
        }
        return x;
    }

    /** {@code K x - b} from the problem's data. */
    private double[] residuals(double[] x, double[] b) {
        double[] out = new double[size];
        for (int c = 0; c < q; c++) {
            double s = -b[c];
            for (int a = q; a < size; a++) {
                s += p.coefficient(c, vars[a]) * x[a];
            }
            out[c] = s;
        }
        for (int a = q; a < size; a++) {
            int j = vars[a];
            double s = -b[a];
            for (int c = 0; c < q; c++) {
                s += p.coefficient(c, j) * x[c];
            }
            if (j < p.n) {
                double[] row = p.cov[j];
                for (int c = q; c < size; c++) {
                    int i = vars[c];
                    s += i < p.n ? row[i] * x[c] : 0;
                }
            }
            out[a] = s;
        }
        return out;
    }
}
