package com.positionlab.engine.optimize.meanvariance;

import java.util.Arrays;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.TooManyEvaluationsException;

import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.engine.optimize.qp.QpResult;
import com.positionlab.engine.optimize.qp.QpSolver;

/**
 * The efficient-risk form with penalties or general rows: maximise {@code mu.w - gamma ||w||^2 - costs}
 * subject to {@code w'Sigma w <= target^2}. For a multiplier {@code nu >= 0} the convex program
 * {@code minimise nu w'Sigma w - mu.w + gamma ||w||^2 + costs} has a solution whose variance falls as nu rises;
 * when the limit binds, the answer is that solution at the nu where the variance equals the target's square,
 * found by Brent's method on {@code ln nu}. When the solution at {@code nu = 0} is already within the limit,
 * the limit does not bind and that is the answer.
 */
final class RiskLimit {

    private static final int MAX_EVALUATIONS = 200;

    private final PortfolioProblem p;
    private final double target;
    private int evaluations;

    private RiskLimit(PortfolioProblem p, double target) {
        this.p = p;
        this.target = target;
    }

    static Allocation solve(PortfolioProblem p, double targetVolatility) {
        RiskLimit limit = new RiskLimit(p, targetVolatility);
        double[] w = limit.run();
        return new Allocation(p.snapToBounds(w), QpSolver.NAME + " convex, root search on the risk multiplier", limit.evaluations);
    }

    private double[] run() {
        double[] free = weights(0);
        if (volatility(free) <= target) {
            return free;
        }
        double hi = 1;
        while (volatility(weights(hi)) > target) {
            hi *= 8;
            if (hi > 1e15) {
                throw new OptimizationException(OptimizationException.Status.NOT_CONVERGED,
                        "target_volatility " + target + " could not be reached");
            }
        }
        double lo = hi / 8;
        while (lo > 1e-15 && volatility(weights(lo)) <= target) {
            lo /= 8;
        }
        double s;
        try {
            s = new BrentSolver(1e-15, 1e-15, 1e-16).solve(MAX_EVALUATIONS,
                    x -> volatility(weights(Math.exp(x))) - target, Math.log(lo), Math.log(hi));
        } catch (TooManyEvaluationsException e) {
            throw new OptimizationException(OptimizationException.Status.NOT_CONVERGED,
                    "the root search for target_volatility " + target + " did not converge");
        }
        return weights(Math.exp(s));
    }

    private double[] weights(double nu) {
        evaluations++;
        QpResult r = QpSolver.solve(Programs.weights(p, nu, 1).build());
        return Arrays.copyOf(r.x(), p.n());
    }

    private double volatility(double[] w) {
        return Math.sqrt(p.variance(w));
    }
}
