package com.positionlab.service.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;
import com.positionlab.engine.optimize.qp.QpSolver;

/**
 * The turnover-Sharpe Pareto set of a frontier request with {@code current_weights}: the maximum-Sharpe
 * portfolio under turnover limits {@code sum |w - w0| <= limit} evenly spaced from the least turnover any
 * portfolio within the constraints needs (0 when the current weights meet them) to the turnover of the
 * maximum-Sharpe portfolio without a further limit (the request's own {@code max_turnover} still applies; a
 * limit above it costs nothing). Along it the best Sharpe ratio
 * can only rise; the sentence says by how much.
 */
final class TurnoverPareto {

    private TurnoverPareto() {
    }

    static FrontierResponse.TurnoverPareto of(PortfolioProblem p, Integer levels, double rf, double perfRf) {
        int count = levels == null ? EsgPareto.DEFAULT_LEVELS : levels;
        PortfolioProblem free = limited(p, p.maxTurnover());
        double[] best = new MeanVariance(free).maxSharpe(rf).weights();
        double high = turnover(best, p.previous());
        double low = Math.min(high, leastTurnover(p));
        List<FrontierResponse.TurnoverPoint> points = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double limit = k == count - 1 || high <= low ? high : low + (high - low) * k / (count - 1);
            double[] w = k == count - 1 || high <= low ? best
                    : new MeanVariance(limited(p, limit * (1 + 1e-12) + 1e-12)).maxSharpe(rf).weights();
            double ret = p.expectedReturn(w);
            double vol = Math.sqrt(p.variance(w));
            Map<String, Double> weights = new LinkedHashMap<>();
            for (int i = 0; i < w.length; i++) {
                weights.put(p.names().get(i), w[i]);
            }
            points.add(new FrontierResponse.TurnoverPoint(limit, turnover(w, p.previous()), ret, vol,
                    vol > 0 ? (ret - perfRf) / vol : 0, weights));
            if (high <= low) {
                break;
            }
        }
        FrontierResponse.TurnoverPoint first = points.get(0);
        FrontierResponse.TurnoverPoint last = points.get(points.size() - 1);
        String words = points.size() == 1 ? String.format(Locale.ROOT, "The maximum-Sharpe portfolio needs the "
                + "least turnover the constraints allow (%.1f%%).", 100 * first.turnover())
                : String.format(Locale.ROOT, "Allowing turnover from %.1f%% to %.1f%% raises the best Sharpe ratio "
                        + "from %.3f to %.3f.", 100 * first.turnoverLimit(), 100 * last.turnover(),
                first.sharpeRatio(), last.sharpeRatio());
        return new FrontierResponse.TurnoverPareto(points, words);
    }

    /** The least {@code sum |w - w0|} of any portfolio within the constraints: a linear program. */
    private static double leastTurnover(PortfolioProblem p) {
        PortfolioProblem costOnly = new PortfolioProblem(p.names(), p.mu(), p.cov(), p.lower(), p.upper(), p.budget(),
                p.rows(), 0, p.previous(), 1, Double.POSITIVE_INFINITY, p.maxLeverage());
        double[] x = QpSolver.solve(MeanVariance.program(costOnly, 0, 0)).x();
        return turnover(java.util.Arrays.copyOf(x, p.n()), p.previous());
    }

    private static PortfolioProblem limited(PortfolioProblem p, double limit) {
        return new PortfolioProblem(p.names(), p.mu(), p.cov(), p.lower(), p.upper(), p.budget(), p.rows(),
                p.l2Gamma(), p.previous(), 0, limit, p.maxLeverage());
    }

    static double turnover(double[] w, double[] previous) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += Math.abs(w[i] - previous[i]);
        }
        return s;
    }
}
