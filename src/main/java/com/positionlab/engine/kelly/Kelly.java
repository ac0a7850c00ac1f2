package com.positionlab.engine.kelly;

import static com.positionlab.engine.InvalidParameterException.finite;
import static com.positionlab.engine.InvalidParameterException.inRange;
import static com.positionlab.engine.InvalidParameterException.positive;

/**
 * The Kelly criterion in closed form.
 *
 * <p>A two-outcome bet wins {@code b} per unit staked with probability {@code p} and loses the stake with
 * probability {@code q = 1 - p}. Staking a fraction {@code f} of capital on every bet gives expected log
 * growth per bet {@code g(f) = p ln(1 + f b) + q ln(1 - f)}, maximised at {@code f* = p - q / b}.
 */
public final class Kelly {

    private Kelly() {
    }

    /**
     * Discrete Kelly fraction {@code f* = p - q / b}, with {@code b = averageWin / averageLoss}.
     * Negative when the edge is negative (the caller decides what to do with that: see
     * {@link KellyPolicy}).
     *
     * @param p win probability in [0, 1]
     * @param b payoff ratio (average win / average loss), positive
     */
    public static double discrete(double p, double b) {
        inRange("win_probability", p, 0, 1);
        positive("win_loss_ratio", b);
        return p - (1 - p) / b;
    }

    /** Payoff ratio from the average win and average loss, both positive magnitudes. */
    public static double payoffRatio(double averageWin, double averageLoss) {
        positive("average_win", averageWin);
        positive("average_loss", averageLoss);
        return averageWin / averageLoss;
    }

    /**
     * Continuous Kelly fraction {@code f* = mu / sigma^2} for an asset whose returns have mean
     * {@code mu} and volatility {@code sigma} over the same period (for example both annualised). The
     * result is a leverage: 1 means the whole capital in the asset.
     */
    public static double continuous(double mu, double sigma) {
        finite("expected_return", mu);
        positive("volatility", sigma);
        return mu / (sigma * sigma);
    }

    /**
     * Expected log growth per bet {@code g(f) = p ln(1 + f b) + (1 - p) ln(1 - f)} of staking fraction
     * {@code f}; {@code -Infinity} for {@code f >= 1} when a loss is possible.
     */
    public static double logGrowth(double p, double b, double f) {
        double win = p == 0 ? 0 : p * Math.log1p(f * b);
        double lose = p == 1 ? 0 : (1 - p) * Math.log1p(-f);
        return win + lose;
    }

    /** {@code d f* / d p = 1 + 1 / b}: how much the Kelly fraction moves per unit of win probability. */
    public static double sensitivityToWinProbability(double b) {
        positive("win_loss_ratio", b);
        return 1 + 1 / b;
    }

    /** {@code d f* / d b = (1 - p) / b^2}: how much the Kelly fraction moves per unit of payoff ratio. */
    public static double sensitivityToPayoff(double p, double b) {
        inRange("win_probability", p, 0, 1);
        positive("win_loss_ratio", b);
        return (1 - p) / (b * b);
    }

    /**
     * The fraction above {@code f*} at which expected log growth turns negative: the root of
     * {@code g(f) = 0} in {@code (f*, 1)}. NaN when {@code f* <= 0} (every positive stake loses) and 1
     * when {@code p = 1} (growth never turns negative before staking everything).
     */
    public static double zeroGrowthFraction(double p, double b) {
        double fStar = discrete(p, b);
        if (fStar <= 0) {
            return Double.NaN;
        }
        if (p == 1) {
            return 1.0;
        }
        // Newton's method on g, kept inside the bracket (f*, 1) where g(f*) > 0 and g -> -inf at 1;
        // a step that leaves the bracket is replaced by bisection.
        double q = 1 - p;
        double lo = fStar;
        double hi = 1.0;
        double x = Math.min(2 * fStar, 0.5 * (fStar + 1));
        for (int i = 0; i < 100; i++) {
            double g = p * Math.log1p(x * b) + q * Math.log1p(-x);
            if (g > 0) {
                lo = x;
            } else {
                hi = x;
            }
            double slope = p * b / (1 + x * b) - q / (1 - x);
            double next = x - g / slope;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x)) || hi - lo <= 1e-15) {
                return next;
            }
            x = next;
        }
        return x;
    }
}
