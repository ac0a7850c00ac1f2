package com.positionlab.engine.optimize;

import java.util.List;

/**
 * The critical line's state: every variable free or at one of its bounds, the point x, and the inverse of the
 * free block's KKT matrix. On a fixed working set the optimum at risk aversion lambda is affine in lambda,
 * {@code [nu; x_F] = alpha + lambda beta} with
 * <pre>
 *     K alpha = [c - E_B x_B; -S_FB x_B],      K beta = [0; m_F],
 * </pre>
 * and so is each bounded variable's reduced gradient {@code g_j = (S x)_j - lambda m_j + (E' nu)_j = p_j +
 * lambda q_j}, which must be non-negative at a lower bound and non-positive at an upper one. The bounded
 * variables' contribution {@code S_.B x_B} and {@code E_B x_B} is kept as variables enter and leave.
 */
final class WorkingSet {

    /** Where a variable is: strictly between its bounds (as far as the KKT system knows) or at one. */
    enum State { FREE, LOWER, UPPER }

    /** The affine solution on the working set and the bounded variables' reduced gradients p + lambda q. */
    record Solution(double[] alpha, double[] beta, double[] p, double[] q) {
    }

    private static final double RESIDUAL = 1e-9;
    /** Every this many solves, the solution's residual is checked against the problem's data. */
    private static final int CHECK_EVERY = 8;

    final SlackForm prob;
    final double[] x;
    final State[] state;
    final FreeBlock kkt;
    /** {@code S_.B x_B}, the bounded variables' pull on every asset's gradient. */
    private final Covariance.Accumulator pull;
    private final double[] fixedRows;
    private int solves;
    /** The current alpha and beta, or null when they must be solved afresh. */
    private double[] alpha;
    private double[] beta;

    WorkingSet(SlackForm prob, double[] x, List<Integer> free) {
        this.prob = prob;
        this.x = x;
        this.state = new State[prob.variables];
        for (int j = 0; j < prob.variables; j++) {
            state[j] = Math.abs(x[j] - prob.lo[j]) <= Math.abs(x[j] - prob.hi[j]) ? State.LOWER : State.UPPER;
        }
        for (int j : free) {
            state[j] = State.FREE;
        }
        for (int j = 0; j < prob.variables; j++) {
            if (state[j] != State.FREE) {
                x[j] = state[j] == State.LOWER ? prob.lo[j] : prob.hi[j];
            }
        }
        this.pull = prob.covariance.accumulator();
        this.fixedRows = new double[prob.equalities];
        recountBounded();
        this.kkt = FreeBlock.of(prob, free);
    }

    /** {@code S_.B x_B} and {@code E_B x_B} afresh from the bounded variables. */
    private void recountBounded() {
        pull.clear();
        java.util.Arrays.fill(fixedRows, 0);
        for (int j = 0; j < prob.variables; j++) {
            if (state[j] != State.FREE) {
                shift(j, x[j]);
            }
        }
    }

    /** Adds {@code amount} of bounded variable j to the bounded sums. */
    private void shift(int j, double amount) {
        if (amount == 0) {
            return;
        }
        for (int k = 0; k < prob.equalities; k++) {
            fixedRows[k] += prob.coefficient(k, j) * amount;
        }
        if (j < prob.n) {
            pull.add(j, amount);
        }
    }

    /**
     * The affine solution and reduced gradients. alpha and beta are carried through each entry and exit in
     * O(size) (see {@link #free} and {@link #bind}); every {@link #CHECK_EVERY} solves they are recomputed
     * from the inverse and the residual {@code |K x - r|} checked, and a residual that is not small brings a
     * fresh inversion. {@code exact} recomputes and refines them at every solve (the top of the frontier, where
     * tied returns make the decisions rest on beta being zero to rounding).
     */
    Solution solve(boolean exact) {
        if (alpha == null || ++solves % CHECK_EVERY == 0 || kkt.refines() || exact) {
            fresh(true, exact);
        }
        return gradients(alpha, beta);
    }

    private void fresh(boolean retry, boolean exact) {
        int q = kkt.constraints();
        int m = kkt.freeCount();
        double[] ra = new double[q + m];
        double[] rb = new double[q + m];
        for (int k = 0; k < q; k++) {
            ra[k] = prob.rhs[k] - fixedRows[k];
        }
        for (int t = 0; t < m; t++) {
            int j = kkt.variable(t);
            ra[q + t] = j < prob.n ? -pull.at(j) : 0;
            rb[q + t] = prob.mean(j);
        }
        alpha = kkt.solveRefined(ra, exact);
        beta = kkt.solveRefined(rb, exact);
        if (retry && (kkt.residual(alpha, ra) > RESIDUAL * (1 + norm(ra))
                || kkt.residual(beta, rb) > RESIDUAL * (1 + norm(rb)))) {
            kkt.refresh();
            recountBounded();
            fresh(false, exact);
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double a : v) {
            s = Math.max(s, Math.abs(a));
        }
        return s;
    }

