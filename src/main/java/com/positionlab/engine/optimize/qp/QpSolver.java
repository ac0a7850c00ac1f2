package com.positionlab.engine.optimize.qp;

import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Solves a {@link QuadraticProgram} with ojAlgo's convex (active-set) or linear (simplex) solver, then
 * polishes the answer: on the constraints active at ojAlgo's solution it solves the optimality (KKT) equations
 * directly ({@link ActiveSetPolish}), which gives the exact optimum to rounding when the active set is right,
 * and keeps ojAlgo's answer otherwise. A program without a feasible point, with an unbounded objective or on
 * which the solver fails throws {@link OptimizationException}: never a result.
 */
public final class QpSolver {

    /** The solver's name in results. */
    public static final String NAME = "ojalgo";

    private QpSolver() {
    }

    public static QpResult solve(QuadraticProgram p) {
        return solve(p, null);
    }

    /**
     * As {@link #solve(QuadraticProgram)}, from a feasible starting point (say, the solution of the same
     * program without its quadratic term). Through ojAlgo's model a quadratic program with a hundred or so
     * inequality rows can run for minutes (the convex solver first looks for its own start by a linear program);
     * with a start, a quadratic program goes to ojAlgo's convex solver directly ({@link DirectConvex}).
     *
     * @param start a feasible point, one value per variable, or null
     */
    public static QpResult solve(QuadraticProgram p, double[] start) {
        double[] x = start == null || p.linear() ? solveWithLibrary(p) : DirectConvex.solve(p, start);
        ActiveSetPolish.Outcome polished = ActiveSetPolish.polish(p, x);
        int steps = polished.iterations();
        if (polished.x() == null && !p.linear()) {
            // ojAlgo's model layer has been seen to stop at a vertex that is not optimal on degenerate programs
            // (exposure variables |w| at zero); its convex solver called directly gets them right
            double[] direct = DirectConvex.solve(p);
            ActiveSetPolish.Outcome again = ActiveSetPolish.polish(p, direct);
            steps += again.iterations();
            if (again.x() != null) {
                polished = again;
            } else if (DirectConvex.feasible(p, direct) && p.objective(direct) < p.objective(x)) {
                x = direct;
            }
        }
        double[] best = polished.x() != null ? polished.x() : x;
        return new QpResult(best, p.objective(best), NAME + (p.linear() ? " simplex" : " convex"), steps,
                polished.x() != null);
    }

    static double[] solveWithLibrary(QuadraticProgram p) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        int n = p.n();
        Variable[] v = new Variable[n];
        for (int i = 0; i < n; i++) {
            v[i] = model.addVariable(p.variableNames().get(i));
            if (p.lower()[i] > Double.NEGATIVE_INFINITY) {
                v[i].lower(p.lower()[i]);
            }
            if (p.upper()[i] < Double.POSITIVE_INFINITY) {
                v[i].upper(p.upper()[i]);
            }
        }
        Expression objective = model.addExpression("objective").weight(1);
        for (int i = 0; i < n; i++) {
            if (p.c()[i] != 0) {
                objective.set(v[i], p.c()[i]);
            }
            if (p.q() != null) {
                for (int j = 0; j < n; j++) {
                    if (p.q()[i][j] != 0) {
                        objective.set(v[i], v[j], 0.5 * p.q()[i][j]);
                    }
                }
            }
        }
        addRows(model, v, p.equalities(), true);
        addRows(model, v, p.inequalities(), false);
        Optimisation.Result result = model.minimise();
        if (result.getState() == Optimisation.State.INFEASIBLE) {
            throw new OptimizationException(OptimizationException.Status.INFEASIBLE,
                    "no portfolio satisfies every constraint: " + Infeasibility.explain(p));
        }
        return checked(result, n);
    }

    /** The solution's n values, or the error its state calls for. */
    static double[] checked(Optimisation.Result result, int n) {
        Optimisation.State state = result.getState();
        if (state == Optimisation.State.INFEASIBLE) {
            throw new OptimizationException(OptimizationException.Status.INFEASIBLE,
                    "no point satisfies every constraint");
        }
        if (state == Optimisation.State.UNBOUNDED) {
            throw new OptimizationException(OptimizationException.Status.UNBOUNDED, "the objective is unbounded");
        }
        if (!state.isOptimal() && state != Optimisation.State.DISTINCT) {
            throw new OptimizationException(OptimizationException.Status.NOT_CONVERGED,
                    "the solver stopped without an optimum (" + state + ")");
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = result.doubleValue(i);
        }
        return x;
    }

    private static void addRows(ExpressionsBasedModel model, Variable[] v, List<QuadraticProgram.Row> rows,
                                boolean equal) {
        int k = 0;
        for (QuadraticProgram.Row row : rows) {
            Expression e = model.addExpression((equal ? "eq" : "in") + (k++) + ":" + row.name());
            double[] a = row.coefficients();
            for (int i = 0; i < a.length; i++) {
                if (a[i] != 0) {
                    e.set(v[i], a[i]);
                }
            }
            if (equal) {
                e.level(row.bound());
            } else {
                e.upper(row.bound());
            }
        }
    }
}
