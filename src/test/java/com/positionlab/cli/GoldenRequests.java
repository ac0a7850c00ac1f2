package com.positionlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.service.Json;

/** Sizing requests that carry their book and return history, for the golden answers of the CLI and the API. */
public final class GoldenRequests {

    private GoldenRequests() {
    }

    /** A long in NEW joining a two-holding book, sized by {@code method} with every limit and budget set. */
    public static String givenHistory(String method) {
        return givenHistory(method, true);
    }

    /** {@link #givenHistory(String)}, with or without the trade returns OPTIMAL_F needs. */
    public static String givenHistory(String method, boolean tradeReturns) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode decision = root.putObject("trading_decision");
        decision.put("decision_id", "golden-" + method);
        decision.put("instrument_id", "NEW");
        decision.put("direction", "LONG");
        decision.put("entry_price", 100.0);
        decision.put("stop_price", 95.0);
        decision.put("expected_return", 0.12);
        decision.put("win_probability", 0.55);
        decision.put("sector", "Energy");
        ObjectNode book = root.putObject("portfolio_state");
        book.put("equity", 1_000_000);
        book.put("cash", 400_000);
        book.put("currency", "USD");
        ArrayNode holdings = book.putArray("holdings");
        holding(holdings, "HELD", 5_000, "Technology");
        holding(holdings, "OTHER", 1_000, "Energy");
        ObjectNode history = book.putObject("return_history");
        ArrayNode fresh = history.putArray("NEW");
        ArrayNode held = history.putArray("HELD");
        ArrayNode other = history.putArray("OTHER");
        for (int day = 0; day < 260; day++) {
            fresh.add(0.0004 + 0.012 * Math.sin(day * 0.7) + 0.004 * Math.cos(day * 1.3));
            held.add(0.0003 + 0.010 * Math.sin(day * 0.7 + 0.5) + 0.005 * Math.cos(day * 2.1));
            other.add(0.0002 + 0.015 * Math.sin(day * 0.3 + 1.0) + 0.003 * Math.cos(day * 0.9));
        }
        ObjectNode params = root.putObject("sizing_parameters");
        params.put("sizing_method", method);
        params.put("risk_model", "HISTORICAL_VAR");
        params.put("confidence_level", 0.95);
        params.put("max_position_size", 0.5);
        if (method.equals("OPTIMAL_F") && tradeReturns) {
            ArrayNode trades = params.putArray("trade_returns");
            for (double r : new double[] {0.08, -0.04, 0.12, -0.05, 0.03, -0.02, 0.15, -0.07, 0.05, -0.03}) {
                trades.add(r);
            }
        }
        ObjectNode limits = root.putObject("risk_constraints");
        limits.put("max_portfolio_risk", 0.3);
        limits.put("max_sector_weight", 0.4);
        limits.put("leverage_limit", 1.5);
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void holding(ArrayNode holdings, String id, double quantity, String sector) {
        ObjectNode h = holdings.addObject();
        h.put("instrument_id", id);
        h.put("quantity", quantity);
        h.put("price", id.equals("HELD") ? 100.0 : 120.0);
        h.put("sector", sector);
    }
}
