package com.positionlab.engine.optimize.ucits;

import java.util.List;
import java.util.function.Function;

import com.positionlab.engine.optimize.Frontier;
import com.positionlab.engine.optimize.TurningPoint;

import com.positionlab.engine.optimize.meanvariance.Allocation;
import com.positionlab.engine.optimize.meanvariance.MeanVariance;
import com.positionlab.engine.optimize.meanvariance.PortfolioProblem;

/**
 * A mean-variance objective as the branch and bound sees it: how {@link MeanVariance} finds its optimum over
 * one node's convex problem, and the value that optimum is ranked by (smaller is better, the quantity
 * {@link MeanVariance} minimises). With {@code pen(w) = gamma ||w||^2 + k sum |w_i - previous_i|} (the
 * problem's L2 term and costs):
 * <ul>
 * <li>minimum volatility and efficient return: {@code w'Sigma w + pen(w)};</li>
 * <li>maximum quadratic utility: {@code delta/2 w'Sigma w - mu.w + pen(w)};</li>
 * <li>efficient risk: {@code -mu.w + pen(w)} (the risk limit is a constraint);</li>
 * <li>maximum Sharpe ratio: {@code (w'Sigma w + gamma ||w||^2) / ((mu - rf).w)^2}, which is
 * {@code y'Sigma y + gamma ||y||^2} at {@code y = w / (mu - rf).w}: the reciprocal of the squared Sharpe
 * ratio without L2;</li>
 * <li>highest return (used to explain an unreachable target): {@code -mu.w}.</li>
 * </ul>
 * A node whose problem has no answer for the objective (no portfolio, a target out of reach) throws
 * {@link IllegalArgumentException} or an infeasible
 * {@link com.positionlab.engine.optimize.qp.OptimizationException}; the search prunes it.
 */
record Goal(String name, Function<MeanVariance, Allocation> optimum, Value value) {

    /** The ranking value of weights w on problem p. */
    @FunctionalInterface
    interface Value {
        double of(PortfolioProblem p, double[] w);
    }

    static Goal minVolatility() {
        return new Goal("min_volatility", MeanVariance::minVolatility, (p, w) -> p.variance(w) + penalty(p, w));
    }

    static Goal efficientReturn(double target) {
        return new Goal("efficient_return", mv -> mv.efficientReturn(target),
                (p, w) -> p.variance(w) + penalty(p, w));
    }

    /**
     * On the critical line's frontier when it applies (see {@link #bestUtility}), else by
     * {@link MeanVariance#maxQuadraticUtility}'s convex program.
     */
    static Goal maxQuadraticUtility(double riskAversion) {
        return new Goal("max_quadratic_utility", mv -> {
            Frontier f = mv.exactFrontier();
            return f == null ? mv.maxQuadraticUtility(riskAversion)
                    : new Allocation(bestUtility(f, riskAversion), "critical line", f.points().size());
        }, (p, w) -> riskAversion / 2 * p.variance(w) - p.expectedReturn(w) + penalty(p, w));
    }

    /**
     * The frontier portfolio of highest {@code mu.w - delta/2 w'Sigma w}. On the segment {@code w = a + s (b - a)}
     * between consecutive turning points the utility is
     * {@code m_a + s dm - delta/2 (v_a + 2 s c + s^2 d)} ({@code dm} the change of return, {@code c = a'Sigma
     * (b - a)}, {@code d = (b - a)'Sigma (b - a)}), a concave parabola whose top is at
     * {@code s = (dm - delta c) / (delta d)}, clipped to [0, 1]; the best over all segments is the answer (the
     * utility's maximiser is efficient, so it lies on the frontier).
     */
    static double[] bestUtility(Frontier f, double delta) {
        List<TurningPoint> points = f.points();
        double[] best = points.get(0).weights();
        double bestUtility = utility(f, best, delta);
        for (int k = 0; k + 1 < points.size(); k++) {
            double[] a = points.get(k).weights();
            double[] d = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                d[i] = points.get(k + 1).weights()[i] - a[i];
            }
            double dm = dot(d, f.mean());
            double c = f.covariance().bilinear(a, d);
            double dd = f.covariance().bilinear(d, d);
            double s = dd > 0 ? Math.max(0, Math.min(1, (dm - delta * c) / (delta * dd))) : dm - delta * c > 0 ? 1 : 0;
            double[] w = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                w[i] = a[i] + s * d[i];
            }
            double u = utility(f, w, delta);
            if (u > bestUtility) {
                best = w;
                bestUtility = u;
            }
        }
        return best.clone();
    }

    private static double utility(Frontier f, double[] w, double delta) {
        return dot(w, f.mean()) - delta / 2 * f.covariance().bilinear(w, w);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static Goal efficientRisk(double targetVolatility) {
        return new Goal("efficient_risk", mv -> mv.efficientRisk(targetVolatility),
                (p, w) -> -p.expectedReturn(w) + penalty(p, w));
    }

    static Goal maxSharpe(double riskFreeRate) {
        return new Goal("max_sharpe", mv -> mv.maxSharpe(riskFreeRate), (p, w) -> {
            double excess = p.expectedReturn(w) - riskFreeRate;
            return (p.variance(w) + p.l2Gamma() * squares(w)) / (excess * excess);
        });
    }

    /** The highest expected return (its least-variance portfolio, so that the weights are unique). */
    static Goal highestReturn() {
        return new Goal("highest return", mv -> mv.efficientReturn(mv.highestReturn()),
                (p, w) -> -p.expectedReturn(w));
    }

    /** {@code gamma ||w||^2 + k sum |w_i - previous_i|}. */
    static double penalty(PortfolioProblem p, double[] w) {
        double s = p.l2Gamma() * squares(w);
        if (p.costRate() > 0) {
            for (int i = 0; i < w.length; i++) {
                s += p.costRate() * Math.abs(w[i] - p.previous()[i]);
            }
        }
        return s;
    }

    private static double squares(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x * x;
        }
        return s;
    }
}
