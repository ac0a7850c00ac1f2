package com.positionlab.engine.optimize;

import java.util.List;

/**
 * The efficient frontier as its turning points, from the highest return down to the minimum variance. The
 * efficient weights are linear between consecutive turning points, so each query below is exact.
 */
public record Frontier(List<TurningPoint> points, double[] mean, double[][] cov) {

    public Frontier {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a frontier has at least one turning point");
        }
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
     * The portfolio of highest Sharpe ratio {@code (w.mu - rf) / sqrt(w' Sigma w)} on the frontier: on each
     * segment between turning points the ratio is a function of one parameter whose maximum is found in
     * closed form. Null when no frontier portfolio has a return above {@code rf}.
     */
    public double[] maxSharpe(double riskFreeRate) {
        double[] best = null;
        double bestSharpe = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < points.size(); k++) {
            double[] a = points.get(k).weights();
            double[] b = k + 1 < points.size() ? points.get(k + 1).weights() : a;
            double[] d = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                d[i] = b[i] - a[i];
            }
            double ma = TurningPoint.dot(a, mean) - riskFreeRate;
            double dm = TurningPoint.dot(d, mean);
            double va = TurningPoint.quadratic(a, cov);
            double c = cross(d, a);
            double dd = TurningPoint.quadratic(d, cov);
            double den = c * dm - ma * dd;
            double[] candidates = den == 0 ? new double[] {0, 1} : new double[] {0, 1, (ma * c - dm * va) / den};
            for (double t : candidates) {
                if (!(t >= 0 && t <= 1)) {
                    continue;
                }
                double var = va + 2 * t * c + t * t * dd;
                double sharpe = var > 0 ? (ma + t * dm) / Math.sqrt(var) : Double.NEGATIVE_INFINITY;
                if (sharpe > bestSharpe) {
                    bestSharpe = sharpe;
                    best = along(a, d, t);
                }
            }
        }
        return bestSharpe > 0 ? best : null;
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
            double va = TurningPoint.quadratic(a, cov);
            double c = cross(d, a);
            double dd = TurningPoint.quadratic(d, cov);
            // the smaller root of dd t^2 + 2 c t + (va - v) = 0, written without cancellation (c < 0 here)
            double disc = Math.max(0, c * c - dd * (va - v));
            double t = (va - v) / (-c + Math.sqrt(disc));
            return along(a, d, Math.max(0, Math.min(1, t)));
        }
        return null;
    }

    private double cross(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double row = 0;
            for (int j = 0; j < y.length; j++) {
                row += cov[i][j] * y[j];
            }
            s += x[i] * row;
        }
        return s;
    }

    private static double[] along(double[] a, double[] d, double t) {
        double[] w = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            w[i] = a[i] + t * d[i];
        }
        return w;
    }
}
