package com.positionlab.engine.optimize.meanvariance;

import com.positionlab.engine.optimize.CriticalLine;
import com.positionlab.engine.optimize.Frontier;
import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.engine.optimize.qp.QpResult;
import com.positionlab.engine.optimize.qp.QpSolver;
import com.positionlab.engine.optimize.qp.QuadraticProgram;

/**
 * Mean-variance portfolios, with PyPortfolioOpt's objectives (variances and returns annualised, weights as
 * fractions):
 * <ul>
 * <li>minimum volatility: minimise {@code w'Sigma w};</li>
 * <li>maximum quadratic utility: maximise {@code mu.w - delta/2 w'Sigma w};</li>
 * <li>efficient return: minimise {@code w'Sigma w} with {@code mu.w >= target};</li>
 * <li>efficient risk: maximise {@code mu.w} with {@code w'Sigma w <= target^2};</li>
 * <li>maximum Sharpe: maximise {@code (mu.w - rf) / sqrt(w'Sigma w)}.</li>
 * </ul>
 * Each objective also carries the problem's L2 term {@code gamma ||w||^2} and cost {@code k sum|w - w0|}
 * (added to what is minimised). Without penalties (bounds, any budget, sector and other linear rows) the
 * answers come exactly from the critical line algorithm's frontier; with them, or when the critical line
 * cannot take the covariance (AUTO falls back), from a convex program ({@link QpSolver}), with the risk
 * limit of the efficient-risk form met by a root search on its Lagrange multiplier (each step an exact convex
 * program), and the maximum Sharpe ratio by the usual change of variables {@code y = kappa w} (minimise
 * {@code y'Sigma y + gamma ||y||^2} with {@code (mu - rf).y = 1}), which puts the L2 term on y as
 * PyPortfolioOpt does.
 */
public final class MeanVariance {

    static final String CLA = "critical line";

    /** Which method may answer: the critical line where it applies (AUTO), only it, or only the convex solver. */
    public enum Choice { AUTO, CLA, QP }

    private final PortfolioProblem p;
    private final Choice choice;
    private boolean cla;
    private Frontier frontier;

    public MeanVariance(PortfolioProblem p, Choice choice) {
        this.p = p;
        this.choice = choice;
        if (choice == Choice.CLA && !p.exact()) {
            throw new IllegalArgumentException("solver: the critical line algorithm takes bounds, the budget and "
                    + "linear rows only; use auto or qp for L2, costs, turnover or leverage");
        }
        this.cla = choice != Choice.QP && p.exact();
    }

    public MeanVariance(PortfolioProblem p) {
        this(p, Choice.AUTO);
    }

    /**
     * The critical line's frontier, computed once; null when it does not apply or (AUTO only) when it cannot
     * take this covariance, after which the convex programs answer.
     */
    public Frontier exactFrontier() {
        if (cla && frontier == null) {
            try {
                frontier = frontier(p);
            } catch (IllegalArgumentException e) {
                if (e.getCause() instanceof OptimizationException infeasible) {
                    // no portfolio meets the constraints: the same answer, rows named, as the convex programs give
                    throw infeasible;
                }
                throw e;
            } catch (IllegalStateException e) {
                if (choice == Choice.CLA) {
                    throw new OptimizationException(OptimizationException.Status.NOT_CONVERGED,
                            "the critical line algorithm failed on this covariance (" + e.getMessage()
                                    + "); use solver auto or qp");
                }
                cla = false;
            }
        }
        return cla ? frontier : null;
    }

    public Allocation minVolatility() {
        Frontier f = exactFrontier();
        if (f != null) {
            return new Allocation(f.minVolatility(), CLA, f.points().size());
        }
        return fromProgram(Programs.weights(p, 1, 0).build(), p.n(), 1);
    }

    public Allocation maxQuadraticUtility(double riskAversion) {
        if (!(riskAversion > 0) || !Double.isFinite(riskAversion)) {
            throw new IllegalArgumentException("risk_aversion must be positive, not " + riskAversion);
        }
        Frontier f = exactFrontier();
        if (f != null) {
            return new Allocation(f.maxQuadraticUtility(riskAversion), CLA, f.points().size());
        }
        return fromProgram(Programs.weights(p, riskAversion / 2, 1).build(), p.n(), 1);
    }

    public Allocation efficientReturn(double target) {
        double highest = highestReturn();
        if (target > highest + 1e-12 * (1 + Math.abs(highest))) {
            throw new IllegalArgumentException("target_return " + target + " is above the highest attainable return "
                    + highest);
        }
        Frontier f = exactFrontier();
        if (f != null) {
            double[] minVol = f.minVolatility();
            double[] w = p.expectedReturn(minVol) >= target ? minVol : f.efficientReturn(Math.min(target, highest));
            return new Allocation(w, CLA, f.points().size());
        }
        QuadraticProgram.Builder b = Programs.weights(p, 1, 0);
        b.atLeast("target_return", p.mu(), target);
        return fromProgram(b.build(), p.n(), 1);
    }

