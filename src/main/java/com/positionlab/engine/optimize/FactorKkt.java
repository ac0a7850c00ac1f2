package com.positionlab.engine.optimize;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The free block's KKT system ({@link FreeBlock}) solved through the structure of a factor-model covariance
 * {@code S = B F B' + D} ({@link FactorCovariance}) whose specific variances D are all positive: each solve
 * costs O(m (c + k)) for m free variables, c constraints and k factors, instead of the O(m^2) of an explicit
 * inverse, and an entry or exit costs O(m (c + k)^2).
 *
 * <p>A free slack s of row r has no variance and appears only in its row: its own equation gives the row's
 * multiplier {@code nu_r = -b_s}, and the row then gives {@code x_s = a_r.x - b_r}. The other constraints (the
 * budget, equality rows and rows at a limit: the tight ones, E) and the free weights x form
 * <pre>
 *     E x = b_E,      E' nu + D x + B F y = b'   with   y = B'x,   b' = b_x - sum_r a_r nu_r,
 * </pre>
 * so {@code x = D^-1 (b' - E' nu - B F y)}, and (nu, y) solve the reduced system of size c + k
 * <pre>
 *     [ E D^-1 E'    E D^-1 B F     ] [nu]   [E D^-1 b' - b_E]
 *     [ B' D^-1 E'   I + B' D^-1 B F ] [y ] = [B' D^-1 b'     ]
 * </pre>
 * (Woodbury's identity in KKT form; F need not be invertible). The reduced matrix is formed afresh, in
 * O(m (c + k)^2), whenever the free set changes, so no round-off accumulates; every solve is refined once
 * against the problem's data, which costs O(m (c + k)) as well.
 */
final class FactorKkt extends FreeBlock {

    /**
     * The factor form is used only when every specific variance exceeds this fraction of the largest variance.
     * A zero one makes the covariance singular along that asset's own direction, which only the explicit
     * inverse detects (a zero Schur complement), and one near zero makes the division by it lose the digits.
     */
    static final double SPECIFIC = 1e-9;
    /** A leverage within this of 1 marks a variable the equality constraints pin. */
    static final double PINNED = 1e-9;

    private final FactorCovariance f;
    private final int k;
    /** The tight constraints, then the reduced system's inverse (c + k square); null when the set changed. */
    private int[] tight;
    private double[][] reducedInverse;
    /** Whether each variable may leave (by variable; read for the free ones), null when the set changed. */
    private boolean[] removable;

    FactorKkt(SlackForm p, List<Integer> free) {
        super(p, free);
        this.f = (FactorCovariance) p.covariance;
        this.k = f.k;
        refresh();
    }

    /** Whether the problem's covariance is a factor model whose specific variances are all positive enough. */
    static boolean takes(SlackForm p) {
        if (!(p.covariance instanceof FactorCovariance fc)) {
            return false;
        }
        double floor = SPECIFIC * fc.largestVariance();
        for (double d : fc.d) {
            if (!(d > floor)) {
                return false;
            }
        }
        return true;
    }

    @Override
    void add(int j, double[] u, double s) {
        append(j);
    }

    @Override
    double[][] remove(int j, double[][] solutions, double[] values) {
        int last = size - 1;
        int from = position[j];
        double[] unit = new double[size];
        unit[from] = 1;
        double[] e = solveRefined(unit);
        double t = e[from];
        e[from] = e[last];
        e[last] = t;
        double[][] out = carry(solutions, values, e, from, last);
        exchange(from, last);
        dropLast();
        return out;
    }

    @Override
    void refresh() {
        changed();
        form();
    }

    /** Always: a refined solve costs O(m (c + k)), no more than the solve. */
    @Override
    boolean refines() {
        return true;
    }

    /**
     * Whether the equality constraints leave j free to move: with D positive, S is positive definite on the
     * weights and K is nonsingular exactly when {@code E_F} has full row rank, so j may leave unless its column
     * c_j is needed for that rank, that is unless its leverage {@code h_j = c_j' (E_F E_F')^-1 c_j} (between 0
     * and 1) is 1. This depends on the constraints alone, not on the covariance's conditioning.
     */
    @Override
    boolean removable(int j) {
        if (removable == null) {
            removable = leverages();
        }
        return removable[j];
    }

    /** Whether each free variable's leverage is below 1, from {@code (E_F E_F')^-1} (O(m q^2)). */
    private boolean[] leverages() {
        double[][] columns = new double[size - q][q];
        DMatrixRMaj g = new DMatrixRMaj(q, q);
        for (int a = q; a < size; a++) {
            double[] c = columns[a - q];
            for (int r = 0; r < q; r++) {
                c[r] = p.coefficient(r, vars[a]);
            }
            for (int r = 0; r < q; r++) {
                for (int t = 0; t < q; t++) {
                    g.add(r, t, c[r] * c[t]);
                }
            }
        }
        double[][] gi = inverse(g);
        boolean[] out = new boolean[p.variables];
        for (int a = q; a < size; a++) {
            double[] c = columns[a - q];
            out[vars[a]] = 1 - FactorCovariance.dot(c, multiply(gi, c)) > PINNED;
        }
        return out;
    }

    @Override
    void changed() {
        reducedInverse = null;
        removable = null;
    }

    /** {@code g_i = [E_i; B_i']} over the tight constraints, for weight i, written into g. */
    private void column(int i, double[] g) {
        int c = tight.length;
        for (int r = 0; r < c; r++) {
            g[r] = p.coefficient(tight[r], i);
        }
        System.arraycopy(f.b[i], 0, g, c, k);
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            out[r] = FactorCovariance.dot(m[r], v);
        }
        return out;
    }

    private double[][] reduced() {
        if (reducedInverse == null) {
            form();
        }
        return reducedInverse;
    }

    /**
     * Finds the tight constraints and inverts the reduced matrix {@code M = H P + diag(0, I)}, with
     * {@code H = sum_i g_i g_i' / D_i} over the free weights.
     *
     * @throws IllegalStateException when M (so K) is singular
     */
    private void form() {
        int count = 0;
        int[] t = new int[q];
        for (int c = 0; c < q; c++) {
            int s = p.slackOf(c);
            if (s < 0 || position[s] < 0) {
                t[count++] = c;
            }
        }
        tight = java.util.Arrays.copyOf(t, count);
        int r = count + k;
        double[][] h = new double[r][r];
        double[] g = new double[r];
        for (int a = q; a < size; a++) {
            int i = vars[a];
            if (i < p.n) {
                column(i, g);
                for (int x = 0; x < r; x++) {
                    double gx = g[x] / f.d[i];
                    for (int y = 0; y <= x; y++) {
                        h[x][y] += gx * g[y];
                    }
                }
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(r, r);
        for (int x = 0; x < r; x++) {
            for (int y = 0; y < r; y++) {
                double hxy = h[Math.max(x, y)][Math.min(x, y)];
                if (y < count) {
                    m.set(x, y, hxy);
                } else {
                    double s = x == y ? 1 : 0;
                    for (int z = 0; z < k; z++) {
                        s += h[Math.max(x, count + z)][Math.min(x, count + z)] * f.f[z][y - count];
                    }
                    m.set(x, y, s);
                }
            }
        }
        reducedInverse = inverse(m);
    }

    /**
     * @throws IllegalStateException when m is singular (then so is K)
     */
    private double[][] inverse(DMatrixRMaj m) {
        int r = m.numRows;
        DMatrixRMaj inv = new DMatrixRMaj(r, r);
        if (!CommonOps_DDRM.invert(m, inv) || !java.util.Arrays.stream(inv.data).allMatch(Double::isFinite)) {
            throw new IllegalStateException("the KKT matrix of the free block is singular: the covariance is not "
                    + "positive definite on the directions the " + (size - q) + " free weights may move in");
        }
        double[][] out = new double[r][r];
        for (int x = 0; x < r; x++) {
            for (int y = 0; y < r; y++) {
                out[x][y] = inv.get(x, y);
            }
        }
        return out;
    }

    @Override
    double[] solve(double[] b) {
        double[][] m = reduced();
        int c = tight.length;
        double[] out = new double[size];
        double[] bp = new double[size];
        System.arraycopy(b, q, bp, q, size - q);
        for (int a = q; a < size; a++) {
            int s = vars[a];
            if (s >= p.n) {
                int row = p.rowOf(s);
                out[row] = -b[a];
                for (int t = q; t < size; t++) {
                    if (vars[t] < p.n) {
                        bp[t] -= p.coefficient(row, vars[t]) * out[row];
                    }
                }
            }
        }
        double[] rhs = new double[c + k];
        for (int x = 0; x < c; x++) {
            rhs[x] = -b[tight[x]];
        }
        for (int a = q; a < size; a++) {
            int i = vars[a];
            if (i < p.n) {
                double scaled = bp[a] / f.d[i];
                for (int x = 0; x < c; x++) {
                    rhs[x] += p.coefficient(tight[x], i) * scaled;
                }
                for (int z = 0; z < k; z++) {
                    rhs[c + z] += f.b[i][z] * scaled;
                }
            }
        }
        double[] nuY = multiply(m, rhs);
        for (int x = 0; x < c; x++) {
            out[tight[x]] = nuY[x];
        }
        double[] fy = f.factorTimes(java.util.Arrays.copyOfRange(nuY, c, c + k));
        weights(out, bp, nuY, fy);
        slacks(out, b);
        return out;
    }

    /** {@code x = D^-1 (b' - E' nu - B F y)} for the free weights. */
    private void weights(double[] out, double[] bp, double[] nuY, double[] fy) {
        int c = tight.length;
        for (int a = q; a < size; a++) {
            int i = vars[a];
            if (i < p.n) {
                double s = bp[a] - FactorCovariance.dot(f.b[i], fy);
                for (int x = 0; x < c; x++) {
                    s -= p.coefficient(tight[x], i) * nuY[x];
                }
                out[a] = s / f.d[i];
            }
        }
    }

    /** {@code x_s = a_r.x - b_r} for each free slack s of a row r. */
    private void slacks(double[] out, double[] b) {
        for (int a = q; a < size; a++) {
            int s = vars[a];
            if (s >= p.n) {
                int row = p.rowOf(s);
                double v = 0;
                for (int t = q; t < size; t++) {
                    if (vars[t] < p.n) {
                        v += p.coefficient(row, vars[t]) * out[t];
                    }
                }
                out[a] = v - b[row];
            }
        }
    }
}
