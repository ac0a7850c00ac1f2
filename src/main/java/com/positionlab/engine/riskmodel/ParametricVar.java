package com.positionlab.engine.riskmodel;

import com.positionlab.engine.stats.Normal;
import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.stats.Returns;

/**
 * Variance-covariance VaR: returns are taken as normal with mean mu and standard deviation sd, optionally with
 * the Cornish-Fisher correction of the quantile for skewness S and excess kurtosis K. At confidence c, with
 * z = Phi^-1(1 - c) (negative for c > 0.5) and phi the standard normal density:
 * <pre>
 *   normal:          VaR = -(mu + z sd)                 CVaR = -(mu - sd phi(z) / (1 - c))
 *   Cornish-Fisher:  VaR = -(mu + z_cf sd)              CVaR = -(mu + sd E[z_cf(U)]),  U ~ uniform(0, 1 - c)
 *   z_cf(u) = z + (z^2 - 1) S / 6 + (z^3 - 3z) K / 24 - (2z^3 - 5z) S^2 / 36,   z = Phi^-1(u)
 * </pre>
 */
public final class ParametricVar {

    private ParametricVar() {
    }

    /** Normal VaR and CVaR of one period with mean {@code mean} and standard deviation {@code sd} >= 0. */
    public static VarEstimate normal(double mean, double sd, double confidence) {
        return cornishFisher(mean, sd, 0, 0, confidence);
    }

    /**
     * Cornish-Fisher VaR and CVaR. The CVaR is the mean of mu + sd z_cf(u) over the tail u in (0, 1 - c).
     * Substituting u = Phi(x) turns that mean into {@code (1 / (1 - c)) * integral over x < z of
     * z_cf(x) phi(x) dx}, and z_cf is a cubic in x, so the integral is a sum of the normal's partial moments
     * {@code M_k = integral over x < z of x^k phi(x) dx}: M_0 = 1 - c, M_1 = -phi(z), M_2 = M_0 - z phi(z),
     * M_3 = -(z^2 + 2) phi(z). It is evaluated from them exactly, which is what a quadrature in u converges to
     * (the tests check one); with S = K = 0 it is the normal CVaR.
     */
    public static VarEstimate cornishFisher(double mean, double sd, double skewness, double excessKurtosis,
                                            double confidence) {
        InvalidParameterException.finite("mean", mean);
        InvalidParameterException.finite("standard_deviation", sd);
        if (sd < 0) {
            throw new InvalidParameterException("standard_deviation", "must not be negative, got " + sd);
        }
        InvalidParameterException.finite("skewness", skewness);
        InvalidParameterException.finite("excess_kurtosis", excessKurtosis);
        Checks.confidence(confidence);
        double tail = 1 - confidence;
        double z = Normal.quantile(tail);
        double s = skewness;
        double k = excessKurtosis;
        double zcf = z + (z * z - 1) * s / 6 + (z * z * z - 3 * z) * k / 24 - (2 * z * z * z - 5 * z) * s * s / 36;
        double tailMean = Normal.pdf(z) / tail
                * (-1 - z * s / 6 + (1 - z * z) * k / 24 - (1 - 2 * z * z) * s * s / 36);
        return new VarEstimate(-(mean + sd * zcf), -(mean + sd * tailMean));
    }

    /**
     * From a sample of at least two finite returns: the mean, the sample standard deviation (divisor n - 1) and,
     * with {@code cornishFisher}, the population skewness m3 / m2^1.5 and excess kurtosis m4 / m2^2 - 3 (central
     * moments m_k with divisor n, scipy's {@code bias=True} defaults; both 0 for constant returns).
     */
    public static VarEstimate of(double[] returns, double confidence, boolean cornishFisher) {
        Checks.returns(returns, 2);
        Checks.confidence(confidence);
        double mean = Returns.mean(returns);
        double sd = Returns.sampleStdDev(returns);
        if (!cornishFisher) {
            return normal(mean, sd, confidence);
        }
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double r : returns) {
            double d = r - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        int n = returns.length;
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double skewness = m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
        double excessKurtosis = m2 > 0 ? m4 / (m2 * m2) - 3 : 0;
        return cornishFisher(mean, sd, skewness, excessKurtosis, confidence);
    }
}
