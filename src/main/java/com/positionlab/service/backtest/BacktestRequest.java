package com.positionlab.service.backtest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A backtest as the CLI, the API and the view send it (snake_case JSON).
 *
 * <p><b>Portfolio backtest</b> (walk-forward over daily prices): {@code prices} (a CSV file of adjusted closes,
 * as {@code optimize} reads; {@code price_rows} {@code all} (default) or {@code complete}, the days on which
 * every ticker has a price) or {@code universe} (workspace instruments); {@code start}, {@code end} (default:
 * the history's first day after the lookback, and its last day); {@code initial_capital} (default 100,000);
 * {@code rebalance} ({@code "daily"}, {@code "weekly"}, {@code "monthly"} (default), {@code "once"} or
 * {@code {"drift_band": 0.05}}); {@code lookback} (trading days of returns the strategy sees, default 252);
 * {@code strategy} or {@code strategies} (several side by side); {@code costs_bps}, {@code slippage_bps};
 * {@code cash_rate} (annual, fraction); {@code lot_sizes} by ticker; {@code split_date} (in-sample before it,
 * out-of-sample from it); {@code risk_free_rate} (annual, for Sharpe and Sortino); {@code sectors} by ticker
 * and {@code benchmark} ({@code "equal_weight"} or {@code {"weights": {...}}}) for the attribution;
 * {@code sweep} (a grid: {@code lookback}, {@code rebalance}, {@code costs_bps} or {@code strategy.FIELD} to
 * lists of values) with {@code rank_by} and {@code threads}; {@code include_trades} (default true).
 *
 * <p><b>Trade-sequence backtest</b>: {@code trades} (closed trades in exit order: {@code return} on the
 * position, optional {@code stop_loss} and {@code exit}) or {@code strategy_id} (a workspace strategy's trades),
 * sized in turn by each of {@code sizing} (Kelly, fixed fraction, fixed risk, optimal f; default all four),
 * from {@code initial_capital}, with {@code costs_bps} per trade.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BacktestRequest(String prices, String priceRows, List<String> universe, LocalDate start, LocalDate end,
                              Double initialCapital, JsonNode rebalance, Integer lookback, JsonNode strategy,
                              List<JsonNode> strategies, Double costsBps, Double slippageBps, Double cashRate,
                              Map<String, Double> lotSizes, LocalDate splitDate, Double riskFreeRate,
                              Map<String, String> sectors, JsonNode benchmark, Map<String, List<JsonNode>> sweep,
                              String rankBy, Integer threads, Boolean includeTrades, List<ClosedTradeIn> trades,
                              String strategyId, List<JsonNode> sizing) {

    /** A closed trade of a trade-sequence backtest: its return on the position, its stop, its exit date. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClosedTradeIn(@com.fasterxml.jackson.annotation.JsonProperty("return") Double returnOnPosition,
                                Double stopLoss, LocalDate exit) {
    }

    /** This request with another strategy (and no list of strategies or sweep). */
    public BacktestRequest withStrategy(JsonNode newStrategy) {
        return new BacktestRequest(prices, priceRows, universe, start, end, initialCapital, rebalance, lookback, newStrategy,
                null, costsBps, slippageBps, cashRate, lotSizes, splitDate, riskFreeRate, sectors, benchmark, null,
                rankBy, threads, includeTrades, trades, strategyId, sizing);
    }

    /** This request with another rebalance, lookback and costs (a point of a sweep). */
    public BacktestRequest withGrid(JsonNode newRebalance, Integer newLookback, Double newCostsBps) {
        return new BacktestRequest(prices, priceRows, universe, start, end, initialCapital, newRebalance, newLookback, strategy,
                null, newCostsBps, slippageBps, cashRate, lotSizes, splitDate, riskFreeRate, sectors, benchmark, null,
                rankBy, threads, includeTrades, trades, strategyId, sizing);
    }
}
