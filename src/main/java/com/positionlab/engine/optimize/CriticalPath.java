package com.positionlab.engine.optimize;

import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.optimize.WorkingSet.Solution;
import com.positionlab.engine.optimize.WorkingSet.State;

/**
 * The walk down the critical line, from the top of the frontier (lambda infinite) to the minimum-variance
 * portfolio (lambda = 0). On the current working set {@code x_F = alpha + lambda beta}; as lambda falls, the
 * next event is the largest lambda below the current one at which
 * <ul>
 * <li>a free variable reaches a bound: {@code lambda = (bound - alpha_i) / beta_i}, the lower bound when
 * {@code beta_i > 0} and the upper one when {@code beta_i < 0} (none when beta_i is zero: the zero
 * denominator of published versions, or when the equality constraints pin it); or</li>
 * <li>a bounded variable's reduced gradient {@code p_j + lambda q_j} reaches zero from the side its bound
 * allows: {@code lambda = -p_j / q_j}, with {@code q_j > 0} at a lower and {@code q_j < 0} at an upper bound
 * (none when q_j is zero).</li>
 * </ul>
 * The point there is a turning point; the event changes the working set by one variable (the KKT inverse is
 * bordered or downdated, not recomputed) and {@link Settle} confirms optimality at that lambda, which also
 * resolves several events at one lambda (a degenerate vertex) one at a time. Slack variables make a row
 * reaching its limit, or leaving it when its multiplier changes sign, the same two events.
 */
final class CriticalPath {

    /** A turning point before it is checked: its variables x, lambda and the equality multipliers there. */
    record Corner(double[] x, double lambda, double[] nu) {
    }

    private record Event(double lambda, int variable, boolean binds, State at) {
    }

    private final SlackForm p;
    private final WorkingSet ws;
    private final Settle settle;
    private final List<Corner> corners = new ArrayList<>();
    private final int limit;
    /** A lambda coefficient q below this is zero: the reduced gradient never reaches zero (no event). */
    private final double tinyQ;

    CriticalPath(SlackForm p) {
        this.p = p;
        StartingCorner.Start start = StartingCorner.start(p);
        this.ws = new WorkingSet(p, start.x(), start.free());
        this.settle = new Settle(ws);
        this.limit = 20 * (p.variables + p.equalities) + 100;
        this.tinyQ = 1e-14 * settle.returnScale();
    }

    /** The corners from the top (lambda infinite) down to lambda = 0. */
    List<Corner> walk() {
        Solution s = settle.at(Double.POSITIVE_INFINITY, limit);
        corners.add(new Corner(ws.x.clone(), Double.POSITIVE_INFINITY, null));
        double lambda = Double.POSITIVE_INFINITY;
        int changed = -1;
        Event previous = null;
        int redone = 0;
        for (int step = 0; step < limit; step++) {
            Event e = next(s, lambda, changed);
            double at = e == null ? 0 : Math.max(0, e.lambda());
            ws.moveTo(s, at);
            corners.add(new Corner(ws.x.clone(), at, ws.multipliers(s, at)));
            if (at == 0) {
                return corners;
            }
            apply(e);
            // The variable that changed side may not change back at this lambda, unless settling already
            // undid the change (rounding in an ill-conditioned block): then it must be free to redo it; when
            // it has been undone twice, settling keeps it on its new side (else the two alternate for ever).
            redone = e.equals(previous) ? redone + 1 : 0;
            s = settle.at(at, limit, redone >= 2 ? e.variable() : -1);
            boolean undone = e.binds() == (ws.state[e.variable()] == State.FREE);
            changed = undone ? -1 : e.variable();
            previous = e;
            if (moved(corners.get(corners.size() - 1).x())) {
                corners.add(new Corner(ws.x.clone(), at, ws.multipliers(s, at)));
            }
            lambda = at;
        }
        throw new IllegalStateException("the critical line did not reach the minimum-variance portfolio in "
                + limit + " turning points");
    }

    /** Whether x differs from {@code before} by more than rounding (a move at one lambda). */
    private boolean moved(double[] before) {
        for (int j = 0; j < before.length; j++) {
            if (Math.abs(ws.x[j] - before[j]) > 1e-12 * (1 + Math.abs(before[j]))) {
                return true;
            }
        }
        return false;
    }

    private void apply(Event e) {
        if (e.binds()) {
            ws.bind(e.variable(), e.at());
        } else {
            settle.enter(e.variable());
        }
    }

    /** The next event below {@code lambda}; one at or above it (rounding) happens at it, except a reversal. */
    private Event next(Solution s, double lambda, int changed) {
        Event best = null;
        int q = ws.kkt.constraints();
        for (int t = 0; t < ws.kkt.freeCount(); t++) {
            int i = ws.kkt.variable(t);
            double a = s.alpha()[q + t];
            double b = s.beta()[q + t];
            double bound = b > 0 ? p.lo[i] : p.hi[i];
            if (Math.abs(b) <= 1e-300 || Double.isInfinite(bound) || !ws.kkt.removable(i)) {
                continue;
            }
            best = better(best, candidate((bound - a) / b, i, true, b > 0 ? State.LOWER : State.UPPER, lambda,
                    changed));
        }
        for (int j = 0; j < p.variables; j++) {
            if (ws.state[j] == State.FREE || p.fixed(j)) {
                continue;
            }
            double qj = s.q()[j];
            boolean crosses = ws.state[j] == State.LOWER ? qj > tinyQ : qj < -tinyQ;
            if (crosses) {
                best = better(best, candidate(-s.p()[j] / qj, j, false, State.FREE, lambda, changed));
            }
        }
        return best;
    }

    private static Event candidate(double at, int variable, boolean binds, State state, double lambda,
                                   int changed) {
        if (Double.isNaN(at)) {
            return null;
        }
        if (at >= lambda) {
            if (variable == changed) {
                return null;
            }
            at = lambda;
        }
        return new Event(at, variable, binds, state);
    }

    private static Event better(Event best, Event e) {
        if (e == null) {
            return best;
        }
        if (best == null || e.lambda() > best.lambda()
                || e.lambda() == best.lambda() && e.variable() < best.variable()) {
            return e;
        }
        return best;
    }
}
