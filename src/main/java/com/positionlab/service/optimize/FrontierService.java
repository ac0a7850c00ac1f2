package com.positionlab.service.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.positionlab.engine.optimize.Frontier;
import com.positionlab.engine.optimize.TurningPoint;
import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.qp.OptimizationException;
import com.positionlab.service.ValidationException;

/**
 * Answers a frontier request: the request of {@link OptimizeService} without an objective (its
 * {@code objective.risk_free_rate}, if any, places the maximum-Sharpe portfolio; 0.02 otherwise). With only
 * bounds and a fully invested budget the frontier is the critical line algorithm's, exact everywhere; with
 * rows or penalties each point is a separate convex program at its target return.
 */
public final class FrontierService {

    static final int DEFAULT_POINTS = 50;
    static final int MAX_POINTS = 1_000;

    public FrontierResponse frontier(OptimizeRequest request) {
        return frontier(request, PriceSource.NONE);
    }

    /** The frontier, a {@code universe} priced by {@code source} (a workspace's prices). */
    public FrontierResponse frontier(OptimizeRequest request, PriceSource source) {
        return run(request, source).response();
    }

    /**
     * A frontier with what it was computed from: the estimates, the problem their constraints define, and the
     * critical line's exact frontier (null when penalties made it point by point); with Black-Litterman views
     * the estimates hold the posterior and {@code priorReturns} the prior (null without views, or a zero prior).
     */
    public record Run(FrontierResponse response, Estimates estimates, PortfolioProblem problem, Frontier exact,
                      double[] priorReturns) {
    }

    /** The frontier and its inputs, a {@code universe} priced by {@code source}. */
    public Run run(OptimizeRequest request, PriceSource source) {
        long start = System.nanoTime();
        int count = request.points() == null ? DEFAULT_POINTS : request.points();
        if (count < 2 || count > MAX_POINTS) {
            throw new ValidationException("points", "must be between 2 and " + MAX_POINTS);
        }
        if (UcitsObjective.rule(request.constraints()) != null) {
            throw new ValidationException(UcitsObjective.FIELD, "applies to optimize's mean-variance objectives; a "
                    + "frontier under the rule is not computed");
        }
        OptimizeService.Prepared prepared = OptimizeService.prepareAny(request, false, source);
        PortfolioProblem p = prepared.problem();
        double rf = request.objective() == null ? 0.02
                : OptimizeService.number(request.objective().riskFreeRate(), 0.02, "objective.risk_free_rate", 1);
        double perfRf = OptimizeService.number(request.performanceRiskFreeRate(), 0.02, "performance_risk_free_rate", 1);
        MeanVariance.Choice choice = OptimizeService.choice(request.solver());
        Frontier exact = null;
        try {
            MeanVariance mv = new MeanVariance(p, choice);
            double[] minVol = mv.minVolatility().weights();
            double[] maxSharpe = mv.maxSharpe(rf).weights();
            List<double[]> weights = new ArrayList<>();
            List<FrontierResponse.Point> turning = null;
            String solver;
            int iterations;
            Frontier f = mv.exactFrontier();
            exact = f;
            if (f != null) {
                for (double target : targets(p.expectedReturn(minVol), f.points().get(0).expectedReturn(), count)) {
                    weights.add(f.efficientReturn(target));
                }
                turning = new ArrayList<>();
                for (TurningPoint t : f.points()) {
                    turning.add(point(p, t.weights(), perfRf));
                }
                solver = "critical line";
                iterations = f.points().size();
            } else {
                for (double target : targets(p.expectedReturn(minVol), mv.highestReturn(), count)) {
                    weights.add(mv.efficientReturn(target).weights());
                }
                solver = "ojalgo convex, one program per point";
                iterations = count;
            }
            List<FrontierResponse.Point> points = new ArrayList<>();
            for (double[] w : weights) {
                points.add(point(p, w, perfRf));
            }
            Map<String, Double> esg = request.constraints() == null ? null : request.constraints().esgScores();
            FrontierResponse.Pareto pareto = esg == null ? null
                    : EsgPareto.of(p, esg, request.paretoLevels(), rf, perfRf);
            FrontierResponse.TurnoverPareto byTurnover = p.previous() == null ? null
                    : TurnoverPareto.of(p, request.paretoLevels(), rf, perfRf);
            return new Run(new FrontierResponse(points, turning, point(p, minVol, perfRf), point(p, maxSharpe, perfRf),
                    pareto, byTurnover,
                    new OptimizeResponse.Solver(solver, iterations, "optimal", (System.nanoTime() - start) / 1e6),
                    request), prepared.estimates(), p, exact,
                    prepared.blackLitterman() == null ? null : prepared.blackLitterman().prior());
        } catch (OptimizationException ex) {
            throw new NoSolutionException("constraints", ex.getMessage());
        } catch (IllegalArgumentException ex) {
            throw new ValidationException("constraints", ex.getMessage());
        }
    }

    private static double[] targets(double low, double high, int count) {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = k == count - 1 ? high : low + (high - low) * k / (count - 1);
        }
        return t;
    }

    private static FrontierResponse.Point point(PortfolioProblem p, double[] w, double rf) {
        double ret = p.expectedReturn(w);
        double vol = Math.sqrt(p.variance(w));
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < w.length; i++) {
            weights.put(p.names().get(i), w[i] == 0 ? 0.0 : w[i]);
        }
        return new FrontierResponse.Point(ret, vol, vol > 0 ? (ret - rf) / vol : 0, weights);
    }
}
