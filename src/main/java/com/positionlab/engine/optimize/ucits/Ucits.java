package com.positionlab.engine.optimize.ucits;

import com.positionlab.engine.optimize.meanvariance.Allocation;
import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.qp.OptimizationException;

/**
 * Mean-variance portfolios under the UCITS rule ({@link UcitsRule}, 5/10/40 by default) as well as the
 * problem's own bounds, budget, rows, L2 term and costs: the exact optimum, by a {@link BranchAndBound} over
 * the set of issuers allowed above the threshold, each node an exact convex problem ({@link Relaxation}).
 * The objectives are {@link MeanVariance}'s: minimum volatility, efficient return, maximum quadratic utility,
 * efficient risk (each node's own risk-limited optimum, so the answer is exact too) and maximum Sharpe ratio
 * (each node's maximum Sharpe ratio, by the change of variables {@code y = kappa w} or on the critical line).
 * The rule is for long-only, fully invested portfolios: negative lower bounds or a market-neutral budget are
 * refused. A gross leverage limit of at least 1 cannot bind on such a portfolio and is dropped. Where no
 * portfolio meets the rule the error says why in a trader's terms (too few assets: 5/10/40 needs 16 to be
 * fully invested; a lower bound above the issuer limit; bounds or rows that leave no room).
 * The allocation's iterations are the nodes solved.
 */
public final class Ucits {

    /** The start of every answer's solver name; the method that solved the nodes follows. */
    public static final String SOLVER = "UCITS branch and bound over ";

    private final PortfolioProblem p;
    private final UcitsRule rule;
    private final MeanVariance.Choice choice;

    /**
     * @throws IllegalArgumentException for a market-neutral budget, a negative lower bound, or a solver choice
     *                                  {@link MeanVariance} refuses
     * @throws OptimizationException    (infeasible) when the bounds alone exclude every portfolio meeting the
     *                                  rule: too few assets, a lower bound above the issuer limit
     */
    public Ucits(PortfolioProblem p, UcitsRule rule, MeanVariance.Choice choice) {
        if (p.budget() != 1) {
            throw new IllegalArgumentException("market_neutral: the UCITS rule applies to fully invested, long-only "
                    + "portfolios");
        }
        for (int i = 0; i < p.n(); i++) {
            if (p.lower()[i] < 0) {
                throw new IllegalArgumentException("weight_bounds: the UCITS rule applies to long-only portfolios, but "
                        + p.names().get(i) + " may go down to " + p.lower()[i]);
            }
        }
        if (p.maxLeverage() < 1) {
            throw infeasible("a fully invested long-only portfolio has a gross exposure of 1, above max_leverage "
                    + p.maxLeverage());
        }
        this.p = new PortfolioProblem(p.names(), p.mu(), p.cov(), p.lower(), p.upper(), 1, p.rows(), p.l2Gamma(),
                p.previous(), p.costRate(), p.maxTurnover(), Double.POSITIVE_INFINITY);
        this.rule = rule;
        this.choice = choice;
        new MeanVariance(this.p, choice); // refuses a choice of the critical line for a problem it cannot take
        checkBounds();
    }

    /** The least {@code w'Sigma w + gamma ||w||^2 + costs} under the rule and the constraints. */
    public Allocation minVolatility() {
        return answer(run(withL2InCovariance(1), Goal.minVolatility()));
    }

    /** The greatest {@code mu.w - delta/2 w'Sigma w - gamma ||w||^2 - costs} under the rule and the constraints. */
    public Allocation maxQuadraticUtility(double riskAversion) {
        if (!(riskAversion > 0) || !Double.isFinite(riskAversion)) {
            throw new IllegalArgumentException("risk_aversion must be positive, not " + riskAversion);
        }
        return answer(run(withL2InCovariance(2 / riskAversion), Goal.maxQuadraticUtility(riskAversion)));
    }

    /**
     * The least {@code w'Sigma w + gamma ||w||^2 + costs} with {@code mu.w >= target}, under the rule and the
     * constraints.
     *
     * @throws IllegalArgumentException when the target is above the highest return a portfolio meeting the rule
     *                                  and the constraints has
     */
    public Allocation efficientReturn(double target) {
        BranchAndBound.Result r = run(withL2InCovariance(1), Goal.efficientReturn(target));
        if (r == null) {
            double highest = -feasible(run(withoutPenalties(), Goal.highestReturn())).value();
            throw new IllegalArgumentException("target_return " + target + " is above the highest attainable return "
                    + highest + " under the UCITS " + rule.label() + " rule");
        }
        return answer(r);
    }

    /**
     * The greatest {@code mu.w - gamma ||w||^2 - costs} with {@code sqrt(w'Sigma w) <= targetVolatility}
     * (annualised), under the rule and the constraints. With L2 or costs each node is a root search of convex
     * programs ({@link MeanVariance#efficientRisk}), which is slow: seconds per node at 50 assets.
     *
     * @throws IllegalArgumentException when the target is below the least volatility of a portfolio meeting the
     *                                  rule and the constraints
     */
    public Allocation efficientRisk(double targetVolatility) {
        if (!(targetVolatility > 0) || !Double.isFinite(targetVolatility)) {
            throw new IllegalArgumentException("target_volatility must be positive, not " + targetVolatility);
        }
        BranchAndBound.Result r = run(p, Goal.efficientRisk(targetVolatility));
        if (r == null) {
            double least = Math.sqrt(p.variance(feasible(run(withoutPenalties(), Goal.minVolatility())).weights()));
            throw new IllegalArgumentException("target_volatility " + targetVolatility + " is below the minimum "
                    + "volatility " + least + " under these constraints and the UCITS " + rule.label() + " rule");
        }
        return answer(r);
    }

