package com.positionlab.engine.riskmodel;

import static com.positionlab.engine.riskmodel.GarchLikelihood.ALPHA;
import static com.positionlab.engine.riskmodel.GarchLikelihood.BETA;
import static com.positionlab.engine.riskmodel.GarchLikelihood.MU;
import static com.positionlab.engine.riskmodel.GarchLikelihood.OMEGA;

import java.util.SplittableRandom;

import com.positionlab.engine.InvalidParameterException;

/**
 * GARCH(1,1) with a constant mean and normal innovations, fitted by maximum likelihood with the conventions of
 * Python's {@code arch} package ({@code arch_model(r, mean='Constant', vol='GARCH', p=1, q=1, dist='normal')})
 * so that estimates can be compared with it:
 * <pre>
 *   r_t = mu + eps_t,   eps_t = sigma_t z_t,   z_t ~ N(0, 1)
 *   sigma2_t = omega + alpha eps_{t-1}^2 + beta sigma2_{t-1}
 * </pre>
 * with eps_{-1}^2 and sigma2_{-1} replaced by arch's backcast (see {@link GarchLikelihood}), subject to
 * omega > 0, alpha >= 0, beta >= 0, alpha + beta < 1 (in practice omega >= 1e-10 times the sample variance and
 * alpha + beta <= 1 - 1e-9, so a maximum on the boundary is found and stays stationary). Unlike arch, the
 * conditional variance is not clipped to arch's variance bounds; they do not bind at a sensible fit.
 *
 * <p>The fit standardises the returns (divides them by their standard deviation s, which scales omega by
 * 1 / s^2, mu by 1 / s and leaves alpha and beta alone, so the maximum is the same). On a grid of starts
 * (alpha in 0.02, 0.05, 0.1, 0.2; alpha + beta from 0.1 to 0.995; omega by variance targeting,
 * omega = var (1 - alpha - beta); mu the sample mean) it takes the best start in each of three persistence bands
 * (below 0.75, 0.8 to 0.9, 0.95 and above), climbs from each with {@link GarchMaximizer} until a Newton step
 * predicts a gain below 1e-11, and keeps the highest maximum. The log-likelihood and the forecast are then
 * computed on the original returns.
 */
public final class Garch11 {

    /** Fewest returns a fit accepts. */
    public static final int MIN_OBSERVATIONS = 100;

    private static final double[] START_ALPHAS = {0.02, 0.05, 0.1, 0.2};
    /** Starting values of alpha + beta, by band: low, middle and high persistence. */
    private static final double[][] PERSISTENCE_BANDS = {{0.1, 0.3, 0.5, 0.7}, {0.8, 0.9}, {0.95, 0.98, 0.995}};

    private Garch11() {
    }

    /** The maximum likelihood fit of at least {@value #MIN_OBSERVATIONS} finite returns that vary. */
    public static GarchFit fit(double[] returns) {
        Checks.returns(returns, MIN_OBSERVATIONS);
        int n = returns.length;
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= n;
        double variance = 0;
        for (double r : returns) {
            variance += (r - mean) * (r - mean);
        }
        variance /= n;
        double scale = 1 / Math.sqrt(variance);
        if (!(variance > 0) || !Double.isFinite(scale)) {
            throw new InvalidParameterException("returns", "do not vary; a GARCH fit needs returns that move");
        }
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = returns[t] * scale;
        }
        GarchLikelihood standardised = new GarchLikelihood(x);
        double[] best = maximise(standardised, mean * scale);
        double[] p = new double[4];
        p[MU] = best[MU] / scale;
        p[OMEGA] = best[OMEGA] / (scale * scale);
        p[ALPHA] = best[ALPHA];
        p[BETA] = best[BETA];
        GarchLikelihood original = new GarchLikelihood(returns);
        return new GarchFit(p[OMEGA], p[ALPHA], p[BETA], p[MU], original.value(p),
                Math.sqrt(original.forecastVariance(p)), n);
    }

    /**
     * The highest local maximum found from the best grid start in each persistence band: the likelihood can have
     * several local maxima (a low-persistence one and a high-persistence one are typical), and one climb finds
     * the one whose basin it starts in.
     */
    private static double[] maximise(GarchLikelihood likelihood, double mean) {
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int band = 0; band < PERSISTENCE_BANDS.length; band++) {
            double[] top = GarchMaximizer.maximise(likelihood, bestStart(likelihood, mean, PERSISTENCE_BANDS[band]));
            double v = likelihood.value(top);
            if (best == null || v > bestValue) {
                best = top;
                bestValue = v;
            }
        }
        return best;
    }

    /** The grid point with the highest log-likelihood among the given persistences, for a unit-variance series. */
    private static double[] bestStart(GarchLikelihood likelihood, double mean, double[] persistences) {
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (double persistence : persistences) {
            for (double alpha : START_ALPHAS) {
                if (alpha >= persistence) {
                    continue;
                }
                double[] p = new double[4];
                p[MU] = mean;
                p[OMEGA] = 1 - persistence;
                p[ALPHA] = alpha;
                p[BETA] = persistence - alpha;
                double v = likelihood.value(p);
                if (best == null || v > bestValue) {
                    best = p;
                    bestValue = v;
                }
            }
        }
        return best;
    }

    /**
     * The Gaussian log-likelihood of {@code returns} at the given parameters, with arch's backcast (from the
     * residuals about the sample mean): the quantity {@link #fit} maximises. Minus infinity where a conditional
     * variance is not positive.
     */
    public static double logLikelihood(double[] returns, double omega, double alpha, double beta, double mu) {
        Checks.returns(returns, 1);
        double[] p = new double[4];
        p[MU] = mu;
        p[OMEGA] = omega;
        p[ALPHA] = alpha;
        p[BETA] = beta;
        return new GarchLikelihood(returns).value(p);
    }

    /**
     * {@code n} returns of a GARCH(1,1) with these parameters, started at the unconditional variance
     * omega / (1 - alpha - beta), from a {@link SplittableRandom} seeded with {@code seed}: same seed, same returns.
     */
    public static double[] simulate(double omega, double alpha, double beta, double mu, int n, long seed) {
        InvalidParameterException.positive("omega", omega);
        InvalidParameterException.inRange("alpha", alpha, 0, 1);
        InvalidParameterException.inRange("beta", beta, 0, 1);
        InvalidParameterException.finite("mu", mu);
        if (alpha + beta >= 1) {
            throw new InvalidParameterException("beta", "alpha + beta must be below 1, got " + (alpha + beta));
        }
        if (n < 1) {
            throw new InvalidParameterException("observations", "must be at least 1, got " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[n];
        double s2 = omega / (1 - alpha - beta);
        for (int t = 0; t < n; t++) {
            double e = Math.sqrt(s2) * rng.nextGaussian();
            out[t] = mu + e;
            s2 = omega + alpha * e * e + beta * s2;
        }
        return out;
    }
}
