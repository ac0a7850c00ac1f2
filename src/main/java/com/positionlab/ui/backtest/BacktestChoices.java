package com.positionlab.ui.backtest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.service.Json;

/**
 * The choices of the Backtest view, each with the words a trader reads and the backtest contract's value (shown in
 * a tooltip): the strategies it compares, the rebalance schedules, the statistics a sweep ranks by and the
 * universes.
 */
final class BacktestChoices {

    /** A choice: the words on screen, the contract's value, and what the contract calls it. */
    record Choice(String label, JsonNode api) {
        @Override
        public String toString() {
            return label;
        }

        /** The contract's JSON, as the tooltip shows it. */
        String apiText() {
            return api.isTextual() ? api.asText() : api.toString();
        }
    }

    /** The strategies that can be compared, in the order shown. */
    static final List<Choice> STRATEGIES = List.of(
            new Choice("Equal weight", method("equal_weight")),
            new Choice("Inverse volatility", method("inverse_volatility")),
            new Choice("Volatility target 10%", method("volatility_target").put("target_volatility", 0.1)),
            new Choice("Minimum volatility", method("min_volatility")),
            new Choice("Maximum Sharpe", method("max_sharpe")),
            new Choice("Equal risk (ERC)", method("risk_parity")),
            new Choice("Hierarchical risk parity", method("hrp")));

    /** The strategies checked when the view opens: equal weight, minimum volatility and maximum Sharpe. */
    static final List<Integer> DEFAULT_STRATEGIES = List.of(0, 3, 4);

    static final List<Choice> REBALANCES = List.of(
            new Choice("Daily", Json.mapper().getNodeFactory().textNode("daily")),
            new Choice("Weekly", Json.mapper().getNodeFactory().textNode("weekly")),
            new Choice("Monthly", Json.mapper().getNodeFactory().textNode("monthly")),
            new Choice("Drift band 5%", Json.mapper().createObjectNode().put("drift_band", 0.05)));

    /** Index of the default rebalance: monthly. */
    static final int DEFAULT_REBALANCE = 2;

    /** The statistics a sweep may rank by; each higher is better (a drawdown is negative: nearer 0 is better). */
    static final List<Choice> RANK_BY = List.of(
            new Choice("Sharpe ratio", text("sharpe_ratio")),
            new Choice("Sortino ratio", text("sortino_ratio")),
            new Choice("Calmar ratio", text("calmar_ratio")),
            new Choice("CAGR", text("cagr")),
            new Choice("Max drawdown", text("max_drawdown")));

    /** The lookbacks a sweep tries, in trading days (a quarter, half a year, a year). */
    static final List<Integer> SWEEP_LOOKBACKS = List.of(63, 126, 252);
    /** The rebalances a sweep tries. */
    static final List<String> SWEEP_REBALANCES = List.of("weekly", "monthly");
    /** The target volatilities a sweep of the volatility target tries, as fractions a year. */
    static final List<Double> SWEEP_TARGETS = List.of(0.05, 0.10, 0.20);

    /** A universe to backtest: its name on screen and the workspace instruments' ids. */
    record UniverseChoice(String label, List<String> ids) {
        @Override
        public String toString() {
            return label + " (" + ids.size() + ")";
        }
    }

    private BacktestChoices() {
    }

    /** The strategy JSON of a choice, with the risk-free rate where the objective takes one. */
    static ObjectNode strategy(Choice c, double riskFreeRate) {
        ObjectNode n = ((ObjectNode) c.api()).deepCopy();
        if (n.path("method").asText().equals("max_sharpe")) {
            n.put("risk_free_rate", riskFreeRate);
        }
        return n;
    }

    /** Whether a strategy is the volatility target, whose sweep varies the target instead of the rebalance. */
    static boolean isVolatilityTarget(Choice c) {
        return c.api().path("method").asText().equals("volatility_target");
    }

    private static ObjectNode method(String name) {
        return Json.mapper().createObjectNode().put("method", name);
    }

    private static JsonNode text(String value) {
        return Json.mapper().getNodeFactory().textNode(value);
    }
}
