package com.positionlab.service.optimize;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A discrete allocation request (snake_case in JSON): target {@code weights} by ticker, the latest prices
 * ({@code latest_prices} by ticker, or {@code prices}: a wide price file whose last known price of each ticker
 * is taken), {@code total_portfolio_value}, optional {@code lot_sizes} (units per lot, default 1),
 * {@code short_ratio} (default: the sum of the negative weights' sizes), {@code reinvest} (false),
 * {@code method} ({@code greedy}, PyPortfolioOpt's, or {@code exact}: an integer program minimising the total
 * deviation from the target values), {@code time_limit_ms} for the exact method (10000), and
 * {@code current_units} to get the trades from the current holdings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AllocateRequest(Map<String, Double> weights, Map<String, Double> latestPrices, String prices,
                              Double totalPortfolioValue, Map<String, Integer> lotSizes, Double shortRatio,
                              Boolean reinvest, String method, Integer timeLimitMs, Map<String, Long> currentUnits) {
}
