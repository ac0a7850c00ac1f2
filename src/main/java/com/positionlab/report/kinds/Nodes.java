package com.positionlab.report.kinds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.Cell;
import com.positionlab.report.ReportText;
import com.positionlab.report.Section;
import com.positionlab.report.Unit;

/** Reading a command's JSON result for a report: values that may be absent, and a request as labelled inputs. */
final class Nodes {

    /** Arrays longer than this are summarised in the PDF's inputs (the JSON export keeps them whole). */
    static final int LONGEST_LISTED = 12;

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("instrument_id", "Instrument"), Map.entry("direction", "Direction"),
            Map.entry("entry_price", "Entry price"), Map.entry("stop_price", "Stop price"),
            Map.entry("target_price", "Target price"), Map.entry("win_probability", "Win probability"),
            Map.entry("sizing_method", "Sizing method"), Map.entry("risk_model", "Risk model"),
            Map.entry("kelly_multiplier", "Kelly multiplier"), Map.entry("max_kelly_fraction", "Kelly cap"),
            Map.entry("confidence_level", "Confidence level"), Map.entry("average_win", "Average win"),
            Map.entry("average_loss", "Average loss"), Map.entry("sample_size", "Sample size (trades)"),
            Map.entry("expected_return", "Expected return"), Map.entry("portfolio_volatility", "Volatility"),
            Map.entry("win_loss_ratio", "Win/loss ratio (b)"), Map.entry("fractions", "Fractions staked"),
            Map.entry("bets", "Bets per path"), Map.entry("paths", "Paths"), Map.entry("seed", "Random seed"),
            Map.entry("initial_capital", "Starting capital"), Map.entry("ruin_level", "Ruin level"),
            Map.entry("target_multiple", "Target multiple"), Map.entry("rule_id", "Stored rule"),
            Map.entry("ruin_probability_limit", "Ruin probability limit"),
            Map.entry("stop_ruined_paths", "Stop ruined paths"), Map.entry("conviction", "Conviction"),
            Map.entry("minimum_trades", "Fewest trades for Kelly"), Map.entry("recent_trades", "Last N trades"),
            Map.entry("recent_days", "Last D days"), Map.entry("fallback_fraction", "Fraction below the fewest"),
            Map.entry("resamples", "Bootstrap resamples"), Map.entry("starting_capital", "Starting capital"));

    /** Request fields that hold a share (of capital, of equity, a probability): shown in percent. */
    private static final Set<String> SHARES = Set.of("win_probability", "confidence_level",
            "max_kelly_fraction", "ruin_level", "ruin_probability_limit", "fractions", "expected_return",
            "portfolio_volatility", "expected_returns", "volatilities", "max_position_size", "min_position_size",
            "max_instrument_weight", "max_sector_weight", "max_portfolio_risk", "correlation_limit",
            "risk_per_trade", "fixed_percentage", "volatility_target", "max_drawdown", "target_volatility",
            "risk_free_rate", "max_sector_exposure", "cash_buffer", "fallback_fraction");

    private Nodes() {
    }

    static Double num(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isNumber() ? null : v.doubleValue();
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isNumber() ? null : v.decimalValue();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
    }

    static Cell fraction(JsonNode node, String field) {
        return Cell.num(num(node, field), Unit.FRACTION);
    }

    static Cell number(JsonNode node, String field) {
        return Cell.num(num(node, field), Unit.NUMBER);
    }

    static List<JsonNode> list(JsonNode node, String field) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode v = node == null ? null : node.get(field);
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    static double[] doubles(JsonNode array) {
        if (array == null || !array.isArray()) {
            return new double[0];
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = array.get(i);
            out[i] = v.isNumber() ? v.doubleValue() : Double.NaN;
        }
        return out;
    }

    /** A label for a contract field: a known name, else the words of its snake_case. */
    static String label(String field) {
        String known = LABELS.get(field);
        if (known != null) {
            return known;
        }
        String words = field.replace('_', ' ');
        return words.isEmpty() ? field : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /**
     * Every value of a request as labelled inputs, in the request's order, nested objects flattened with their
     * path as the contract's name ({@code trading_decision.entry_price}). Lists of up to
     * {@value #LONGEST_LISTED} values are listed, longer ones summarised.
     */
    static Section.Fields inputs(String title, JsonNode request) {
        List<Section.Field> fields = new ArrayList<>();
        if (request != null && request.isObject()) {
            flatten("", request, fields);
        }
        if (fields.isEmpty()) {
            fields.add(new Section.Field("Inputs", Cell.text("not recorded in this result"), ""));
        }
        return new Section.Fields(title, fields);
    }

    private static void flatten(String prefix, JsonNode node, List<Section.Field> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            if (v.isObject()) {
                flatten(path, v, out);
            } else {
                String label = prefix.isEmpty() ? label(e.getKey()) : label(lastPart(prefix)) + ": "
                        + label(e.getKey()).toLowerCase(Locale.ROOT);
                out.add(new Section.Field(label, value(v, SHARES.contains(e.getKey())), path));
            }
        }
    }

    private static String lastPart(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static Cell value(JsonNode v, boolean share) {
        if (v.isNumber()) {
            return Cell.num(v.decimalValue(), share ? Unit.FRACTION : Unit.NUMBER);
        }
        if (v.isArray()) {
            if (v.size() <= LONGEST_LISTED && allValues(v)) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(!x.isNumber() ? x.asText() : share ? ReportText.percent(x.doubleValue())
                        : x.decimalValue().toPlainString()));
                return Cell.text("[" + String.join(", ", parts) + "]");
            }
            return Cell.text("a list of " + v.size() + (v.size() > 0 && v.get(0).isArray() ? " rows" : " values")
                    + " (in full in the JSON export)");
        }
        return Cell.text(v.asText());
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode x : array) {
            if (!x.isValueNode()) {
                return false;
            }
        }
        return true;
    }
}
