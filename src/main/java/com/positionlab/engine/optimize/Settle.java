package com.positionlab.engine.optimize;

import com.positionlab.engine.optimize.WorkingSet.Solution;
import com.positionlab.engine.optimize.WorkingSet.State;

/**
 * Makes the working set optimal at one value of lambda, by a primal active-set method at that lambda: move
 * towards the working set's optimum, stopping at the first variable to reach a bound (which then binds); once
 * there, free the bounded variable whose reduced gradient has the wrong sign the most. At an infinite lambda
 * the objective is lexicographic (the highest return first, then the least variance among the portfolios of
 * that return): the reduced gradient is compared by its lambda coefficient q, then by p, and while a freed
 * variable raises the return the move follows beta, the direction of rising return, to the first bound.
 *
 * <p>Along the critical line this only confirms the state after each event, or resolves a degenerate vertex
 * (several variables at a bound at the same lambda). At the start it finds the top of the frontier: the
 * maximum-return vertex (with tied expected returns, its least-variance point). A freed variable whose Schur
 * complement is zero would make the KKT matrix singular (a direction of zero variance, as a rank-deficient
 * covariance has): the point then moves along that direction, on which the objective is flat at this lambda
 * and falls below it, to the first bound, and the variable that reaches it leaves in exchange.
 */
final class Settle {

    /** Relative size of a move or a reduced gradient below which it is rounding. */
    private static final double ROUNDING = 1e-12;
    /** How far past its bound a kept variable may be moved by rounding (weight units, relative to 1 + |bound|). */
    private static final double KEPT = 1e-9;

    private final WorkingSet ws;
    private final SlackForm p;
    private final double gradientScale;
    private final double returnScale;
    /** The variable that may not change side while settling at the current lambda, or -1. */
    private int kept = -1;

    Settle(WorkingSet ws) {
        this.ws = ws;
        this.p = ws.prob;
        double sig = 0;
        double mu = 0;
        for (int i = 0; i < p.n; i++) {
            sig = Math.max(sig, Math.abs(p.covariance.entry(i, i)));
            mu = Math.max(mu, Math.abs(p.mean[i]));
        }
        this.gradientScale = sig + 1e-300;
        this.returnScale = mu + 1e-300;
    }

    /** The lambda coefficient q of a reduced gradient under which the variable ties at the top. */
    double tieQ() {
        return 1e-9 * returnScale;
    }

    /** The largest |mu_i|: the size of a reduced gradient's lambda coefficient q. */
    double returnScale() {
        return returnScale;
    }

    /**
     * Settles at {@code lambda} (possibly infinite), at most {@code limit} steps; returns the solution there.
     *
     * @throws IllegalStateException when it does not settle within the limit
     */
    Solution at(double lambda, int limit) {
        return at(lambda, limit, -1);
    }

    /**
     * Settles at {@code lambda} keeping variable {@code keep} (-1 for none) on its side: it does not leave the
     * free set to stay within its bounds by rounding (up to {@link #KEPT} past them), nor enter it.
     */
    Solution at(double lambda, int limit, int keep) {
        kept = keep;
        try {
            return settle(lambda, limit);
        } finally {
            kept = -1;
        }
    }

    private Solution settle(double lambda, int limit) {
        for (int step = 0; step < limit; step++) {
            Solution s = ws.solve(Double.isInfinite(lambda));
            if (Double.isInfinite(lambda) && climbs(s)) {
                follow(java.util.Arrays.copyOfRange(s.beta(), ws.kkt.constraints(), s.beta().length),
                        Double.POSITIVE_INFINITY);
                continue;
            }
            if (approach(s, lambda)) {
                continue;
            }
            int j = violated(s, lambda);
            if (j < 0) {
                return s;
            }
            enter(j);
        }
        throw new IllegalStateException("the critical line did not settle at lambda = " + lambda + " within "
                + limit + " steps (cycling at a degenerate vertex)");
    }

    /**
     * Whether the return still rises on the working set's face: beta's free part is more than rounding (on a
     * face of maximum return it is zero, since there {@code beta' S beta = m'beta = 0}). A variable the
     * equality constraints pin cannot move, so its entry is rounding whatever its size.
     */
    private boolean climbs(Solution s) {
        int q = ws.kkt.constraints();
        double big = 0;
        for (int a = q; a < s.beta().length; a++) {
            if (Math.abs(s.beta()[a]) > big && ws.kkt.removable(ws.kkt.variable(a - q))) {
                big = Math.abs(s.beta()[a]);
            }
        }
        return big > 1e-11 * returnScale / gradientScale;
    }

    /**
     * Moves x towards the working set's optimum at lambda; a variable that reaches a bound first binds there.
     * Returns false when x is already there (to rounding), having snapped x onto it.
     */
    private boolean approach(Solution s, double lambda) {
        int q = ws.kkt.constraints();
        int m = ws.kkt.freeCount();
        double[] d = new double[m];
        double size = 0;
        for (int t = 0; t < m; t++) {
            double target = s.alpha()[q + t] + (Double.isInfinite(lambda) ? 0 : lambda * s.beta()[q + t]);
            d[t] = target - ws.x[ws.kkt.variable(t)];
            size = Math.max(size, Math.abs(d[t]) / (1 + Math.abs(target)));
        }
        if (size <= ROUNDING) {
            ws.moveTo(s, lambda);
            return false;
        }
        follow(d, 1);
        return true;
    }

