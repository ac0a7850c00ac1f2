package com.positionlab.service.optimize;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An optimised portfolio (snake_case in JSON): weights by ticker, its performance on the request's estimates,
 * each asset's share of the portfolio variance ({@code w_i (Sigma w)_i / w'Sigma w}, summing to 1), how the
 * solver went, the constraints that bind (with their slack, 0 within 1e-8), and the request it answers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizeResponse(String method, Map<String, Double> weights, Performance performance,
                               Map<String, Double> riskContributions, Solver solver,
                               List<Binding> bindingConstraints, BlackLittermanOut blackLitterman,
                               OptimizeRequest request) {

    /** The Black-Litterman model used: delta (null when none), prior and posterior returns by ticker. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BlackLittermanOut(Double riskAversion, Map<String, Double> priorReturns,
                                    Map<String, Double> posteriorReturns) {
    }

    /**
     * Annualised expected return and volatility, and the Sharpe ratio at {@code performance_risk_free_rate};
     * the downside measures for those objectives.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Performance(double expectedReturn, double volatility, double sharpeRatio, Double semideviation,
                              Double sortinoRatio, Double cvar, Double cdar) {
    }

    /** The method or library used, its iteration count, {@code optimal}, and the wall time in milliseconds. */
    public record Solver(String name, int iterations, String status, double timeMs) {
    }

    /** A constraint at its limit: its value, the limit and the slack between them. */
    public record Binding(String name, double value, double limit, double slack) {
    }
}
