package com.positionlab.engine.riskmodel;

/** Stand-in; replaced by the full implementation. */
public record GarchFit(double omega, double alpha, double beta, double mu, double logLikelihood,
                       double forecastVolatility, int observations) {
    public VarEstimate var(double confidence) {
        return ParametricVar.normal(mu, forecastVolatility, confidence);
    }

    public double annualisedForecast(int periodsPerYear) {
        return forecastVolatility * Math.sqrt(periodsPerYear);
    }
}
