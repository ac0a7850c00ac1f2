package com.positionlab.engine.optimize.ucits;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import com.positionlab.engine.optimize.meanvariance.Allocation;
import com.positionlab.engine.optimize.meanvariance.LinearConstraint;
import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.qp.OptimizationException;

/**
 * The convex relaxation of one node of the UCITS branch and bound, solved exactly. A node puts some assets IN
 * the set S of the rule (they may exceed the threshold t and count towards the concentration limit c), some
 * OUT (capped at t), and leaves the rest undecided (U). Every weight is capped at
 * {@code cap_i = min(upper_i, issuerLimit)}. An undecided asset above t belongs to S, and on {@code [0, cap_i]}
 * the largest convex function below its contribution ({@code w} above t, 0 below) is
 * {@code k_i max(w - t, 0)} with {@code k_i = cap_i / (cap_i - t)}, so every portfolio of the node meets
 * <pre>  sum_{IN} w_i + sum_{U} k_i max(w_i - t, 0) <= c.</pre>
 * That convex constraint is the maximum of the linear cuts
 * {@code sum_{IN} w_i + sum_{i in T} k_i (w_i - t) <= c} over the subsets T of U. They are added lazily: the
 * node's problem (the portfolio problem with the caps and the cuts as linear rows) is solved by
 * {@link MeanVariance} (the critical line where it applies, exactly), and while the answer breaks the cut of
 * {@code T = {i in U : w_i > t}} (the most violated one) that cut is added and the problem solved again. An
 * answer that meets that cut meets every cut, so it is the optimum of the relaxation; one found with only some
 * of the cuts (the rounds are limited, see {@link #solve}) is the optimum of a weaker relaxation, which still
 * bounds the node from below. Cuts stay valid in a node's children (with the branched asset dropped from T,
 * which only tightens them), so a child starts with its parent's.
 */
final class Relaxation {

    /** Where a node puts an asset. */
    enum Side { UNDECIDED, IN, OUT }

    /** How far a cut may be exceeded before it is added (absolute, in weight). */
    private static final double CUT = 1e-11;

    /** The most rounds of cuts per node on the critical line. */
    static final int CLA_ROUNDS = 30;

    /** The most rounds of cuts per node with the convex solver. */
    static final int QP_ROUNDS = 3;

    /**
     * The optimum of a node's relaxation.
     *
     * @param weights the optimal weights
     * @param value   the goal's value there: a lower bound on the value of every portfolio of the node
     * @param cuts    the subsets T whose cuts were used
     * @param solver  the method that solved the node's convex problem
     */
    record Optimum(double[] weights, double value, List<BitSet> cuts, String solver) {
    }

    private final PortfolioProblem p;
    private final UcitsRule rule;
    private final Goal goal;
    private final MeanVariance.Choice choice;
    private final MeanVariance.Choice cutChoice;
    private final double[] cap;
    private final double[] slope;

    Relaxation(PortfolioProblem p, UcitsRule rule, Goal goal, MeanVariance.Choice choice) {
        this.p = p;
        this.rule = rule;
        this.goal = goal;
        this.choice = choice;
        this.cutChoice = choice != MeanVariance.Choice.QP && p.exact() ? MeanVariance.Choice.CLA : choice;
        int n = p.n();
        this.cap = new double[n];
        this.slope = new double[n];
        for (int i = 0; i < n; i++) {
            cap[i] = Math.min(p.upper()[i], rule.issuerLimit());
            slope[i] = cap[i] > rule.threshold() ? cap[i] / (cap[i] - rule.threshold()) : 0;
        }
    }

    /** The cap {@code min(upper_i, issuerLimit)} of each weight. */
    double cap(int i) {
        return cap[i];
    }

    /** What the relaxation counts for weight x of undecided asset i: {@code k_i max(x - t, 0)}. */
    double counted(int i, double x) {
        return slope[i] * Math.max(x - rule.threshold(), 0);
    }

