package com.positionlab.engine.riskmodel;

/**
 * The Gaussian GARCH(1,1) log-likelihood of one series with a constant mean, with the conventions of Python's
 * {@code arch} package. For parameters p = (mu, omega, alpha, beta):
 * <pre>
 *   eps_t    = r_t - mu
 *   sigma2_t = omega + alpha eps_{t-1}^2 + beta sigma2_{t-1},   eps_{-1}^2 = sigma2_{-1} = backcast
 *   loglik   = -0.5 sum_t (log 2 pi + log sigma2_t + eps_t^2 / sigma2_t)
 *   backcast = sum_{i < tau} w_i e_i^2,  w_i = 0.94^i / sum_{j < tau} 0.94^j,  tau = min(75, n)
 * </pre>
 * where e are the residuals from the sample mean: as in {@code arch}, the backcast is fixed once from the
 * starting residuals and does not move with mu. The gradient comes from the derivative recursions
 * {@code d sigma2_t = d omega + eps_{t-1}^2 d alpha + sigma2_{t-1} d beta - 2 alpha eps_{t-1} d mu
 * + beta d sigma2_{t-1}}, started at zero (the backcast does not depend on the parameters).
 */
final class GarchLikelihood {

    static final int MU = 0;
    static final int OMEGA = 1;
    static final int ALPHA = 2;
    static final int BETA = 3;

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double BACKCAST_DECAY = 0.94;
    private static final int BACKCAST_LENGTH = 75;

    private final double[] r;
    private final double backcast;

    GarchLikelihood(double[] returns) {
        this.r = returns;
        this.backcast = backcast(returns);
    }

    /** arch's backcast: exponentially weighted mean of the first min(75, n) squared residuals from the mean. */
    static double backcast(double[] r) {
        double mean = 0;
        for (double v : r) {
            mean += v;
        }
        mean /= r.length;
        int tau = Math.min(BACKCAST_LENGTH, r.length);
        double w = 1;
        double weights = 0;
        double sum = 0;
        for (int i = 0; i < tau; i++) {
            double e = r[i] - mean;
            sum += w * e * e;
            weights += w;
            w *= BACKCAST_DECAY;
        }
        return sum / weights;
    }

    int observations() {
        return r.length;
    }

    /** The log-likelihood at p; minus infinity where a conditional variance is not positive. */
    double value(double[] p) {
        double mu = p[MU];
        double omega = p[OMEGA];
        double alpha = p[ALPHA];
        double beta = p[BETA];
        double e2 = backcast;
        double s2 = backcast;
        double sum = 0;
        for (double v : r) {
            s2 = omega + alpha * e2 + beta * s2;
            if (!(s2 > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            double e = v - mu;
            e2 = e * e;
            sum += Math.log(s2) + e2 / s2;
        }
        return -0.5 * (r.length * LOG_2PI + sum);
    }

    /**
     * The gradient of the log-likelihood at p, written into {@code grad} (order mu, omega, alpha, beta); false,
     * with {@code grad} undefined, where a conditional variance is not positive.
     */
    boolean gradient(double[] p, double[] grad) {
        double mu = p[MU];
        double omega = p[OMEGA];
        double alpha = p[ALPHA];
        double beta = p[BETA];
        double ePrev = 0;
        double e2 = backcast;
        double s2 = backcast;
        double dMu = 0;
        double dOmega = 0;
        double dAlpha = 0;
        double dBeta = 0;
        double gMu = 0;
        double gOmega = 0;
        double gAlpha = 0;
        double gBeta = 0;
        for (double v : r) {
            dMu = -2 * alpha * ePrev + beta * dMu;
            dOmega = 1 + beta * dOmega;
            dAlpha = e2 + beta * dAlpha;
            dBeta = s2 + beta * dBeta;
            s2 = omega + alpha * e2 + beta * s2;
            if (!(s2 > 0)) {
                return false;
            }
            double e = v - mu;
            e2 = e * e;
            double inv = 1 / s2;
            double k = -0.5 * inv * (1 - e2 * inv);
            gMu += k * dMu + e * inv;
            gOmega += k * dOmega;
            gAlpha += k * dAlpha;
            gBeta += k * dBeta;
            ePrev = e;
        }
        grad[MU] = gMu;
        grad[OMEGA] = gOmega;
        grad[ALPHA] = gAlpha;
        grad[BETA] = gBeta;
        return true;
    }

    /** The one-step-ahead variance sigma2_{T+1} = omega + alpha eps_T^2 + beta sigma2_T after the last return. */
    double forecastVariance(double[] p) {
        double e2 = backcast;
        double s2 = backcast;
        for (double v : r) {
            s2 = p[OMEGA] + p[ALPHA] * e2 + p[BETA] * s2;
            double e = v - p[MU];
            e2 = e * e;
        }
        return p[OMEGA] + p[ALPHA] * e2 + p[BETA] * s2;
    }
}
