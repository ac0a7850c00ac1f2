package com.positionlab.engine.optimize.downside;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.engine.optimize.qp.QpResult;
import com.positionlab.engine.optimize.qp.QpSolver;
import com.positionlab.engine.optimize.qp.QuadraticProgram;

/**
 * Programs over the tail measure {@code M(w) = min_alpha alpha + 1/k sum_t max(x_t(w) - alpha, 0)} with
 * {@code k = (1 - beta) T} and {@code x_t(w) = max_p a_(t,p) . w} (see {@link TailScenarios}), in the
 * Rockafellar-Uryasev form: variables w, alpha (free) and {@code z_t >= 0} with rows
 * {@code a_(t,p) . w - alpha - z_t <= 0}, so {@code M(w) <= alpha + 1/k sum z_t} with equality at a minimum.
 *
 * <p>Solved by generating rows: the program holds only a working set of periods and pieces (a period left out
 * counts as {@code z_t = 0} without its rows, so each program is a relaxation of the full one). After each
 * solve every period's {@code x_t(w)} is computed; the most violated rows ({@code x_t - alpha - z_t > 0}) join
 * and the program is solved again, until none is violated: the answer then satisfies every row of the full
 * program and, being optimal for a relaxation, is its exact optimum. At T = 895 the full program has about
 * 900 (CVaR) or 1800 (CDaR) variables; the working set stays near the tail, a few times k periods. A
 * relaxation without a feasible point proves the full program has none.
 */
final class TailProgram {

    /** What is optimised; the target is a return for {@code MIN_RISK_FOR_RETURN}, a risk for {@code MAX_RETURN}. */
    enum Goal { MIN_RISK, MIN_RISK_FOR_RETURN, MAX_RETURN }

    /** The optimum: weights, alpha, and the solve's accounting. */
    record Solution(double[] w, double alpha, double auxiliaryRisk, QpResult last, int programs, int iterations) {
    }

    private static final double VIOLATION = 1e-10;
    private static final int MAX_ROUNDS = 200;

    private final DownsideProblem problem;
    private final TailScenarios scenarios;
    private final double k;
    private final Goal goal;
    private final double target;
    private final List<Integer> periods = new ArrayList<>();
    private final Map<Integer, Integer> slot = new HashMap<>();
    private final List<long[]> cuts = new ArrayList<>();
    private final Set<Long> cutKeys = new HashSet<>();

