package com.positionlab.engine.kelly;

import com.positionlab.engine.stats.Normal;
import static com.positionlab.engine.InvalidParameterException.inRange;

import com.positionlab.engine.InvalidParameterException;

/**
 * The Wilson score interval for a binomial proportion: with observed rate {@code p} over {@code n}
 * trials and {@code z} the standard normal quantile at {@code 1 - (1 - level) / 2},
 *
 * <pre>
 *   centre = (p + z^2 / (2n)) / (1 + z^2 / n)
 *   half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / (4 n^2))
 * </pre>
 *
 * Unlike the normal approximation it stays inside [0, 1] and behaves at p = 0 and p = 1.
 */
public final class WilsonInterval {

    private WilsonInterval() {
    }

    public static Interval of(double p, int n, double confidenceLevel) {
        inRange("win_probability", p, 0, 1);
        if (n < 1) {
            throw new InvalidParameterException("sample_size", "must be at least 1, got " + n);
        }
        inRange("confidence_level", confidenceLevel, 0, 1);
        if (confidenceLevel == 0 || confidenceLevel == 1) {
            throw new InvalidParameterException("confidence_level", "must be strictly between 0 and 1, got "
                    + confidenceLevel);
        }
        double z = z(confidenceLevel);
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), confidenceLevel);
    }

    /** The two-sided standard normal quantile for a confidence level: 1.959964... at 0.95. */
    public static double z(double confidenceLevel) {
        return Normal.twoSided(confidenceLevel);
    }
}