    /**
     * The relaxation's optimum at a node, starting from the given cuts; null when the node has no portfolio.
     * The problem without cuts is solved as the caller chose ({@link MeanVariance.Choice#AUTO}: the critical
     * line, else the convex program). With cuts, where the critical line applies it alone is used, at most
     * {@value #CLA_ROUNDS} rounds: the cuts meet at degenerate corners (an asset at exactly the threshold makes
     * the cuts with and without it active together), where the critical line can fail and the simplex start of
     * the convex solver can cycle; when it fails, the optimum with the cuts so far stands. Otherwise (L2,
     * costs) at most {@value #QP_ROUNDS} rounds. Any subset of the cuts still bounds the node from below, so a
     * round limit weakens the bound but never the search's exactness.
     */
    Optimum solve(Side[] sides, List<BitSet> inherited) {
        List<BitSet> cuts = new ArrayList<>();
        for (BitSet t : inherited) {
            BitSet kept = undecided(sides, t);
            if (!cuts.contains(kept)) {
                cuts.add(kept);
            }
        }
        Optimum last = null;
        int rounds = cutChoice == MeanVariance.Choice.CLA ? CLA_ROUNDS : QP_ROUNDS;
        for (int round = 0; round <= rounds; round++) {
            Allocation a;
            try {
                a = cuts.isEmpty() ? optimum(problem(sides, cuts), choice, false)
                        : optimum(problem(sides, cuts), cutChoice, true);
            } catch (CriticalLineFailure e) {
                if (last != null) {
                    return last;
                }
                cuts.clear();
                a = optimum(problem(sides, cuts), choice, false);
            }
            if (a == null) {
                return null;
            }
            double[] w = a.weights();
            last = new Optimum(w, goal.value().of(p, w), List.copyOf(cuts), a.solver());
            BitSet above = new BitSet();
            for (int i = 0; i < w.length; i++) {
                if (sides[i] == Side.UNDECIDED && w[i] > rule.threshold()) {
                    above.set(i);
                }
            }
            if (cutValue(sides, above, w) <= rule.concentrationLimit() + CUT || cuts.contains(above)) {
                return last;
            }
            cuts.add(above);
        }
        return last;
    }

    /**
     * The goal's optimum over q; null when q has none.
     *
     * @throws CriticalLineFailure when q has cuts and the critical line fails on it
     */
    private Allocation optimum(PortfolioProblem q, MeanVariance.Choice how, boolean withCuts) {
        try {
            return goal.optimum().apply(new MeanVariance(q, how));
        } catch (IllegalArgumentException noPortfolio) {
            return null;
        } catch (OptimizationException e) {
            if (e.status() == OptimizationException.Status.INFEASIBLE) {
                return null;
            }
            if (withCuts && how == MeanVariance.Choice.CLA) {
                throw new CriticalLineFailure();
            }
            throw e;
        }
    }

    /** The critical line could not solve a problem with cuts (a degenerate corner). */
    private static final class CriticalLineFailure extends RuntimeException {
        CriticalLineFailure() {
            super(null, null, false, false);
        }
    }

    /** The node's convex problem: the caps (t for OUT assets) and, as linear rows, the cuts. */
    private PortfolioProblem problem(Side[] sides, List<BitSet> cuts) {
        int n = p.n();
        double[] upper = new double[n];
        boolean anyIn = false;
        for (int i = 0; i < n; i++) {
            upper[i] = sides[i] == Side.OUT ? Math.min(cap[i], rule.threshold()) : cap[i];
            anyIn |= sides[i] == Side.IN;
        }
        List<LinearConstraint> rows = new ArrayList<>(p.rows());
        if (anyIn && !cuts.contains(new BitSet())) {
            rows.add(row(sides, new BitSet(), "UCITS " + rule.label() + ": sum of the weights above "
                    + UcitsRule.percent(rule.threshold()) + "%"));
        }
        for (int k = 0; k < cuts.size(); k++) {
            rows.add(row(sides, cuts.get(k), "UCITS " + rule.label() + " cut " + (k + 1)));
        }
        return new PortfolioProblem(p.names(), p.mu(), p.cov(), p.lower(), upper, p.budget(), rows, p.l2Gamma(),
                p.previous(), p.costRate(), p.maxTurnover(), p.maxLeverage());
    }

    /** The cut of T: {@code sum_{IN} w_i + sum_{i in T} k_i w_i <= c + t sum_{i in T} k_i}. */
    private LinearConstraint row(Side[] sides, BitSet t, String name) {
        double[] a = new double[p.n()];
        double bound = rule.concentrationLimit();
        for (int i = 0; i < a.length; i++) {
            if (sides[i] == Side.IN) {
                a[i] = 1;
            } else if (t.get(i)) {
                a[i] = slope[i];
                bound += slope[i] * rule.threshold();
            }
        }
        return new LinearConstraint(name, a, Double.NEGATIVE_INFINITY, bound);
    }

    private double cutValue(Side[] sides, BitSet t, double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (sides[i] == Side.IN) {
                s += w[i];
            } else if (t.get(i)) {
                s += counted(i, w[i]);
            }
        }
        return s;
    }

    private static BitSet undecided(Side[] sides, BitSet t) {
        BitSet kept = (BitSet) t.clone();
        for (int i = kept.nextSetBit(0); i >= 0; i = kept.nextSetBit(i + 1)) {
            if (sides[i] != Side.UNDECIDED) {
                kept.clear(i);
            }
        }
        return kept;
    }
}
