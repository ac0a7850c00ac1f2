package com.positionlab.engine.sizing;

import com.positionlab.engine.InvalidParameterException;

/**
 * Vince's optimal f: over per-trade returns {@code r_i} with largest loss {@code L = max(-r_i)}, the
 * fraction {@code f} in [0, 1] maximising the terminal wealth relative {@code TWR(f) = prod(1 + f r_i / L)}.
 * {@code ln TWR} is concave in f, so f is the root of its derivative {@code sum (r_i/L) / (1 + f r_i/L)},
 * found by bisection; 0 when the mean trade is not positive. A position of weight {@code f / L} loses
 * {@code f} of equity on a repeat of the worst trade.
 */
public final class OptimalF {

    /** f, the largest loss L, and the geometric mean holding-period return at f. */
    public record Result(double f, double largestLoss, double geometricMean, int trades) {
        /** The position weight that risks f of equity on the worst trade: {@code f / L}. */
        public double weight() {
            return f / largestLoss;
        }
    }

    private OptimalF() {
    }

    public static Result of(double[] tradeReturns) {
        if (tradeReturns == null || tradeReturns.length < 5) {
            throw new InvalidParameterException("trade_returns", "OPTIMAL_F needs at least 5 trade returns, got "
                    + (tradeReturns == null ? 0 : tradeReturns.length));
        }
        double worst = 0;
        for (double r : tradeReturns) {
            if (!Double.isFinite(r) || r <= -1) {
                throw new InvalidParameterException("trade_returns", "must be finite returns above -1, got " + r);
            }
            worst = Math.max(worst, -r);
        }
        if (worst == 0) {
            throw new InvalidParameterException("trade_returns", "has no losing trade, so optimal f is unbounded");
        }
        double[] perLoss = new double[tradeReturns.length];
        for (int i = 0; i < perLoss.length; i++) {
            perLoss[i] = tradeReturns[i] / worst;
        }
        double f;
        if (slope(perLoss, 0) <= 0) {
            f = 0;
        } else {
            double lo = 0;
            double hi = 1;
            // At f = 1 the worst trade wipes the account out: the root is strictly inside (0, 1).
            for (int i = 0; i < 100 && hi - lo > 1e-12; i++) {
                double mid = 0.5 * (lo + hi);
                if (slope(perLoss, mid) > 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            f = lo;
        }
        double logTwr = 0;
        for (double r : tradeReturns) {
            logTwr += Math.log1p(f * r / worst);
        }
        return new Result(f, worst, Math.exp(logTwr / tradeReturns.length), tradeReturns.length);
    }

    /** {@code sum y_i / (1 + f y_i)} over the returns in units of the largest loss, {@code y_i = r_i / L}. */
    private static double slope(double[] perLoss, double f) {
        double s = 0;
        for (double y : perLoss) {
            s += y / (1 + f * y);
        }
        return s;
    }
}
