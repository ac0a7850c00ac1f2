package com.positionlab.service.kelly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The seed's Kelly response. Values that do not exist for the request (NaN, infinite growth) are null.
 * In the sensitivity analysis, {@code d_kelly_d_win_probability} and {@code d_kelly_d_payoff} are the
 * derivatives of f* with respect to p and b (discrete), or to the mean and the volatility (continuous).
 * {@code request} is the request it answers with the defaults it used filled in, so that the result can be
 * reproduced (and reported) from the response alone.
 */
public record KellyCalculationResponse(String method, double kellyFraction, double adjustedKelly,
                                       Double winLossRatio, ConfidenceInterval confidenceInterval,
                                       SensitivityAnalysis sensitivityAnalysis,
                                       @JsonInclude(JsonInclude.Include.NON_NULL) double[] weights,
                                       double processingTimeMs,
                                       @JsonInclude(JsonInclude.Include.NON_NULL) KellyCalculationRequest request) {

    public record ConfidenceInterval(double lowerBound, double upperBound, double confidenceLevel) {
    }

    public record SensitivityAnalysis(@JsonProperty("d_kelly_d_win_probability") Double dKellyDWinProbability,
                                      @JsonProperty("d_kelly_d_payoff") Double dKellyDPayoff, Double growthRateAtKelly,
                                      List<GrowthRow> growthTable, Double zeroGrowthFraction) {
    }

    /** Expected log growth per bet at {@code kelly_multiple} x f*, and as a share of the growth at f*. */
    public record GrowthRow(double kellyMultiple, double fraction, Double logGrowth, Double relativeGrowth) {
    }
}
