package com.positionlab.service.optimize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.engine.estimate.ReferencePrices;

/**
 * PyPortfolioOpt's reference cases ({@code ../shared/reference/pypfopt/cases.json}) written as requests of our
 * {@code optimize} command: the case's estimators, bounds, additional objectives (L2, transaction costs) and
 * extra constraints (sectors, explicit rows) mapped field for field.
 */
final class PyPortfolioOptCases {

    static final ObjectMapper JSON = new ObjectMapper();

    private PyPortfolioOptCases() {
    }

    static List<JsonNode> cases(String... prefixes) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : JSON.readTree(ReferencePrices.DIR.resolve("cases.json").toFile()).get("cases")) {
            for (String prefix : prefixes) {
                if (c.get("id").asText().startsWith(prefix)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The request for an EfficientFrontier or CLA case. */
    static ObjectNode request(JsonNode c) {
        JsonNode in = c.get("inputs");
        ObjectNode r = JSON.createObjectNode();
        JsonNode er = in.get("expected_returns");
        r.put("prices", ReferencePrices.DIR.resolve("stock_prices.csv").toAbsolutePath().toString());
        r.put("price_rows", er.get("price_rows").asText());
        ObjectNode e = r.putObject("expected_returns");
        e.put("estimator", er.get("estimator").asText());
        copy(er, e, "compounding", "frequency", "log_returns");
        ObjectNode rm = r.putObject("risk_model");
        JsonNode risk = in.get("risk_model");
        rm.put("estimator", risk.get("estimator").asText());
        copy(risk, rm, "frequency", "span", "benchmark", "fix_method");
        ObjectNode o = r.putObject("objective");
        o.put("method", in.get("optimizer_call").asText());
        JsonNode args = in.get("optimizer_args");
        if (args != null) {
            copy(args, o, "risk_free_rate", "target_volatility", "target_return", "risk_aversion", "market_neutral");
        }
        ObjectNode k = r.putObject("constraints");
        k.set("weight_bounds", in.get("weight_bounds"));
        if (in.has("additional_objectives")) {
            for (JsonNode extra : in.get("additional_objectives")) {
                addObjective(extra, k);
            }
        }
        if (in.has("extra_constraints")) {
            for (JsonNode extra : in.get("extra_constraints")) {
                addConstraint(extra, k);
            }
        }
        if (in.has("portfolio_performance_risk_free_rate")) {
            r.put("performance_risk_free_rate", in.get("portfolio_performance_risk_free_rate").asDouble());
        }
        return r;
    }

    private static void addObjective(JsonNode extra, ObjectNode k) {
        switch (extra.get("type").asText()) {
            case "L2_reg" -> k.put("l2_gamma", extra.get("gamma").asDouble());
            case "transaction_cost" -> {
                if (!extra.get("w_prev").asText().equals("1/20 each")) {
                    throw new IllegalArgumentException("unmapped w_prev " + extra);
                }
                ObjectNode current = k.putObject("current_weights");
                for (String t : ReferencePrices.TICKERS) {
                    current.put(t, 0.05);
                }
                k.put("transaction_cost_bps", extra.get("k").asDouble() * 10_000);
            }
            default -> throw new IllegalArgumentException("unmapped objective " + extra);
        }
    }

    private static void addConstraint(JsonNode extra, ObjectNode k) {
        if (extra.isObject() && extra.get("type").asText().equals("sector")) {
            k.set("sector_mapper", extra.get("sector_mapper"));
            k.set("sector_lower", extra.get("sector_lower"));
            k.set("sector_upper", extra.get("sector_upper"));
            return;
        }
        ArrayNode linear = k.has("linear") ? (ArrayNode) k.get("linear") : k.putArray("linear");
        String text = extra.asText();
        ObjectNode row = linear.addObject();
        row.put("name", text);
        ObjectNode w = row.putObject("weights");
        switch (text) {
            case "w[0] >= 0.2 (GOOG)" -> {
                w.put("GOOG", 1);
                row.put("lower", 0.2);
            }
            case "w[2] == 0.15 (FB)" -> {
                w.put("FB", 1);
                row.put("lower", 0.15);
                row.put("upper", 0.15);
            }
            case "w[3] + w[4] <= 0.10 (BABA + AMZN)" -> {
                w.put("BABA", 1);
                w.put("AMZN", 1);
                row.put("upper", 0.10);
            }
            default -> throw new IllegalArgumentException("unmapped constraint " + text);
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String f : fields) {
            if (from.has(f) && !from.get(f).isNull()) {
                to.set(f, from.get(f));
            }
        }
    }
}