    /**
     * Moves the free variables along {@code d} by the largest step up to {@code limit} that keeps them in their
     * bounds; the first to reach a bound (the lowest index among ties) binds. A variable the equality
     * constraints pin (at a degenerate vertex) does not block: it cannot leave, and it moves only by rounding.
     * Returns whether one bound.
     */
    private boolean follow(double[] d, double limit) {
        int blocking = -1;
        double step = limit;
        for (int t = 0; t < d.length; t++) {
            int j = ws.kkt.variable(t);
            double room = d[t] > 0 ? p.hi[j] - ws.x[j] : p.lo[j] - ws.x[j];
            if (Math.abs(d[t]) <= ROUNDING * Math.abs(room) || Double.isInfinite(room) || !ws.kkt.removable(j)
                    || j == kept && Math.abs(d[t] * limit) - Math.abs(room) <= KEPT * (1 + Math.abs(room + ws.x[j]))) {
                continue;
            }
            double tau = Math.max(0, room / d[t]);
            if (tau < step || tau == step && blocking >= 0 && j < blocking) {
                step = tau;
                blocking = j;
            }
        }
        if (Double.isInfinite(step)) {
            throw new IllegalStateException("the return is unbounded along a direction within the constraints");
        }
        ws.moveBy(d, step);
        if (blocking >= 0) {
            ws.bind(blocking, d[ws.kkt.freePosition(blocking)] > 0 ? State.UPPER : State.LOWER);
            return true;
        }
        return false;
    }

    /**
     * The bounded variable whose reduced gradient has the wrong sign (lexicographically in (q, p) at an
     * infinite lambda): the lowest index among those, Bland's rule against cycling; -1 when none.
     */
    private int violated(Solution s, double lambda) {
        double tolP = 1e-11 * gradientScale;
        for (int j = 0; j < p.variables; j++) {
            if (ws.state[j] == State.FREE || p.fixed(j) || j == kept) {
                continue;
            }
            double sign = ws.state[j] == State.LOWER ? 1 : -1;
            double q = sign * s.q()[j];
            double g = sign * s.p()[j];
            boolean wrong = Double.isInfinite(lambda) ? q < -tieQ() || Math.abs(q) <= tieQ() && g < -tolP
                    : g + lambda * q < -tolP * (1 + lambda * returnScale / gradientScale);
            if (wrong) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Frees bounded variable j. With a zero Schur complement it moves x along the zero-variance direction
     * (x_j into its range, the free variables by {@code -u}) to the first bound instead: j moves to its other
     * bound, or the free variable that reaches one leaves and j enters.
     */
    void enter(int j) {
        for (int attempt = 0; attempt < 4; attempt++) {
            double[] v = ws.kkt.border(j);
            double[] u = ws.kkt.solveRefined(v);
            double s = ws.kkt.schur(j, v, u);
            if (Double.isNaN(s)) {
                ws.refresh();
                continue;
            }
            if (s > 0) {
                ws.free(j, v, u, s);
                return;
            }
            if (!pivot(j, u)) {
                return;
            }
        }
        throw new IllegalStateException("variable " + j + " cannot enter: the KKT matrix stays singular");
    }

    /** The zero-variance move for entering j; returns whether a free variable left (so j may now enter). */
    private boolean pivot(int j, double[] u) {
        int q = ws.kkt.constraints();
        double sign = ws.state[j] == State.LOWER ? 1 : -1;
        double[] d = new double[ws.kkt.freeCount()];
        for (int t = 0; t < d.length; t++) {
            d[t] = -sign * u[q + t];
        }
        double own = sign > 0 ? p.hi[j] - ws.x[j] : ws.x[j] - p.lo[j];
        int blocking = -1;
        double step = own;
        for (int t = 0; t < d.length; t++) {
            int i = ws.kkt.variable(t);
            double room = d[t] > 0 ? p.hi[i] - ws.x[i] : p.lo[i] - ws.x[i];
            if (Math.abs(d[t]) <= ROUNDING || Double.isInfinite(room) || !ws.kkt.removable(i)) {
                continue;
            }
            double tau = Math.max(0, room / d[t]);
            if (tau < step) {
                step = tau;
                blocking = i;
            }
        }
        if (Double.isInfinite(step)) {
            throw new IllegalStateException("a direction of zero variance is unbounded within the constraints");
        }
        ws.moveBy(d, step);
        if (blocking < 0) {
            ws.flip(j);
            return false;
        }
        boolean up = d[ws.kkt.freePosition(blocking)] > 0;
        ws.x[j] += sign * step;
        ws.bind(blocking, up ? State.UPPER : State.LOWER);
        ws.shiftBounded(j, sign * step);
        return true;
    }
}
