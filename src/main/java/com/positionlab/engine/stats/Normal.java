package com.positionlab.engine.stats;

import org.apache.commons.math3.special.Erf;

/**
 * The engine's one standard normal distribution. The density is exact to rounding. The CDF is
 * {@code erfc(-x / sqrt 2) / 2} (Commons Math's erfc: accurate relative to the value in the lower tail).
 * The quantile is Acklam's rational approximation (relative error below 1.2e-9) refined by one Halley
 * step on that CDF, which brings it to within a few units in the last place across (0, 1), deep tails
 * included; the upper half is the mirror of the lower one, since 1 - u is exact for u >= 0.5. (The
 * textbook {@code sqrt 2 erf^-1(2u - 1)} loses digits below u = 1e-6: 8e-8 absolute at u = 7e-12.)
 */
public final class Normal {

    private static final double SQRT_2 = Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);
    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
    /** Below this, Acklam's tail form. */
    private static final double LOW = 0.02425;

    private Normal() {
    }

    /** phi(z) = exp(-z^2 / 2) / sqrt(2 pi). */
    public static double pdf(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** Phi(x) = P(Z <= x). */
    public static double cdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT_2);
    }

    /** Phi^-1(u): the z with P(Z <= z) = u, for u in (0, 1). */
    public static double quantile(double u) {
        if (!(u > 0 && u < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + u);
        }
        if (u > 0.5) {
            return -lowerQuantile(1 - u);
        }
        return lowerQuantile(u);
    }

    /** The quantile of u in (0, 0.5]. */
    private static double lowerQuantile(double u) {
        double x;
        if (u < LOW) {
            double q = Math.sqrt(-2 * Math.log(u));
            x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        } else {
            double q = u - 0.5;
            double r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                    / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        }
        // One Halley step on Phi(x) - u.
        double e = cdf(x) - u;
        double t = e * SQRT_2PI * Math.exp(0.5 * x * x);
        return x - t / (1 + 0.5 * x * t);
    }

    /** The two-sided quantile of a confidence level: 1.959964... at 0.95. */
    public static double twoSided(double confidenceLevel) {
        return quantile(1 - (1 - confidenceLevel) / 2);
    }
}