    /**
     * The greatest {@code (mu.w - rf) / sqrt(w'Sigma w)} under the rule and the constraints (with L2, the least
     * {@code y'Sigma y + gamma ||y||^2} at {@code y = w / (mu - rf).w}, as {@link MeanVariance#maxSharpe}).
     *
     * @throws IllegalArgumentException with transaction costs or a turnover limit, or when no portfolio meeting
     *                                  the rule and the constraints returns more than the risk-free rate
     */
    public Allocation maxSharpe(double riskFreeRate) {
        if (p.costRate() > 0 || p.maxTurnover() < Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("max_sharpe takes neither transaction costs nor a turnover limit; use "
                    + "max_quadratic_utility or efficient_risk");
        }
        BranchAndBound.Result r = run(withL2InCovariance(1), Goal.maxSharpe(riskFreeRate));
        if (r == null) {
            feasible(run(withoutPenalties(), Goal.highestReturn()));
            throw new IllegalArgumentException("no portfolio within the constraints and the UCITS " + rule.label()
                    + " rule returns more than the risk_free_rate " + riskFreeRate);
        }
        return answer(r);
    }

    private BranchAndBound.Result run(PortfolioProblem q, Goal goal) {
        return BranchAndBound.search(q, rule, goal, choice);
    }

    /** The problem without its L2 term and costs (its turnover limit kept). */
    private PortfolioProblem withoutPenalties() {
        return new PortfolioProblem(p.names(), p.mu(), p.cov(), p.lower(), p.upper(), 1, p.rows(), 0, p.previous(), 0,
                p.maxTurnover(), p.maxLeverage());
    }

    /**
     * The problem with its L2 term moved into the covariance, {@code Sigma + scale gamma I} and no L2 term: the
     * same objective for minimum volatility, efficient return and maximum Sharpe ratio (scale 1) and maximum
     * quadratic utility ({@code delta/2 w'Sigma w + gamma ||w||^2 = delta/2 w'(Sigma + 2 gamma / delta I) w},
     * scale 2 / delta), which lets the critical line solve the nodes exactly when nothing else needs the convex
     * solver. Not for efficient risk, whose limit is on {@code w'Sigma w} alone.
     */
    private PortfolioProblem withL2InCovariance(double scale) {
        if (p.l2Gamma() == 0) {
            return p;
        }
        int n = p.n();
        double[][] cov = new double[n][];
        for (int i = 0; i < n; i++) {
            cov[i] = p.cov()[i].clone();
            cov[i][i] += scale * p.l2Gamma();
        }
        return new PortfolioProblem(p.names(), p.mu(), cov, p.lower(), p.upper(), 1, p.rows(), 0, p.previous(),
                p.costRate(), p.maxTurnover(), p.maxLeverage());
    }

    private Allocation answer(BranchAndBound.Result r) {
        return new Allocation(feasible(r).weights(), SOLVER + r.solver(), r.nodes());
    }

    /** r itself; when null (no portfolio meets the rule and the constraints), the error that says so. */
    private BranchAndBound.Result feasible(BranchAndBound.Result r) {
        if (r != null) {
            return r;
        }
        // the problem without the rule may fail on its own: then that error, with its conflicting rows named
        new MeanVariance(p, choice).minVolatility();
        throw infeasible("no fully invested portfolio within the weight bounds and the other constraints meets the "
                + "UCITS " + rule.label() + " rule (" + describe() + ")");
    }

    private void checkBounds() {
        int fewest = rule.fewestAssets();
        if (p.n() < fewest) {
            throw infeasible("the UCITS " + rule.label() + " rule needs at least " + fewest + " assets to be fully "
                    + "invested (" + describe() + "), and there are " + p.n());
        }
        double above = 0;
        for (int i = 0; i < p.n(); i++) {
            if (p.lower()[i] > rule.issuerLimit()) {
                throw infeasible("the lower bound of " + p.names().get(i) + ", " + UcitsRule.percent(p.lower()[i])
                        + "%, is above the UCITS issuer limit of " + UcitsRule.percent(rule.issuerLimit()) + "%");
            }
            if (p.lower()[i] > rule.threshold()) {
                above += p.lower()[i];
            }
        }
        if (above > rule.concentrationLimit() + UcitsRule.TOLERANCE) {
            throw infeasible("the lower bounds above " + UcitsRule.percent(rule.threshold()) + "% add up to "
                    + UcitsRule.percent(above) + "%, above the UCITS limit of "
                    + UcitsRule.percent(rule.concentrationLimit()) + "% on such weights together");
        }
    }

    /** The rule in words. */
    private String describe() {
        String t = UcitsRule.percent(rule.threshold()) + "%";
        String c = UcitsRule.percent(rule.concentrationLimit()) + "%";
        return "each issuer at most " + UcitsRule.percent(rule.issuerLimit()) + "%, issuers above " + t
                + " at most " + c + " together, so the other " + UcitsRule.percent(1 - rule.concentrationLimit())
                + "% or more spread at " + t + " or less each";
    }

    private static OptimizationException infeasible(String message) {
        return new OptimizationException(OptimizationException.Status.INFEASIBLE, message);
    }
}
