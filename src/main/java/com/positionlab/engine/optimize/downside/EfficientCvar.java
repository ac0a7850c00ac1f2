package com.positionlab.engine.optimize.downside;

/**
 * Portfolios optimised for conditional value at risk (PyPortfolioOpt's {@code EfficientCVaR}). With losses
 * {@code L_t = -r_t . w} over the T scenario periods and confidence beta (0.95 by default),
 * {@code CVaR(w) = min_alpha alpha + 1/((1 - beta) T) sum_t max(L_t - alpha, 0)} (Rockafellar and Uryasev):
 * the mean loss in the worst {@code (1 - beta)} share of periods, per period (daily CVaR for daily returns,
 * not annualised). The problems are linear programs, quadratic with the problem's L2 penalty
 * {@code gamma ||w||^2}, solved exactly by {@link TailProgram}. Every result reports the CVaR recomputed from
 * its weights.
 */
public final class EfficientCvar {

    public static final double DEFAULT_BETA = 0.95;

    private final DownsideProblem problem;
    private final TailOptimizer optimizer;

    public EfficientCvar(DownsideProblem problem) {
        this(problem, DEFAULT_BETA);
    }

    public EfficientCvar(DownsideProblem problem, double beta) {
        this.problem = problem;
        this.optimizer = new TailOptimizer(problem, TailScenarios.losses(problem.scenarios()), beta,
                RiskMeasure.CVAR, w -> DownsideMeasures.cvar(problem.scenarios(), w, beta));
    }

    /** Minimises {@code CVaR(w) + gamma ||w||^2} over the bounds, budget and constraints. */
    public DownsideResult minCvar() {
        return optimizer.minRisk();
    }

    /**
     * Minimises {@code CVaR(w) + gamma ||w||^2} with {@code w . mu >= targetReturn} (annualised).
     *
     * @throws com.positionlab.engine.optimize.qp.OptimizationException naming the target when no portfolio
     *                                                                  reaches it
     */
    public DownsideResult efficientReturn(double targetReturn) {
        return optimizer.efficientReturn(targetReturn);
    }

    /**
     * Maximises {@code w . mu - gamma ||w||^2} with {@code CVaR(w) <= targetCvar} (per period): a linear
     * constraint in the Rockafellar-Uryasev variables.
     *
     * @throws com.positionlab.engine.optimize.qp.OptimizationException naming the target when it is below the
     *                                                                  least CVaR the constraints allow
     */
    public DownsideResult efficientRisk(double targetCvar) {
        return optimizer.efficientRisk(targetCvar);
    }

    public DownsideProblem problem() {
        return problem;
    }
}
