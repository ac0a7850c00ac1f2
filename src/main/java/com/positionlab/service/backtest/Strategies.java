package com.positionlab.service.backtest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.backtest.EqualWeight;
import com.positionlab.engine.backtest.FixedWeights;
import com.positionlab.engine.backtest.VolatilityScaled;
import com.positionlab.engine.backtest.WeightRule;
import com.positionlab.service.ValidationException;
import com.positionlab.service.optimize.OptimizeService;

/**
 * A portfolio backtest's strategy from its JSON: {@code {"method": "equal_weight"}}, {@code "inverse_volatility"}
 * (with {@code max_weight}), the volatility-adjusted sizing rule {@code "volatility_target"} (with
 * {@code target_volatility} and {@code max_weight}), {@code "fixed_weights"} (with {@code weights} by ticker), or
 * any {@code optimize} objective with its parameters, {@code expected_returns}, {@code risk_model} and
 * {@code constraints}. An optional {@code label} names it in the results.
 */
final class Strategies {

    /** A strategy ready to run: its label, the rule, and the notes its rebalances leave. */
    record Strategy(String label, String method, WeightRule rule, List<String> notes) {
    }

    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("equal_weight", "Equal weight"),
            Map.entry("inverse_volatility", "Inverse volatility"), Map.entry("volatility_target", "Volatility target"),
            Map.entry("fixed_weights", "Fixed weights"), Map.entry("min_volatility", "Minimum volatility"),
            Map.entry("max_sharpe", "Maximum Sharpe"), Map.entry("efficient_risk", "Efficient risk"),
            Map.entry("efficient_return", "Efficient return"),
            Map.entry("max_quadratic_utility", "Maximum quadratic utility"),
            Map.entry("hrp", "Hierarchical risk parity"), Map.entry("black_litterman", "Black-Litterman"),
            Map.entry("risk_parity", "Equal risk (ERC)"), Map.entry("max_diversification", "Maximum diversification"),
            Map.entry("robust", "Robust (box)"), Map.entry("min_semivariance", "Minimum semivariance"),
            Map.entry("min_cvar", "Minimum CVaR"), Map.entry("min_cdar", "Minimum CDaR"));

    private Strategies() {
    }

    static Strategy of(JsonNode node, String field, OptimizeService optimize, BacktestData data) {
        if (node == null || !node.isObject()) {
            throw new ValidationException(field, "must be an object with a method, e.g. {\"method\": \"equal_weight\"}");
        }
        String method = node.path("method").asText("").toLowerCase(Locale.ROOT);
        String label = node.hasNonNull("label") ? label(node.get("label"), field) : LABELS.get(method);
        List<String> notes = new java.util.ArrayList<>();
        try {
            WeightRule rule = switch (method) {
                case "equal_weight" -> new EqualWeight();
                case "inverse_volatility" -> new VolatilityScaled(Double.NaN, number(node, "max_weight", 1, field));
                case "volatility_target" -> new VolatilityScaled(number(node, "target_volatility", 0.1, field),
                        number(node, "max_weight", 1, field));
                case "fixed_weights" -> new FixedWeights(weights(node.path("weights"), data, field + ".weights"));
                default -> {
                    if (!OptimizeService.METHODS.contains(method)) {
                        throw new ValidationException(field + ".method", ValidationException.quote(
                                node.path("method").asText("")) + " is not one of equal_weight, inverse_volatility, "
                                + "volatility_target, fixed_weights, " + String.join(", ", OptimizeService.METHODS));
                    }
                    ObjectNode copy = ((ObjectNode) node).deepCopy();
                    copy.put("method", method);
                    yield new OptimizerRule(optimize, copy, data.tickers(), notes);
                }
            };
            if (method.equals("volatility_target")) {
                label = node.hasNonNull("label") ? label : label + " " + Math.round(node.path("target_volatility")
                        .asDouble(0.1) * 1000) / 10.0 + "%";
            }
            return new Strategy(label, method, rule, notes);
        } catch (InvalidParameterException e) {
            throw new ValidationException(field + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
        }
    }

    private static String label(JsonNode n, String field) {
        String s = n.asText("").strip();
        if (s.isEmpty() || s.length() > 80 || s.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException(field + ".label", "must be 1 to 80 characters without control characters");
        }
        return s;
    }

    private static double number(JsonNode node, String name, double fallback, String field) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new ValidationException(field + "." + name, "must be a number");
        }
        return v.asDouble();
    }

    private static double[] weights(JsonNode n, BacktestData data, String field) {
        if (!n.isObject() || n.isEmpty()) {
            throw new ValidationException(field, "must give a weight by ticker");
        }
        double[] w = new double[data.tickers().size()];
        n.fields().forEachRemaining(e -> {
            int i = data.tickers().indexOf(e.getKey());
            if (i < 0) {
                throw new ValidationException(field + "." + ValidationException.clip(e.getKey()),
                        "is not one of the tickers");
            }
            if (!e.getValue().isNumber() || !(Math.abs(e.getValue().asDouble()) <= 4)) {
                throw new ValidationException(field + "." + ValidationException.clip(e.getKey()),
                        "must be a number from -4 to 4");
            }
            w[i] = e.getValue().asDouble();
        });
        return w;
    }
}
