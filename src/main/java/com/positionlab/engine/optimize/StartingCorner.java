package com.positionlab.engine.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.engine.optimize.qp.QpResult;
import com.positionlab.engine.optimize.qp.QpSolver;
import com.positionlab.engine.optimize.qp.QuadraticProgram;

/**
 * Where the critical line starts: a vertex of highest expected return, and a first free set whose KKT matrix
 * is nonsingular. {@link Settle} then makes it the top of the frontier (with tied returns, the least-variance
 * point of the top face).
 */
final class StartingCorner {

    /** A weight or row value within this of a bound (relative to 1 + |bound|) is at the bound. */
    private static final double AT_BOUND = 1e-9;
    /** A constraint column whose part outside the span of the chosen ones is below this adds no rank. */
    private static final double RANK = 1e-9;

    /** The starting point (weights then slacks) and its free variables. */
    record Start(double[] x, List<Integer> free) {
    }

    private StartingCorner() {
    }

    /**
     * The start: without rows, the greedy corner (weights at their lower bounds, raised to their upper bounds
     * in order of falling mean until the budget is spent; the asset that completes it is free); with rows, the
     * vertex of a linear program {@code max mu.w} within every constraint, solved by {@link QpSolver}.
     *
     * @throws IllegalArgumentException when no portfolio satisfies the constraints
     */
    static Start start(SlackForm p) {
        double[] x = new double[p.variables];
        List<Integer> preferred = new ArrayList<>();
        if (p.hasRows()) {
            System.arraycopy(linearProgram(p), 0, x, 0, p.n);
        } else {
            preferred.add(greedy(p, x));
        }
        p.fillSlacks(x);
        return new Start(x, freeSet(p, x, preferred));
    }

    /** Fills x with the greedy corner's weights; returns the asset that completes the budget. */
    private static int greedy(SlackForm p, double[] x) {
        int[] order = IntStream.range(0, p.n).boxed().sorted(Comparator.comparingDouble(i -> -p.mean[i]))
                .mapToInt(Integer::intValue).toArray();
        double sum = 0;
        for (int i = 0; i < p.n; i++) {
            x[i] = p.lo[i];
            sum += x[i];
        }
        for (int i : order) {
            double room = p.hi[i] - x[i];
            if (sum + room >= p.rhs[0]) {
                x[i] += p.rhs[0] - sum;
                return i;
            }
            x[i] = p.hi[i];
            sum += room;
        }
        return order[order.length - 1];
    }

    private static double[] linearProgram(SlackForm p) {
        QuadraticProgram.Builder b = QuadraticProgram.builder(p.n);
        double[] ones = new double[p.n];
        java.util.Arrays.fill(ones, 1);
        b.equal("budget", ones, p.rhs[0]);
        for (int i = 0; i < p.n; i++) {
            b.linear(i, -p.mean[i]).bounds(i, p.lo[i], p.hi[i]);
        }
        addRows(p, b);
        try {
            QpResult r = QpSolver.solve(b.build());
            return r.x();
        } catch (OptimizationException e) {
            throw new IllegalArgumentException("no portfolio satisfies the bounds, the budget and the rows ("
                    + e.getMessage() + ")", e);
        }
    }

    private static void addRows(SlackForm p, QuadraticProgram.Builder b) {
        for (int k = 1; k < p.equalities; k++) {
            double[] a = new double[p.n];
            for (int i = 0; i < p.n; i++) {
                a[i] = p.coefficient(k, i);
            }
            int slack = p.slackOf(k);
            if (slack < 0) {
                b.equal(p.names[k], a, p.rhs[k]);
                continue;
            }
            if (Double.isFinite(p.hi[slack])) {
                b.atMost(p.names[k] + " maximum", a, p.hi[slack]);
            }
            if (Double.isFinite(p.lo[slack])) {
                b.atLeast(p.names[k] + " minimum", a, p.lo[slack]);
            }
        }
    }

    /**
     * The variables strictly inside their bounds, the others put on them; then, if their constraint columns
     * {@code E_F} do not span every equality constraint (a degenerate vertex), variables at a bound are added
     * (the preferred first) until they do, so that K is nonsingular.
     *
     * @throws IllegalArgumentException when no choice spans them: the budget and equality rows are dependent
     */
    private static List<Integer> freeSet(SlackForm p, double[] x, List<Integer> preferred) {
        List<Integer> free = new ArrayList<>();
        List<double[]> basis = new ArrayList<>();
        List<Integer> candidates = new ArrayList<>(preferred);
        for (int j = 0; j < p.variables; j++) {
            x[j] = Math.max(p.lo[j], Math.min(p.hi[j], x[j]));
            boolean atLower = Double.isFinite(p.lo[j]) && x[j] - p.lo[j] <= AT_BOUND * (1 + Math.abs(p.lo[j]));
            boolean atUpper = Double.isFinite(p.hi[j]) && p.hi[j] - x[j] <= AT_BOUND * (1 + Math.abs(p.hi[j]));
            if (!atLower && !atUpper) {
                free.add(j);
                span(p, j, basis);
            } else if (!p.fixed(j) && !preferred.contains(j)) {
                candidates.add(j);
            }
        }
        for (int j : candidates) {
            if (basis.size() == p.equalities) {
                break;
            }
            if (!p.fixed(j) && !free.contains(j) && span(p, j, basis)) {
                free.add(j);
            }
        }
        if (basis.size() < p.equalities) {
            throw new IllegalArgumentException("the budget and the equality rows are linearly dependent");
        }
        return free;
    }

    /** Adds variable j's constraint column to the orthonormal basis if it is outside its span. */
    private static boolean span(SlackForm p, int j, List<double[]> basis) {
        double[] c = new double[p.equalities];
        double size = 0;
        for (int k = 0; k < c.length; k++) {
            c[k] = p.coefficient(k, j);
            size = Math.max(size, Math.abs(c[k]));
        }
        for (int pass = 0; pass < 2; pass++) {
            for (double[] e : basis) {
                double d = 0;
                for (int k = 0; k < c.length; k++) {
                    d += e[k] * c[k];
                }
                for (int k = 0; k < c.length; k++) {
                    c[k] -= d * e[k];
                }
            }
        }
        double norm = Math.sqrt(TurningPoint.dot(c, c));
        if (norm <= RANK * size) {
            return false;
        }
        for (int k = 0; k < c.length; k++) {
            c[k] /= norm;
        }
        basis.add(c);
        return true;
    }
}
