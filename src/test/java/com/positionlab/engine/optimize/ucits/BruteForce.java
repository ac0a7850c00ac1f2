package com.positionlab.engine.optimize.ucits;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import com.positionlab.engine.optimize.meanvariance.LinearConstraint;
import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.qp.OptimizationException;

/**
 * The optimum under a UCITS rule by enumeration: for every set S of assets allowed above the threshold t, the
 * convex problem with {@code w_i <= min(upper_i, issuerLimit)} in S, {@code w_i <= min(upper_i, t)} outside
 * it and the row {@code sum_S w <= concentrationLimit}, solved by {@link MeanVariance}; the best over all S.
 * Only sets of at most {@code floor(c / t)} assets are needed: m assets above t weigh more than {@code m t},
 * so at most that many can be above it, and the set of those above it is one of the sets enumerated. Assets
 * whose lower bound is above t are in every S.
 */
final class BruteForce {

    /** The best portfolio found and its value (smaller is better); null weights when no S has a portfolio. */
    record Best(double[] weights, double value, int sets) {
    }

    private BruteForce() {
    }

    static Best search(PortfolioProblem p, UcitsRule rule, Function<MeanVariance, double[]> optimum,
                       ToDoubleFunction<double[]> value) {
        int n = p.n();
        int most = (int) Math.floor(rule.concentrationLimit() / rule.threshold() + 1e-12);
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        int sets = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) > most || !containsForced(p, rule, mask)) {
                continue;
            }
            sets++;
            double[] w = solve(problem(p, rule, mask), optimum);
            if (w != null && value.applyAsDouble(w) < bestValue) {
                best = w;
                bestValue = value.applyAsDouble(w);
            }
        }
        return new Best(best, bestValue, sets);
    }

    private static boolean containsForced(PortfolioProblem p, UcitsRule rule, int mask) {
        for (int i = 0; i < p.n(); i++) {
            if (p.lower()[i] > rule.threshold() && (mask & 1 << i) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The convex problem of the set S given as a bit mask; null when its bounds cross. */
    static PortfolioProblem problem(PortfolioProblem p, UcitsRule rule, int mask) {
        int n = p.n();
        double[] upper = new double[n];
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            boolean member = (mask & 1 << i) != 0;
            upper[i] = Math.min(p.upper()[i], member ? rule.issuerLimit() : rule.threshold());
            in[i] = member ? 1 : 0;
            if (p.lower()[i] > upper[i]) {
                return null;
            }
        }
        List<LinearConstraint> rows = new ArrayList<>(p.rows());
        if (mask != 0) {
            rows.add(new LinearConstraint("S", in, Double.NEGATIVE_INFINITY, rule.concentrationLimit()));
        }
        return new PortfolioProblem(p.names(), p.mu(), p.cov(), p.lower(), upper, 1, rows, p.l2Gamma(),
                p.previous(), p.costRate(), p.maxTurnover(), p.maxLeverage());
    }

    private static double[] solve(PortfolioProblem q, Function<MeanVariance, double[]> optimum) {
        if (q == null) {
            return null;
        }
        try {
            return optimum.apply(new MeanVariance(q));
        } catch (IllegalArgumentException noPortfolio) {
            return null;
        } catch (OptimizationException e) {
            if (e.status() == OptimizationException.Status.INFEASIBLE) {
                return null;
            }
            throw e;
        }
    }
}
