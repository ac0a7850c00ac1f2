package com.positionlab.service.optimize;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The request's {@code black_litterman} block. {@code views}: absolute views {@code {"TICKER": return}};
 * {@code relative_views}: {@code [{"weights": {"A": 1, "B": -1}, "return": 0.02, "confidence": 0.6}]};
 * {@code view_confidences}: Idzorek confidences in [0, 1] of the absolute views by ticker (given for every view
 * or for none); {@code omega}: {@code "default"} (He-Litterman, {@code diag(tau P Sigma P')}), {@code
 * "idzorek"} or a matrix; {@code tau} (0.05); {@code prior}: {@code "market"} (implied by {@code market_caps}
 * and the risk aversion), {@code "zero"}, {@code "estimates"} (the request's expected returns), or returns by
 * ticker (default: market when caps are given, else
 * zero); {@code risk_aversion}: delta, else implied by the request's {@code market_prices} at
 * {@code risk_free_rate} (0.02).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlackLittermanSpec(Map<String, Double> views, List<RelativeView> relativeViews,
                                 Map<String, Double> viewConfidences, JsonNode omega, Double tau, JsonNode prior,
                                 Map<String, Double> marketCaps, Double riskAversion, Double riskFreeRate) {

    /** A view that a combination of assets (weights usually summing to 0) returns {@code return}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelativeView(Map<String, Double> weights, @JsonProperty("return") Double viewReturn,
                               Double confidence) {
    }
}
