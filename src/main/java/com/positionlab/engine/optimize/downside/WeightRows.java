package com.positionlab.engine.optimize.downside;

import java.util.ArrayList;
import java.util.List;

import com.positionlab.engine.optimize.qp.QuadraticProgram;

/**
 * The part of every downside program that concerns the weights alone: variables 0..n-1 are w, with their
 * bounds, the budget row, the extra rows, an optional minimum expected return {@code w . mu >= target}, and
 * the L2 penalty {@code gamma * sum(w_i^2)} (Q's diagonal gets 2 gamma, as the programs minimise
 * {@code 1/2 x'Qx + c'x}). Also names the constraints that bind at a solution.
 */
final class WeightRows {

    /** A row or bound with a slack below this (relative to 1 + |bound|) binds. */
    static final double BINDING = 1e-9;

    static final String BUDGET = "budget";

    private final DownsideProblem problem;
    private final Double minimumReturn;

    WeightRows(DownsideProblem problem, Double minimumReturn) {
        this.problem = problem;
        this.minimumReturn = minimumReturn;
    }

    static String returnRowName(double target) {
        return "return >= " + target;
    }

    /** A builder over {@code n + extra} variables with the weight rows in place. */
    QuadraticProgram.Builder builder(int extra, boolean withL2) {
        int n = problem.assets();
        QuadraticProgram.Builder b = QuadraticProgram.builder(n + extra);
        double[] ones = new double[n];
        for (int i = 0; i < n; i++) {
            ones[i] = 1;
            b.bounds(i, problem.lo(i), problem.hi(i)).name(i, problem.assetNames().get(i));
            if (withL2 && problem.l2Gamma() > 0) {
                b.quadratic(i, 2 * problem.l2Gamma());
            }
        }
        b.equal(BUDGET, ones, problem.budget().total());
        for (WeightConstraint c : problem.constraints()) {
            switch (c.relation()) {
                case AT_MOST -> b.atMost(c.name(), c.coefficients(), c.bound());
                case AT_LEAST -> b.atLeast(c.name(), c.coefficients(), c.bound());
                case EQUAL -> b.equal(c.name(), c.coefficients(), c.bound());
            }
        }
        if (minimumReturn != null) {
            b.atLeast(returnRowName(minimumReturn), problem.mu(), minimumReturn);
        }
        return b;
    }

    /** The budget, equality rows, bounds and inequality rows of the weights that hold with equality at w. */
    List<String> binding(double[] w) {
        List<String> names = new ArrayList<>();
        names.add(BUDGET);
        for (int i = 0; i < problem.assets(); i++) {
            String asset = problem.assetNames().get(i);
            if (tight(w[i], problem.lo(i))) {
                names.add(asset + " >= " + problem.lo(i));
            } else if (tight(w[i], problem.hi(i))) {
                names.add(asset + " <= " + problem.hi(i));
            }
        }
        for (WeightConstraint c : problem.constraints()) {
            if (c.relation() == WeightConstraint.Relation.EQUAL || tight(c.value(w), c.bound())) {
                names.add(c.name());
            }
        }
        if (minimumReturn != null && tight(problem.expectedReturn(w), minimumReturn)) {
            names.add(returnRowName(minimumReturn));
        }
        return names;
    }

    static boolean tight(double value, double bound) {
        return Math.abs(value - bound) <= BINDING * (1 + Math.abs(bound));
    }
}
