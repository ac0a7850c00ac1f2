package com.positionlab.service.optimize;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The efficient frontier of a request (snake_case in JSON): {@code points} evenly spaced in expected return
 * from the minimum-volatility portfolio to the highest attainable return, the critical line algorithm's
 * {@code turning_points} when it was used (between two of them the weights are exactly linear), and the
 * minimum-volatility and maximum-Sharpe portfolios. Sharpe ratios at {@code performance_risk_free_rate}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrontierResponse(List<Point> points, List<Point> turningPoints, Point minVolatility,
                               Point maxSharpe, Pareto pareto, TurnoverPareto turnoverPareto,
                               OptimizeResponse.Solver solver, OptimizeRequest request) {

    /**
     * The ESG-Sharpe trade-off: at each ESG floor from the maximum-Sharpe portfolio's score to the highest
     * attainable, the maximum-Sharpe portfolio with at least that score; and the trade-off in words.
     */
    public record Pareto(List<ParetoPoint> points, String tradeOff) {
    }

    /** A maximum-Sharpe portfolio under an ESG floor: its score, return, volatility, Sharpe ratio and weights. */
    public record ParetoPoint(double esgFloor, double esgScore, double expectedReturn, double volatility,
                              double sharpeRatio, Map<String, Double> weights) {
    }

    /**
     * The turnover-Sharpe trade-off (with {@code current_weights}): at each turnover limit from the least the
     * constraints need to the turnover of the unconstrained maximum-Sharpe portfolio, the maximum-Sharpe
     * portfolio within it; and the trade-off in words.
     */
    public record TurnoverPareto(List<TurnoverPoint> points, String tradeOff) {
    }

    /** A maximum-Sharpe portfolio under a turnover limit: its turnover, return, volatility, Sharpe and weights. */
    public record TurnoverPoint(double turnoverLimit, double turnover, double expectedReturn, double volatility,
                                double sharpeRatio, Map<String, Double> weights) {
    }

    /** One frontier portfolio. */
    public record Point(double expectedReturn, double volatility, double sharpeRatio, Map<String, Double> weights) {
    }
}
