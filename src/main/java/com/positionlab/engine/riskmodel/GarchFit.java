package com.positionlab.engine.riskmodel;

import com.positionlab.engine.InvalidParameterException;

/**
 * A fitted GARCH(1,1) with a constant mean, in the units of the returns it was fitted on (daily returns give a
 * daily omega, mu and volatility).
 *
 * @param omega              the variance intercept
 * @param alpha              the weight of yesterday's squared shock
 * @param beta               the weight of yesterday's variance
 * @param mu                 the constant mean return
 * @param logLikelihood      the Gaussian log-likelihood at these parameters, on the original returns
 * @param forecastVolatility the one-step-ahead conditional volatility sigma_{T+1}, as a daily figure for
 *                           daily returns
 * @param observations       the number of returns fitted
 */
public record GarchFit(double omega, double alpha, double beta, double mu, double logLikelihood,
                       double forecastVolatility, int observations) {

    /** Normal one-period VaR and CVaR with mean mu and standard deviation forecastVolatility. */
    public VarEstimate var(double confidence) {
        return ParametricVar.normal(mu, forecastVolatility, confidence);
    }

    /** forecastVolatility times sqrt(periodsPerYear): 252 annualises a daily forecast. */
    public double annualisedForecast(int periodsPerYear) {
        if (periodsPerYear < 1) {
            throw new InvalidParameterException("periods_per_year", "must be at least 1, got " + periodsPerYear);
        }
        return forecastVolatility * Math.sqrt(periodsPerYear);
    }

    /** The long-run variance omega / (1 - alpha - beta) the conditional variance reverts to. */
    public double unconditionalVariance() {
        return omega / (1 - alpha - beta);
    }
}
