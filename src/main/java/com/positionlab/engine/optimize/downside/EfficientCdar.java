package com.positionlab.engine.optimize.downside;

/**
 * Portfolios optimised for conditional drawdown at risk (PyPortfolioOpt's {@code EfficientCDaR}). The
 * portfolio's cumulative uncompounded return is {@code C_0 = 0, C_t = C_(t-1) + r_t . w}; its drawdown in
 * period t = 1..T is {@code D_t = max_(0 <= s <= t) C_s - C_t} (the running maximum starts at 0); and with
 * confidence beta (0.95 by default) {@code CDaR(w) = min_alpha alpha + 1/((1 - beta) T) sum_t max(D_t - alpha, 0)},
 * the mean of the worst {@code (1 - beta)} share of drawdowns, in units of cumulative return (not
 * annualised). Each drawdown is the largest of the linear functions {@code (S_s - S_t) . w} over peaks s
 * ({@code S_t} the assets' cumulative returns), so the problems are linear programs (quadratic with the L2
 * penalty {@code gamma ||w||^2}), solved exactly by {@link TailProgram} with only the peaks that matter.
 */
public final class EfficientCdar {

    public static final double DEFAULT_BETA = 0.95;

    private final DownsideProblem problem;
    private final TailOptimizer optimizer;

    public EfficientCdar(DownsideProblem problem) {
        this(problem, DEFAULT_BETA);
    }

    public EfficientCdar(DownsideProblem problem, double beta) {
        this.problem = problem;
        this.optimizer = new TailOptimizer(problem, TailScenarios.drawdowns(problem.scenarios()), beta,
                RiskMeasure.CDAR, w -> DownsideMeasures.cdar(problem.scenarios(), w, beta));
    }

    /** Minimises {@code CDaR(w) + gamma ||w||^2} over the bounds, budget and constraints. */
    public DownsideResult minCdar() {
        return optimizer.minRisk();
    }

    /**
     * Minimises {@code CDaR(w) + gamma ||w||^2} with {@code w . mu >= targetReturn} (annualised).
     *
     * @throws com.positionlab.engine.optimize.qp.OptimizationException naming the target when no portfolio
     *                                                                  reaches it
     */
    public DownsideResult efficientReturn(double targetReturn) {
        return optimizer.efficientReturn(targetReturn);
    }

    /**
     * Maximises {@code w . mu - gamma ||w||^2} with {@code CDaR(w) <= targetCdar}.
     *
     * @throws com.positionlab.engine.optimize.qp.OptimizationException naming the target when it is below the
     *                                                                  least CDaR the constraints allow
     */
    public DownsideResult efficientRisk(double targetCdar) {
        return optimizer.efficientRisk(targetCdar);
    }

    public DownsideProblem problem() {
        return problem;
    }
}