    private TailProgram(DownsideProblem problem, TailScenarios scenarios, double beta, Goal goal, double target) {
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be strictly between 0 and 1, got " + beta);
        }
        this.problem = problem;
        this.scenarios = scenarios;
        this.k = (1 - beta) * scenarios.periods();
        this.goal = goal;
        this.target = target;
    }

    static Solution solve(DownsideProblem problem, TailScenarios scenarios, double beta, Goal goal, double target) {
        return new TailProgram(problem, scenarios, beta, goal, target).run();
    }

    private Solution run() {
        int tPeriods = scenarios.periods();
        double[] values = new double[tPeriods];
        int[] pieces = new int[tPeriods];
        scenarios.evaluate(startingWeights(), values, pieces);
        int initial = (int) Math.min(tPeriods, 2 * Math.ceil(k) + 10);
        addWorst(values, pieces, new double[tPeriods], initial);
        int polish = 0;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            QpResult r = solveWorkingSet();
            polish += r.iterations();
            int n = problem.assets();
            double[] w = java.util.Arrays.copyOf(r.x(), n);
            double alpha = r.x()[n];
            scenarios.evaluate(w, values, pieces);
            double[] excess = new double[tPeriods];
            for (int t = 0; t < tPeriods; t++) {
                Integer s = slot.get(t);
                excess[t] = values[t] - alpha - (s == null ? 0 : r.x()[n + 1 + s]);
            }
            if (addWorst(values, pieces, excess, Math.max(20, (int) Math.ceil(k))) == 0) {
                return new Solution(w, alpha, auxiliaryRisk(r.x()), r, round, polish);
            }
        }
        throw new OptimizationException(OptimizationException.Status.NOT_CONVERGED,
                scenarios.measureName() + ": rows still violated after " + MAX_ROUNDS + " rounds");
    }

    /** {@code alpha + 1/k sum z_t} at the program's solution. */
    private double auxiliaryRisk(double[] x) {
        int n = problem.assets();
        double s = 0;
        for (int j = 0; j < periods.size(); j++) {
            s += x[n + 1 + j];
        }
        return x[n] + s / k;
    }

    /**
     * Adds the rows of up to {@code limit} periods with the largest {@code excess} above the tolerance (all
     * periods' excess is 0 at the start: then the largest values); returns how many rows were new.
     */
    private int addWorst(double[] values, int[] pieces, double[] excess, int limit) {
        Integer[] order = new Integer[values.length];
        for (int t = 0; t < order.length; t++) {
            order[t] = t;
        }
        boolean first = cuts.isEmpty();
        java.util.Arrays.sort(order, (a, b) -> first ? Double.compare(values[b], values[a])
                : Double.compare(excess[b], excess[a]));
        int added = 0;
        for (int j = 0; j < order.length && added < limit; j++) {
            int t = order[j];
            if (!first && excess[t] <= VIOLATION) {
                break;
            }
            long key = (long) t * (values.length + 1) + pieces[t];
            if (cutKeys.add(key)) {
                slot.computeIfAbsent(t, x -> {
                    periods.add(x);
                    return periods.size() - 1;
                });
                cuts.add(new long[] {t, pieces[t]});
                added++;
            }
        }
        return added;
    }

    /**
     * Solves the working set's program. With an L2 penalty, its linear version first: that answer is a feasible
     * start for the quadratic one, which spares ojAlgo's convex solver its own search for a start (minutes, at
     * times, on these programs).
     */
    private QpResult solveWorkingSet() {
        try {
            QpResult linear = QpSolver.solve(workingSet(false).build());
            if (problem.l2Gamma() == 0) {
                return linear;
            }
            return QpSolver.solve(workingSet(true).build(), linear.x());
        } catch (OptimizationException e) {
            throw explained(e);
        }
    }

    /** The working set's program: w, alpha and the z_t, the cut rows, the goal's objective and rows. */
    private QuadraticProgram.Builder workingSet(boolean withL2) {
        int n = problem.assets();
        int m = periods.size();
        WeightRows weights = new WeightRows(problem, goal == Goal.MIN_RISK_FOR_RETURN ? target : null);
        QuadraticProgram.Builder b = weights.builder(1 + m, withL2).name(n, "alpha");
        double[] riskRow = new double[n + 1 + m];
        riskRow[n] = 1;
        for (int j = 0; j < m; j++) {
            b.bounds(n + 1 + j, 0, Double.POSITIVE_INFINITY).name(n + 1 + j, "z" + periods.get(j));
            riskRow[n + 1 + j] = 1 / k;
        }
        for (long[] cut : cuts) {
            int t = (int) cut[0];
            double[] row = java.util.Arrays.copyOf(scenarios.row(t, (int) cut[1]), n + 1 + m);
            row[n] = -1;
            row[n + 1 + slot.get(t)] = -1;
            b.atMost(scenarios.measureName() + " period " + t + " peak " + cut[1], row, 0);
        }
        if (goal == Goal.MAX_RETURN) {
            for (int i = 0; i < n; i++) {
                b.linear(i, -problem.mu()[i]);
            }
            b.atMost(riskRowName(scenarios.measureName(), target), riskRow, target);
        } else {
            for (int j = 0; j <= m; j++) {
                b.linear(n + j, riskRow[n + j]);
            }
        }
        return b;
    }

    static String riskRowName(String measure, double target) {
        return measure + " <= " + target;
    }

    private OptimizationException explained(OptimizationException e) {
        if (e.status() != OptimizationException.Status.INFEASIBLE || goal == Goal.MIN_RISK) {
            return e;
        }
        String what = goal == Goal.MAX_RETURN ? scenarios.measureName() + " <= " + target
                : "an expected return >= " + target;
        return new OptimizationException(e.status(), "no portfolio has " + what
                + " within the bounds, budget and constraints (target " + target + ")");
    }

    /** Each weight at the same fraction of its range that meets the budget: a start for ranking periods. */
    private double[] startingWeights() {
        int n = problem.assets();
        double lo = 0;
        double span = 0;
        for (int i = 0; i < n; i++) {
            lo += problem.lo(i);
            span += problem.hi(i) - problem.lo(i);
        }
        double f = span == 0 ? 0 : Math.min(1, Math.max(0, (problem.budget().total() - lo) / span));
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = problem.lo(i) + f * (problem.hi(i) - problem.lo(i));
        }
        return w;
    }
}