    public Allocation efficientRisk(double targetVolatility) {
        if (!(targetVolatility > 0) || !Double.isFinite(targetVolatility)) {
            throw new IllegalArgumentException("target_volatility must be positive, not " + targetVolatility);
        }
        Frontier f = exactFrontier();
        double least = Math.sqrt(p.variance(f != null ? f.minVolatility()
                : new MeanVariance(withoutPenalties(p), Choice.QP).minVolatility().weights()));
        if (targetVolatility < least * (1 - 1e-12)) {
            throw new IllegalArgumentException("target_volatility " + targetVolatility
                    + " is below the minimum volatility " + least + " under these constraints");
        }
        if (f != null) {
            return new Allocation(f.efficientRisk(targetVolatility), CLA, f.points().size());
        }
        return RiskLimit.solve(p, targetVolatility);
    }

    public Allocation maxSharpe(double riskFreeRate) {
        if (p.costRate() > 0 || p.budget() != 1) {
            throw new IllegalArgumentException("max_sharpe takes neither transaction costs nor market_neutral; use "
                    + "max_quadratic_utility or efficient_risk");
        }
        if (highestReturn() <= riskFreeRate) {
            throw new IllegalArgumentException("no portfolio within the constraints returns more than the "
                    + "risk_free_rate " + riskFreeRate);
        }
        Frontier f = exactFrontier();
        if (f != null) {
            return new Allocation(f.maxSharpe(riskFreeRate), CLA, f.points().size());
        }
        return SharpeProgram.solve(p, riskFreeRate);
    }

    /** The highest expected return any portfolio within the constraints has (the frontier's top, or an LP). */
    public double highestReturn() {
        Frontier f = exactFrontier();
        if (f != null) {
            return f.points().get(0).expectedReturn();
        }
        QpResult r = QpSolver.solve(Programs.weights(withoutPenalties(p), 0, 1).build());
        return p.expectedReturn(java.util.Arrays.copyOf(r.x(), p.n()));
    }

    /**
     * The critical line algorithm's exact frontier of this problem.
     *
     * @throws IllegalStateException when the problem has rows or penalties the algorithm does not take
     */
    public Frontier frontier() {
        Frontier f = exactFrontier();
        if (f == null) {
            throw new IllegalStateException("the critical line algorithm does not apply to this problem");
        }
        return f;
    }

    static Frontier frontier(PortfolioProblem p) {
        if (java.util.Arrays.equals(p.lower(), p.upper())) {
            // every weight pinned by its bounds: the frontier is that one portfolio
            double[] w = p.lower().clone();
            return new Frontier(java.util.List.of(new com.positionlab.engine.optimize.TurningPoint(w, 0,
                    p.expectedReturn(w), p.variance(w))), p.mu(), p.cov());
        }
        java.util.List<CriticalLine.Row> rows = new java.util.ArrayList<>();
        for (LinearConstraint r : p.rows()) {
            if (Double.isInfinite(r.lower()) && Double.isInfinite(r.upper())) {
                continue;
            }
            rows.add(new CriticalLine.Row(r.name(), r.coefficients(), r.lower(), r.upper()));
        }
        if (p.factors() != null) {
            try {
                return CriticalLine.solve(p.mu(), p.factors(), p.lower(), p.upper(), rows, p.budget());
            } catch (IllegalStateException e) {
                // rounding in an ill-conditioned block stopped the factor form's walk: the dense one may pass
                return CriticalLine.solve(p.mu(), p.cov(), p.lower(), p.upper(), rows, p.budget());
            }
        }
        return CriticalLine.solve(p.mu(), p.cov(), p.lower(), p.upper(), rows, p.budget());
    }

    /**
     * The convex program {@code risk * w'Sigma w - ret * mu.w} plus the problem's penalties (L2, cost rate
     * times turnover) within its constraints; its first n variables are the weights.
     */
    public static QuadraticProgram program(PortfolioProblem p, double risk, double ret) {
        return Programs.weights(p, risk, ret).build();
    }

    static PortfolioProblem withoutPenalties(PortfolioProblem p) {
        return new PortfolioProblem(p.names(), p.mu(), p.cov(), p.lower(), p.upper(), p.budget(), p.rows(), 0,
                p.previous(), 0, p.maxTurnover(), p.maxLeverage());
    }

    Allocation fromProgram(QuadraticProgram program, int n, int steps) {
        QpResult r = QpSolver.solve(program);
        return new Allocation(p.snapToBounds(java.util.Arrays.copyOf(r.x(), n)), r.solver(), steps + r.iterations());
    }

}
