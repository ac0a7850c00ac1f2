package com.positionlab.service.backtest;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A single-period Brinson-Fachler attribution request (snake_case in JSON), each map keyed by sector:
 * {@code portfolio_weights} and {@code benchmark_weights} (fractions in [0, 1], each side summing to 1), and
 * {@code portfolio_returns} and {@code benchmark_returns} (the period's returns as fractions, above -1 and at
 * most 100).
 *
 * <p>A sector may be held by one side only: absent from the other side's weights, or given weight 0 there.
 * Every sector a side holds needs that side's return. Where the portfolio holds none of a sector its return is
 * the benchmark's, so that the sector's whole effect is allocation (a portfolio return given there is not
 * used); where the benchmark holds none, a benchmark return given for the sector is used as the return of a
 * neutral holding of it (allocation then measures the bet on the sector, interaction the pick within it), and
 * without one the benchmark's return is the portfolio's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttributionRequest(Map<String, Double> portfolioWeights, Map<String, Double> benchmarkWeights,
                                 Map<String, Double> portfolioReturns, Map<String, Double> benchmarkReturns) {
}
