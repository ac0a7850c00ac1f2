package com.positionlab.engine.optimize;

import java.util.List;

/**
 * The efficient frontier as its turning points, from the highest return down to the minimum variance. The
 * efficient weights are linear between consecutive turning points, so each query below is exact.
 */
public record Frontier(List<TurningPoint> points, double[] mean, Covariance covariance) {

    /** A variance below this fraction of the largest asset variance is zero (a riskless portfolio). */
    static final double RISKLESS = 1e-14;

    public Frontier {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a frontier has at least one turning point");
        }
    }

    /** The frontier of a dense covariance matrix. */
    public Frontier(List<TurningPoint> points, double[] mean, double[][] cov) {
        this(points, mean, new DenseCovariance(cov));
    }

    /** The minimum-variance portfolio (the turning point of least variance). */
    public double[] minVolatility() {
        TurningPoint best = points.get(0);
        for (TurningPoint p : points) {
            if (p.variance() < best.variance()) {
                best = p;
            }
        }
        return best.weights().clone();
    }

    /**
     * The portfolio of highest Sharpe ratio {@code (w.mu - rf) / sqrt(w' Sigma w)} on the frontier. On the
     * segment from turning point a to b, {@code w = a + t (b - a)}, the ratio is {@code (m + t dm) / sqrt(v + 2 t c
     * + t^2 dd)}, whose derivative vanishes at {@code t = (m c - dm v) / (c dm - m dd)}; that and the ends are
     * compared. The efficient frontier is concave in (volatility, return), so the ratio, the slope of the line
     * from (0, rf), rises then falls along it: the maximum lies on a segment next to the turning point of highest
     * ratio, and only the segments next to a turning point within rounding of that ratio are searched. A riskless frontier portfolio (a singular covariance allows one)
     * whose return is above rf has an unbounded ratio: it is the answer. Null when no frontier portfolio has a
     * return above {@code rf}.
     */
    public double[] maxSharpe(double riskFreeRate) {
        double[] ratio = new double[points.size()];
        int top = 0;
        for (int k = 0; k < points.size(); k++) {
            ratio[k] = sharpe(points.get(k), riskFreeRate);
            top = ratio[k] > ratio[top] ? k : top;
        }
        double[] best = points.get(top).weights();
        double bestSharpe = ratio[top];
        double near = bestSharpe - 1e-9 * Math.abs(bestSharpe);
        for (int k = 0; k + 1 < points.size(); k++) {
            if (Math.max(ratio[k], ratio[k + 1]) < near) {
                continue;
            }
            TurningPoint a = points.get(k);
            TurningPoint b = points.get(k + 1);
            double[] d = difference(a, b);
            double ma = a.expectedReturn() - riskFreeRate;
            double dm = b.expectedReturn() - a.expectedReturn();
            double va = a.variance();
            double ab = covariance.bilinear(a.weights(), b.weights());
            double c = ab - va;
            double dd = Math.max(0, b.variance() - 2 * ab + va);
            double den = c * dm - ma * dd;
            double t = den == 0 ? 0 : (ma * c - dm * va) / den;
            double var = va + 2 * t * c + t * t * dd;
            if (t > 0 && t < 1 && var > 0 && (ma + t * dm) / Math.sqrt(var) > bestSharpe) {
                bestSharpe = (ma + t * dm) / Math.sqrt(var);
                best = along(a.weights(), d, t);
            }
        }
        return bestSharpe > 0 ? best.clone() : null;
    }

    /**
     * The frontier portfolio of highest quadratic utility {@code w.mu - delta/2 w' Sigma w} ({@code delta > 0}):
     * the utility's maximiser is efficient, so it lies on the frontier. Along the segment from turning point a to
     * b, {@code w = a + t (b - a)}, the utility {@code ma + t dm - delta/2 (va + 2 t c + t^2 dd)} is concave in t
     * with its peak at {@code t = (dm - delta c) / (delta dd)}; the best of the turning points and of those
     * peaks inside their segments is the answer.
     */
    public double[] maxQuadraticUtility(double delta) {
        int top = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < points.size(); k++) {
            double u = points.get(k).expectedReturn() - delta / 2 * points.get(k).variance();
            if (u > best) {
                best = u;
                top = k;
            }
        }
        double[] answer = points.get(top).weights();
        for (int k = Math.max(0, top - 1); k <= top && k + 1 < points.size(); k++) {
            TurningPoint a = points.get(k);
            TurningPoint b = points.get(k + 1);
            double dm = b.expectedReturn() - a.expectedReturn();
            double va = a.variance();
            double ab = covariance.bilinear(a.weights(), b.weights());
            double c = ab - va;
            double dd = Math.max(0, b.variance() - 2 * ab + va);
            double t = dd == 0 ? 0 : (dm - delta * c) / (delta * dd);
            double u = a.expectedReturn() + t * dm - delta / 2 * (va + 2 * t * c + t * t * dd);
            if (t > 0 && t < 1 && u > best) {
                best = u;
                answer = along(a.weights(), difference(a, b), t);
            }
        }
        return answer.clone();
    }

    /** The ratio at a turning point: infinite for a riskless one (variance zero to rounding) above rf. */
    private double sharpe(TurningPoint p, double riskFreeRate) {
        double excess = p.expectedReturn() - riskFreeRate;
        if (p.variance() <= RISKLESS * largestVariance()) {
            return excess > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return excess / Math.sqrt(p.variance());
    }

    private double largestVariance() {
        return covariance.largestVariance();
    }

    private static double[] difference(TurningPoint a, TurningPoint b) {
        double[] d = new double[a.weights().length];
        for (int i = 0; i < d.length; i++) {
            d[i] = b.weights()[i] - a.weights()[i];
        }
        return d;
    }

    /**
     * The frontier portfolio whose expected return is {@code target}; null when the target is above the
     * highest or below the minimum-variance return.
     */
    public double[] efficientReturn(double target) {
        for (int k = 0; k + 1 < points.size(); k++) {
            TurningPoint a = points.get(k);
            TurningPoint b = points.get(k + 1);
            double hi = a.expectedReturn();
            double lo = b.expectedReturn();
            if (target <= hi + 1e-12 && target >= lo - 1e-12) {
                double t = hi == lo ? 0 : (hi - target) / (hi - lo);
                double[] d = new double[a.weights().length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = b.weights()[i] - a.weights()[i];
                }
                return along(a.weights(), d, Math.max(0, Math.min(1, t)));
            }
        }
        TurningPoint only = points.get(0);
        return points.size() == 1 && Math.abs(only.expectedReturn() - target) <= 1e-12 ? only.weights().clone()
                : null;
    }

    /**
     * {@code count} frontier portfolios evenly spaced in expected return, from the minimum-variance portfolio
     * (first) to the highest return (last), each with its weights, return, variance and the lambda at which it
     * is efficient (linear in the return along a segment; infinite on the top segment when it is flat). A
     * frontier of one point gives that point {@code count} times.
     *
     * @throws IllegalArgumentException when count is below 2
     */
    public List<TurningPoint> evenlySpaced(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("evenly spaced points need a count of at least 2, not " + count);
        }
        int last = points.size() - 1;
        double lo = points.get(last).expectedReturn();
        double hi = points.get(0).expectedReturn();
        List<TurningPoint> out = new java.util.ArrayList<>(count);
        int k = last - 1;
        for (int c = 0; c < count; c++) {
            double target = c == count - 1 ? hi : lo + (hi - lo) * c / (count - 1);
            while (k > 0 && points.get(k).expectedReturn() < target) {
                k--;
            }
            out.add(last == 0 ? points.get(0) : on(Math.max(k, 0), target));
        }
        return out;
    }

    /** The point of return {@code target} on the segment from turning point k to k + 1. */
    private TurningPoint on(int k, double target) {
        TurningPoint a = points.get(k);
        TurningPoint b = points.get(k + 1);
        double span = a.expectedReturn() - b.expectedReturn();
        double t = span <= 0 ? 0 : Math.max(0, Math.min(1, (a.expectedReturn() - target) / span));
        double[] w = along(a.weights(), difference(a, b), t);
        double lambda = t == 0 ? a.lambda() : Double.isInfinite(a.lambda()) ? b.lambda()
                : a.lambda() + t * (b.lambda() - a.lambda());
        double ab = covariance.bilinear(a.weights(), b.weights());
        double variance = (1 - t) * (1 - t) * a.variance() + 2 * t * (1 - t) * ab + t * t * b.variance();
        return new TurningPoint(w, lambda, TurningPoint.dot(w, mean), variance);
    }

    /**
     * The frontier portfolio of highest return whose volatility is at most {@code target}: the highest-return
     * corner when it is within the target, else the point on the segment where the volatility equals it (a
     * quadratic in the segment's parameter). Null when the target is below the minimum volatility.
     */
    public double[] efficientRisk(double target) {
        double v = target * target;
        if (points.get(0).variance() <= v) {
            return points.get(0).weights().clone();
        }
        for (int k = 0; k + 1 < points.size(); k++) {
            double[] a = points.get(k).weights();
            double[] b = points.get(k + 1).weights();
            if (points.get(k + 1).variance() > v) {
                continue;
            }
            double[] d = new double[a.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = b[i] - a[i];
            }
            // variance along the segment: va + 2 t c + t^2 dd, falling from above v to at most v
            double va = covariance.quadratic(a);
            double c = covariance.bilinear(d, a);
            double dd = covariance.quadratic(d);
            // the smaller root of dd t^2 + 2 c t + (va - v) = 0, written without cancellation (c < 0 here)
            double disc = Math.max(0, c * c - dd * (va - v));
            double t = (va - v) / (-c + Math.sqrt(disc));
            return along(a, d, Math.max(0, Math.min(1, t)));
        }
        return null;
    }

    private static double[] along(double[] a, double[] d, double t) {
        double[] w = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            w[i] = a[i] + t * d[i];
        }
        return w;
    }
}
