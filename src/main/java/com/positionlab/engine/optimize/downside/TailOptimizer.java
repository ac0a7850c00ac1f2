package com.positionlab.engine.optimize.downside;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The three problems of a tail measure (CVaR, CDaR), solved by {@link TailProgram} and reported with the
 * measure recomputed directly from the weights: minimum risk, minimum risk for a return, maximum return for a
 * risk. Each objective carries the problem's L2 penalty.
 */
final class TailOptimizer {

    private final DownsideProblem problem;
    private final TailScenarios scenarios;
    private final double beta;
    private final RiskMeasure measure;
    private final ToDoubleFunction<double[]> risk;

    TailOptimizer(DownsideProblem problem, TailScenarios scenarios, double beta, RiskMeasure measure,
                  ToDoubleFunction<double[]> risk) {
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be strictly between 0 and 1, got " + beta);
        }
        this.problem = problem;
        this.scenarios = scenarios;
        this.beta = beta;
        this.measure = measure;
        this.risk = risk;
    }

    DownsideResult minRisk() {
        return result(TailProgram.Goal.MIN_RISK, Double.NaN);
    }

    DownsideResult efficientReturn(double targetReturn) {
        requireFinite(targetReturn, "target return");
        return result(TailProgram.Goal.MIN_RISK_FOR_RETURN, targetReturn);
    }

    DownsideResult efficientRisk(double targetRisk) {
        requireFinite(targetRisk, "target " + scenarios.measureName());
        return result(TailProgram.Goal.MAX_RETURN, targetRisk);
    }

    private DownsideResult result(TailProgram.Goal goal, double target) {
        TailProgram.Solution s = TailProgram.solve(problem, scenarios, beta, goal, target);
        double[] w = s.w();
        double value = risk.applyAsDouble(w);
        WeightRows rows = new WeightRows(problem, goal == TailProgram.Goal.MIN_RISK_FOR_RETURN ? target : null);
        List<String> binding = new ArrayList<>(rows.binding(w));
        if (goal == TailProgram.Goal.MAX_RETURN && WeightRows.tight(value, target)) {
            binding.add(TailProgram.riskRowName(scenarios.measureName(), target));
        }
        String solver = s.last().solver() + ", " + scenarios.measureName() + " rows generated in " + s.programs()
                + " rounds" + (s.last().polished() ? ", polished" : "");
        return new DownsideResult(w, measure, value, problem.expectedReturn(w), solver, s.programs(),
                s.iterations(), binding);
    }

    static void requireFinite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
    }
}
