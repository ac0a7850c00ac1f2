package com.positionlab.service.kelly;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The seed's Kelly request (snake_case in JSON), plus the fields PositionLab adds. Which Kelly is
 * computed depends on what is given:
 * <ul>
 *   <li>{@code win_probability}, {@code average_win}, {@code average_loss}: discrete Kelly (with a
 *       Wilson interval when {@code sample_size} is given);</li>
 *   <li>{@code expected_returns}, {@code volatilities}, {@code correlation_matrix}: multi-asset Kelly,
 *       capped at {@code leverage_cap} (default 1);</li>
 *   <li>{@code expected_return} and {@code portfolio_volatility} (same period, e.g. annualised):
 *       continuous Kelly.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KellyCalculationRequest(Double expectedReturn, Double winProbability, Double averageWin,
                                      Double averageLoss, Double portfolioVolatility, double[][] correlationMatrix,
                                      Integer sampleSize, Double confidenceLevel, Double kellyMultiplier,
                                      Double maxKellyFraction, double[] expectedReturns, double[] volatilities,
                                      Double leverageCap) {

    public static KellyCalculationRequest discrete(double p, double averageWin, double averageLoss, Integer sampleSize) {
        return new KellyCalculationRequest(null, p, averageWin, averageLoss, null, null, sampleSize, null, null, null,
                null, null, null);
    }
}
