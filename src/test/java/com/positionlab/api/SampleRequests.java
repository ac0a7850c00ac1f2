package com.positionlab.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.service.Json;

/** Valid requests that need nothing from the workspace: the book and its return history come with them. */
final class SampleRequests {

    static final String KELLY = "{\"win_probability\": 0.55, \"average_win\": 150, \"average_loss\": 100, "
            + "\"sample_size\": 200}";

    private SampleRequests() {
    }

    /** A long in {@code NEW} joining a book of one holding, {@code method} sizing, with 250 days of returns. */
    static String sizing(String method) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode decision = root.putObject("trading_decision");
        decision.put("instrument_id", "NEW");
        decision.put("direction", "LONG");
        decision.put("entry_price", 100.0);
        decision.put("stop_price", 95.0);
        decision.put("expected_return", 0.12);
        decision.put("win_probability", 0.55);
        ObjectNode book = root.putObject("portfolio_state");
        book.put("equity", 1_000_000);
        book.put("cash", 500_000);
        book.put("currency", "USD");
        ObjectNode holding = book.putArray("holdings").addObject();
        holding.put("instrument_id", "HELD");
        holding.put("quantity", 5_000);
        holding.put("price", 100.0);
        holding.put("sector", "Technology");
        ObjectNode history = book.putObject("return_history");
        ArrayNode fresh = history.putArray("NEW");
        ArrayNode held = history.putArray("HELD");
        for (int day = 0; day < 250; day++) {
            fresh.add(0.0004 + 0.012 * Math.sin(day * 0.7) + 0.004 * Math.cos(day * 1.3));
            held.add(0.0003 + 0.010 * Math.sin(day * 0.7 + 0.5) + 0.005 * Math.cos(day * 2.1));
        }
        root.putObject("sizing_parameters").put("sizing_method", method);
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
