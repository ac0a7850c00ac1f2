package com.positionlab.service.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.positionlab.engine.riskmodel.RiskModel;

/**
 * VaR and CVaR of a return series over a horizon, as positive loss fractions (a loss of 2% is 0.02), with the
 * fitted GARCH model when that was the model.
 *
 * @param horizonScaling how one-day figures became horizon figures: always "square root of time"
 * @param observations   the number of returns measured
 * @param garch          the GARCH(1,1) fit, for the GARCH model only (absent otherwise)
 */
@JsonPropertyOrder({"model", "confidence_level", "horizon_days", "horizon_scaling", "observations", "var", "cvar",
        "garch"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskResponse(RiskModel model, double confidenceLevel, int horizonDays, String horizonScaling,
                           int observations, double var, double cvar, GarchJson garch) {

    public static final String SQUARE_ROOT_OF_TIME = "square root of time";

    /**
     * A fitted GARCH(1,1) in the units of the returns: omega and the forecast are daily for daily returns; the
     * forecast is the one-step-ahead conditional volatility sigma_{T+1} that the var and cvar use.
     */
    @JsonPropertyOrder({"omega", "alpha", "beta", "mu", "log_likelihood", "forecast_volatility"})
    public record GarchJson(double omega, double alpha, double beta, double mu, double logLikelihood,
                            double forecastVolatility) {
    }
}
