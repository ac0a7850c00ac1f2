package com.positionlab.service.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.positionlab.engine.optimize.meanvariance.LinearConstraint;
import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.service.ValidationException;

/**
 * The ESG-Sharpe Pareto set of a frontier request: the maximum-Sharpe portfolio under ESG floors evenly
 * spaced from the unconstrained maximum-Sharpe portfolio's score (a floor that costs nothing) to the highest
 * score any portfolio within the constraints reaches (a linear program). Along it the best Sharpe ratio can
 * only fall; the sentence says by how much.
 */
final class EsgPareto {

    static final int DEFAULT_LEVELS = 11;

    private EsgPareto() {
    }

    static FrontierResponse.Pareto of(PortfolioProblem p, Map<String, Double> scores, Integer levels, double rf,
                                      double perfRf) {
        int count = levels == null ? DEFAULT_LEVELS : levels;
        if (count < 2 || count > 101) {
            throw new ValidationException("pareto_levels", "must be between 2 and 101");
        }
        double[] a = new double[p.n()];
        for (int i = 0; i < a.length; i++) {
            Double s = scores.get(p.names().get(i));
            if (s == null || !Double.isFinite(s) || Math.abs(s) > 1e6) {
                throw new ValidationException("constraints.esg_scores." + p.names().get(i), "a finite score is needed");
            }
            a[i] = s;
        }
        double[] start = new MeanVariance(p).maxSharpe(rf).weights();
        double low = dot(a, start);
        PortfolioProblem byEsg = new PortfolioProblem(p.names(), a, p.cov(), p.lower(), p.upper(), p.budget(),
                p.rows(), 0, p.previous(), 0, p.maxTurnover(), p.maxLeverage());
        double high = new MeanVariance(byEsg).highestReturn() * (1 - 1e-9);
        List<FrontierResponse.ParetoPoint> points = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double floor = high <= low ? low : low + (high - low) * k / (count - 1);
            List<LinearConstraint> rows = new ArrayList<>(p.rows());
            rows.add(new LinearConstraint("ESG score", a, floor, Double.POSITIVE_INFINITY));
            PortfolioProblem q = new PortfolioProblem(p.names(), p.mu(), p.cov(), p.lower(), p.upper(), p.budget(),
                    rows, p.l2Gamma(), p.previous(), p.costRate(), p.maxTurnover(), p.maxLeverage());
            double[] w = k == 0 ? start : new MeanVariance(q).maxSharpe(rf).weights();
            double ret = p.expectedReturn(w);
            double vol = Math.sqrt(p.variance(w));
            Map<String, Double> weights = new LinkedHashMap<>();
            for (int i = 0; i < w.length; i++) {
                weights.put(p.names().get(i), w[i]);
            }
            points.add(new FrontierResponse.ParetoPoint(floor, dot(a, w), ret, vol, vol > 0 ? (ret - perfRf) / vol : 0,
                    weights));
            if (high <= low) {
                break;
            }
        }
        FrontierResponse.ParetoPoint first = points.get(0);
        FrontierResponse.ParetoPoint last = points.get(points.size() - 1);
        String words = points.size() == 1 ? "The maximum-Sharpe portfolio already has the highest ESG score the "
                + "constraints allow (" + fmt(first.esgScore()) + ")."
                : String.format(Locale.ROOT, "Raising the ESG score from %s to %s lowers the best Sharpe ratio from "
                        + "%.3f to %.3f (%.1f%% of it).", fmt(first.esgScore()), fmt(last.esgScore()),
                first.sharpeRatio(), last.sharpeRatio(),
                100 * (first.sharpeRatio() - last.sharpeRatio()) / Math.abs(first.sharpeRatio()));
        return new FrontierResponse.Pareto(points, words);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static double dot(double[] a, double[] w) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * w[i];
        }
        return s;
    }
}