    /**
     * p_j and q_j for every bounded variable (left zero for the free ones): {@code p_j = (S_jF alpha_F) +
     * (S x_B)_j + (E' nu_alpha)_j}, {@code q_j = S_jF beta_F - m_j + (E' nu_beta)_j}, in O(|B| m + |B| q)
     * (O(n k + |B| q) for a factor model of k factors).
     */
    private Solution gradients(double[] alpha, double[] beta) {
        int q = kkt.constraints();
        int n = prob.n;
        int m = kkt.freeCount();
        int[] assets = new int[m];
        double[] fa = new double[m];
        double[] fb = new double[m];
        int k = 0;
        for (int t = 0; t < m; t++) {
            int i = kkt.variable(t);
            if (i < n) {
                assets[k] = i;
                fa[k] = alpha[q + t];
                fb[k++] = beta[q + t];
            }
        }
        Covariance.Product sa = prob.covariance.product(assets, fa, k);
        Covariance.Product sb = prob.covariance.product(assets, fb, k);
        double[] p = new double[prob.variables];
        double[] g = new double[prob.variables];
        for (int j = 0; j < prob.variables; j++) {
            if (state[j] == State.FREE) {
                continue;
            }
            double pa = 0;
            double qb = 0;
            if (j < n) {
                pa = sa.row(j, 0) + pull.at(j);
                qb = sb.row(j, 0) - prob.mean[j];
            }
            p[j] = pa + prob.transposed(j, alpha, 0);
            g[j] = qb + prob.transposed(j, beta, 0);
        }
        return new Solution(alpha, beta, p, g);
    }

    /** The free variables' values at lambda (alpha where lambda is infinite), written into x. */
    void moveTo(Solution s, double lambda) {
        int q = kkt.constraints();
        for (int t = 0; t < kkt.freeCount(); t++) {
            double v = s.alpha()[q + t] + (Double.isInfinite(lambda) ? 0 : lambda * s.beta()[q + t]);
            x[kkt.variable(t)] = v;
        }
    }

    /** Moves the free variables by {@code step * direction} (direction indexed by free position). */
    void moveBy(double[] direction, double step) {
        for (int t = 0; t < kkt.freeCount(); t++) {
            x[kkt.variable(t)] += step * direction[t];
        }
    }

    /**
     * Puts free variable j at its bound in the given state and takes it out of the KKT system. The solution
     * with {@code x_j} held at a value c is {@code x + (c - x_j) / e_jj e}, e the column of {@code K^-1} for j
     * (the multiplier of {@code x_j = c} is that ratio): alpha with c the bound, beta with c = 0.
     */
    void bind(int j, State at) {
        if (!kkt.removable(j)) {
            throw new IllegalStateException("variable " + j + " is pinned by the equality constraints and cannot bind");
        }
        x[j] = at == State.LOWER ? prob.lo[j] : prob.hi[j];
        double[][] next = kkt.remove(j, new double[][] {alpha, beta}, new double[] {x[j], 0});
        alpha = next[0];
        beta = next[1];
        state[j] = at;
        shift(j, x[j]);
    }

    /** Moves bounded variable j to its other bound. */
    void flip(int j) {
        double from = x[j];
        state[j] = state[j] == State.LOWER ? State.UPPER : State.LOWER;
        x[j] = state[j] == State.LOWER ? prob.lo[j] : prob.hi[j];
        shift(j, x[j] - from);
        alpha = null;
    }

    /** Inverts the KKT matrix afresh and recomputes the bounded sums; alpha and beta are solved again. */
    void refresh() {
        kkt.refresh();
        recountBounded();
        alpha = null;
    }

    /** Moves bounded variable j by {@code amount} off its bound (a zero-variance move before it enters). */
    void shiftBounded(int j, double amount) {
        shift(j, amount);
        alpha = null;
    }

    /**
     * Frees bounded variable j, given its border v, {@code u = K^-1 v} and positive Schur complement s. Taking
     * x_j out of the bounded sums adds {@code x_j v} to the right-hand side, so the old block's solution becomes
     * {@code y = alpha + x_j u}; bordering then gives {@code x_j' = (r_j - v'y) / s} and {@code y - u x_j'}
     * (likewise for beta with r_j = m_j).
     */
    void free(int j, double[] v, double[] u, double s) {
        double xj = x[j];
        shift(j, -xj);
        state[j] = State.FREE;
        if (alpha != null) {
            alpha = bordered(alpha, xj, j < prob.n ? -pull.at(j) : 0, v, u, s);
            beta = bordered(beta, 0, prob.mean(j), v, u, s);
        }
        kkt.add(j, u, s);
    }

    private static double[] bordered(double[] sol, double xj, double rj, double[] v, double[] u, double s) {
        int d = sol.length;
        double[] out = new double[d + 1];
        double vy = 0;
        for (int a = 0; a < d; a++) {
            out[a] = sol[a] + xj * u[a];
            vy += v[a] * out[a];
        }
        double last = (rj - vy) / s;
        for (int a = 0; a < d; a++) {
            out[a] -= u[a] * last;
        }
        out[d] = last;
        return out;
    }

    /** The multipliers {@code nu = alpha_nu + lambda beta_nu} of the equality constraints. */
    double[] multipliers(Solution s, double lambda) {
        double[] nu = new double[kkt.constraints()];
        for (int k = 0; k < nu.length; k++) {
            nu[k] = s.alpha()[k] + lambda * s.beta()[k];
        }
        return nu;
    }
}
