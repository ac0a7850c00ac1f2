package com.positionlab.engine.optimize.meanvariance;

import com.positionlab.engine.optimize.CriticalLine;
import com.positionlab.engine.optimize.Frontier;
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
 * (added to what is minimised). With only bounds and a fully invested budget the answers come exactly from
 * the critical line algorithm's frontier; otherwise from a convex program ({@link QpSolver}), with the risk
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
    private final boolean cla;

    public MeanVariance(PortfolioProblem p, Choice choice) {
        this.p = p;
        if (choice == Choice.CLA && !p.plain()) {
            throw new IllegalArgumentException("solver: the critical line algorithm takes bounds and a fully "
                    + "invested budget only; use auto or qp for rows, penalties or market-neutral portfolios");
        }
        this.cla = choice != Choice.QP && p.plain();
    }

    public MeanVariance(PortfolioProblem p) {
        this(p, Choice.AUTO);
    }

    public Allocation minVolatility() {
        if (cla) {
            Frontier f = frontier(p);
            return new Allocation(f.minVolatility(), CLA, f.points().size());
        }
        return fromProgram(Programs.weights(p, 1, 0).build(), p.n(), 1);
    }

    public Allocation maxQuadraticUtility(double riskAversion) {
        if (!(riskAversion > 0) || !Double.isFinite(riskAversion)) {
            throw new IllegalArgumentException("risk_aversion must be positive, not " + riskAversion);
        }
        return fromProgram(Programs.weights(p, riskAversion / 2, 1).build(), p.n(), 1);
    }

    public Allocation efficientReturn(double target) {
        double highest = highestReturn();
        if (target > highest + 1e-12 * (1 + Math.abs(highest))) {
            throw new IllegalArgumentException("target_return " + target + " is above the highest attainable return "
                    + highest);
        }
        if (cla) {
            Frontier f = frontier(p);
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
        double least = Math.sqrt(p.variance(new MeanVariance(withoutPenalties(p), cla ? Choice.AUTO : Choice.QP)
                .minVolatility().weights()));
        if (targetVolatility < least * (1 - 1e-12)) {
            throw new IllegalArgumentException("target_volatility " + targetVolatility
                    + " is below the minimum volatility " + least + " under these constraints");
        }
        if (cla) {
            Frontier f = frontier(p);
            return new Allocation(f.efficientRisk(targetVolatility), CLA, f.points().size());
        }
        return RiskLimit.solve(p, targetVolatility);
    }

    public Allocation maxSharpe(double riskFreeRate) {
        if (p.costRate() > 0 || p.maxTurnover() < Double.POSITIVE_INFINITY || p.budget() != 1) {
            throw new IllegalArgumentException("max_sharpe takes neither transaction costs, a turnover limit nor "
                    + "market_neutral; use max_quadratic_utility or efficient_risk");
        }
        if (highestReturn() <= riskFreeRate) {
            throw new IllegalArgumentException("no portfolio within the constraints returns more than the "
                    + "risk_free_rate " + riskFreeRate);
        }
        if (cla) {
            Frontier f = frontier(p);
            return new Allocation(f.maxSharpe(riskFreeRate), CLA, f.points().size());
        }
        return SharpeProgram.solve(p, riskFreeRate);
    }

    /** The highest {@code mu.w} within the constraints (a linear program, or the top corner). */
    /** The highest expected return any portfolio within the constraints has. */
    public double highestReturn() {
        if (cla) {
            return frontier(p).points().get(0).expectedReturn();
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
        if (!cla) {
            throw new IllegalStateException("the critical line algorithm does not apply to this problem");
        }
        return frontier(p);
    }

    static Frontier frontier(PortfolioProblem p) {
        if (java.util.Arrays.equals(p.lower(), p.upper())) {
            // every weight pinned by its bounds: the frontier is that one portfolio
            double[] w = p.lower().clone();
            return new Frontier(java.util.List.of(new com.positionlab.engine.optimize.TurningPoint(w, 0,
                    p.expectedReturn(w), p.variance(w))), p.mu(), p.cov());
        }
        return CriticalLine.solve(p.mu(), p.cov(), p.lower(), p.upper());
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
