package com.positionlab.ui.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.domain.StoredBacktest;
import com.positionlab.service.backtest.BacktestRequest;
import com.positionlab.ui.common.Formats;

/** The inputs a result came from, in a line a trader reads above it. */
final class Captions {

    private Captions() {
    }

    /**
     * The strategies, the period (and split), the rebalance, the lookback, the costs and the universe of a
     * portfolio backtest; {@code stored} (may be null) says when a reloaded result was run.
     */
    static String of(BacktestRequest r, List<String> strategies, String universe, StoredBacktest stored) {
        List<String> parts = new ArrayList<>();
        parts.add(String.join(", ", strategies));
        String period = r.start() + " to " + r.end();
        if (r.splitDate() != null) {
            period += " (in sample before " + r.splitDate() + ", out of sample from it)";
        }
        parts.add(period);
        parts.add("rebalanced " + rebalance(r.rebalance()));
        parts.add("lookback " + (r.lookback() == null ? 252 : r.lookback()) + " days");
        parts.add("costs " + bps(r.costsBps()) + " + slippage " + bps(r.slippageBps()));
        parts.add(universe(r, universe));
        return prefix(stored) + String.join(" · ", parts);
    }

    /** The strategy, the swept parameters, the ranking and the fixed inputs of a sweep. */
    static String sweep(BacktestRequest r, String strategy, String universe, StoredBacktest stored) {
        List<String> parts = new ArrayList<>();
        List<String> swept = new ArrayList<>();
        r.sweep().forEach((key, values) -> swept.add(key.replace("strategy.", "").replace('_', ' ') + " "
                + values.stream().map(v -> key.equals("strategy.target_volatility") ? percent(v.asDouble())
                : v.asText()).toList().toString().replace("[", "{").replace("]", "}")));
        parts.add("Sweep of " + strategy + " over " + String.join(" × ", swept) + ", ranked by "
                + SweepGrid.label(r.rankBy()) + (r.splitDate() != null ? " in sample" : ""));
        String period = r.start() + " to " + r.end();
        if (r.splitDate() != null) {
            period += " (split " + r.splitDate() + ")";
        }
        parts.add(period);
        if (!r.sweep().containsKey("rebalance")) {
            parts.add("rebalanced " + rebalance(r.rebalance()));
        }
        parts.add("costs " + bps(r.costsBps()) + " + slippage " + bps(r.slippageBps()));
        parts.add(universe(r, universe));
        return prefix(stored) + String.join(" · ", parts);
    }

    /** The rules, the strategy and the capital of a sizing-rules comparison. */
    static String sizing(BacktestRequest r, String strategy, int trades, StoredBacktest stored) {
        return prefix(stored) + "Sizing rules over the " + trades + " closed trades of " + strategy
                + " · initial capital " + Formats.quantity(java.math.BigDecimal.valueOf(r.initialCapital() == null
                ? 100_000 : r.initialCapital())) + " · costs " + bps(r.costsBps()) + " a trade";
    }

    /** What a run did, for the status line: how many strategies, over how many days, how long it took. */
    static String done(List<com.positionlab.service.backtest.BacktestResponse.Run> runs, StoredBacktest stored) {
        return String.format(Locale.ROOT, "Backtested %d strategies over %,d trading days in %.1f s; stored in the "
                + "history.", runs.size(), runs.get(0).statistics().days(), stored.latencyMs() / 1000);
    }

    /** How a request rebalances, in words ("monthly", "when a weight drifts 5% from its target"). */
    static String rebalance(JsonNode n) {
        if (n == null || n.isNull()) {
            return "monthly";
        }
        if (n.isObject() && n.has("drift_band")) {
            return "when a weight drifts " + percent(n.get("drift_band").asDouble()) + " from its target";
        }
        return n.asText().toLowerCase(Locale.ROOT);
    }

    /** A fraction as a short percent ("5%", "2.5%"). */
    static String percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction * 100).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString() + "%";
    }

    private static String universe(BacktestRequest r, String name) {
        int n = r.universe() == null ? 0 : r.universe().size();
        return (name == null ? "universe" : name) + " (" + n + " instruments)";
    }

    private static String bps(Double v) {
        return (v == null ? "0" : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()) + " bps";
    }

    private static String prefix(StoredBacktest stored) {
        return stored == null ? "" : "Reloaded, run " + Formats.dateTime(stored.createdAt()) + ": ";
    }
}
