package com.positionlab.engine.kelly;

/**
 * The Kelly fraction of a trade list itself: the f that maximises the mean of {@code ln(1 + f o_i)} over the
 * trades' outcomes per unit risked {@code o_i} (a loss of one unit loses the stake). Unlike
 * {@code p - q/b} from the averages, it sees the spread of the wins and the losses: a list whose losses vary
 * more than their average says gets a smaller fraction. The mean log growth {@code G(f)} is concave, so its
 * maximiser is the root of {@code G'(f) = mean(o_i / (1 + f o_i))} on {@code [0, 1 / L)}, L the largest loss
 * in units, found by bisection to 1e-12.
 */
public final class LogOptimalKelly {

    private LogOptimalKelly() {
    }

    /**
     * The log-optimal fraction of {@code outcomes} (per unit risked): 0 when the mean outcome is not positive
     * (no stake grows), NaN without a loss (growth has no maximum to estimate) or without outcomes.
     */
    public static double of(double[] outcomes) {
        double largestLoss = 0;
        double sum = 0;
        for (double o : outcomes) {
            largestLoss = Math.max(largestLoss, -o);
            sum += o;
        }
        if (outcomes.length == 0 || !(largestLoss > 0)) {
            return Double.NaN;
        }
        if (sum <= 0) {
            return 0;
        }
        double lo = 0;
        double hi = 1 / largestLoss;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (slope(outcomes, mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** {@code G'(f) = mean(o_i / (1 + f o_i))}; -Infinity where a loss wipes the stake out. */
    static double slope(double[] outcomes, double f) {
        double s = 0;
        for (double o : outcomes) {
            double w = 1 + f * o;
            if (w <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            s += o / w;
        }
        return s / outcomes.length;
    }
}
