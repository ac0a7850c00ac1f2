package com.positionlab.ui.backtest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.domain.Range;
import com.positionlab.service.Json;
import com.positionlab.service.backtest.BacktestRequest;
import com.positionlab.ui.backtest.BacktestChoices.Choice;
import com.positionlab.ui.backtest.BacktestChoices.UniverseChoice;
import com.positionlab.ui.common.FieldReader;

/**
 * The setup of a backtest as the trader types it, field by field under the backtest contract's names (dates as
 * yyyy-mm-dd, the risk-free rate in percent a year, costs in basis points, the capital in the prices' currency),
 * and its reading into the three requests the view sends: the strategies side by side, a sweep of the first of
 * them, and the sizing rules over a workspace strategy's trades. Each problem is recorded by field name with the
 * text kept as typed.
 */
final class BacktestForm {

    /** The typed fields, in the order they are read. */
    static final List<String> NAMES = List.of("start", "end", "split_date", "lookback", "costs_bps", "slippage_bps",
            "initial_capital", "risk_free_rate");

    static final Map<String, String> DEFAULTS = Map.of("start", "", "end", "", "split_date", "", "lookback", "252",
            "costs_bps", "10", "slippage_bps", "5", "initial_capital", "100000", "risk_free_rate", "2");

    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final ObjectProperty<UniverseChoice> universe = new SimpleObjectProperty<>();
    private final List<BooleanProperty> strategies = new ArrayList<>();
    private final ObjectProperty<Choice> rebalance = new SimpleObjectProperty<>(
            BacktestChoices.REBALANCES.get(BacktestChoices.DEFAULT_REBALANCE));
    private String currency = "";

    BacktestForm() {
        NAMES.forEach(n -> fields.put(n, new SimpleStringProperty(DEFAULTS.get(n))));
        for (int k = 0; k < BacktestChoices.STRATEGIES.size(); k++) {
            strategies.add(new SimpleBooleanProperty(BacktestChoices.DEFAULT_STRATEGIES.contains(k)));
        }
    }

    StringProperty field(String name) {
        StringProperty p = fields.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no field " + name);
        }
        return p;
    }

    Map<String, StringProperty> fields() {
        return fields;
    }

    ObjectProperty<UniverseChoice> universeProperty() {
        return universe;
    }

    /** Whether the strategy of {@link BacktestChoices#STRATEGIES} at {@code index} is compared. */
    BooleanProperty strategy(int index) {
        return strategies.get(index);
    }

    ObjectProperty<Choice> rebalanceProperty() {
        return rebalance;
    }

    /** The prices' currency (for the capital field's unit), or "" when the universe mixes currencies. */
    String currency() {
        return currency;
    }

    void setCurrency(String code) {
        currency = code == null ? "" : code;
    }

    /** The checked strategies, in the order shown. */
    List<Choice> checked() {
        List<Choice> out = new ArrayList<>();
        for (int k = 0; k < strategies.size(); k++) {
            if (strategies.get(k).get()) {
                out.add(BacktestChoices.STRATEGIES.get(k));
            }
        }
        return out;
    }

    /** The checked strategies side by side, or null when a field is wrong (each problem in {@code errors}). */
    BacktestRequest read(Map<String, String> errors) {
        ObjectNode n = common(errors);
        List<Choice> chosen = checked();
        if (chosen.isEmpty()) {
            errors.put("strategies", "check at least one strategy");
        }
        if (n == null || !errors.isEmpty()) {
            return null;
        }
        ArrayNode list = n.putArray("strategies");
        chosen.forEach(c -> list.add(BacktestChoices.strategy(c, n.get("risk_free_rate").asDouble())));
        return Json.requestMapper().convertValue(n, BacktestRequest.class);
    }

    /**
     * A sweep of the first checked strategy over {@link BacktestChoices#SWEEP_LOOKBACKS} and the rebalances (the
     * target volatilities for the volatility target), ranked by {@code rankBy}; null when a field is wrong.
     */
    BacktestRequest readSweep(Choice rankBy, Map<String, String> errors) {
        ObjectNode n = common(errors);
        List<Choice> chosen = checked();
        if (chosen.isEmpty()) {
            errors.put("strategies", "check a strategy to sweep");
        }
        if (n == null || !errors.isEmpty()) {
            return null;
        }
        Choice first = chosen.get(0);
        n.set("strategy", BacktestChoices.strategy(first, n.get("risk_free_rate").asDouble()));
        ObjectNode sweep = n.putObject("sweep");
        ArrayNode lookbacks = sweep.putArray("lookback");
        BacktestChoices.SWEEP_LOOKBACKS.forEach(lookbacks::add);
        if (BacktestChoices.isVolatilityTarget(first)) {
            ArrayNode targets = sweep.putArray("strategy.target_volatility");
            BacktestChoices.SWEEP_TARGETS.forEach(targets::add);
        } else {
            ArrayNode rebalances = sweep.putArray("rebalance");
            BacktestChoices.SWEEP_REBALANCES.forEach(rebalances::add);
        }
        n.put("rank_by", rankBy.api().asText());
        return Json.requestMapper().convertValue(n, BacktestRequest.class);
    }

    /** The default sizing rules over a workspace strategy's closed trades; null when a field is wrong. */
    BacktestRequest readSizing(String strategyId, Map<String, String> errors) {
        FieldReader r = reader(errors);
        Double capital = r.number("initial_capital", true, Range.closed(0.01, 1e12), currency);
        Double costs = r.number("costs_bps", true, Range.closed(0, 1000), "bps");
        if (strategyId == null) {
            errors.put("sizing_strategy", "choose a strategy with closed trades");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("strategy_id", strategyId);
        n.put("initial_capital", capital);
        n.put("costs_bps", costs);
        return Json.requestMapper().convertValue(n, BacktestRequest.class);
    }

    /** The fields every portfolio backtest shares, or null when one is wrong. */
    private ObjectNode common(Map<String, String> errors) {
        FieldReader r = reader(errors);
        LocalDate start = date("start", true, errors);
        LocalDate end = date("end", true, errors);
        LocalDate split = date("split_date", false, errors);
        Long lookback = r.whole("lookback", true, 20, 10_000);
        Double costs = r.number("costs_bps", true, Range.closed(0, 1000), "bps");
        Double slippage = r.number("slippage_bps", true, Range.closed(0, 1000), "bps");
        Double capital = r.number("initial_capital", true, Range.closed(0.01, 1e12), currency);
        Double rf = r.percent("risk_free_rate", true, Range.closed(-0.1, 1));
        UniverseChoice u = universe.get();
        if (u == null || u.ids().size() < 2) {
            errors.put("universe", "choose a universe of at least two instruments");
        }
        if (start != null && end != null && !start.isBefore(end)) {
            errors.put("end", "must be after the start (" + start + ")");
        } else if (split != null && start != null && end != null && (!split.isAfter(start) || !split.isBefore(end))) {
            errors.put("split_date", "must lie between the start and the end (" + start + " to " + end + ")");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        ObjectNode n = Json.mapper().createObjectNode();
        n.set("universe", Json.mapper().valueToTree(u.ids()));
        n.put("start", start.toString());
        n.put("end", end.toString());
        if (split != null) {
            n.put("split_date", split.toString());
        }
        n.put("initial_capital", capital);
        n.set("rebalance", rebalance.get().api().deepCopy());
        n.put("lookback", lookback.intValue());
        n.put("costs_bps", costs);
        n.put("slippage_bps", slippage);
        n.put("risk_free_rate", rf);
        return n;
    }

    /** A date typed as yyyy-mm-dd, or null when blank (an error when {@code required}) or wrong. */
    private LocalDate date(String name, boolean required, Map<String, String> errors) {
        String t = fields.get(name).get() == null ? "" : fields.get(name).get().strip();
        if (t.isEmpty()) {
            if (required) {
                errors.put(name, "enter a date as yyyy-mm-dd");
            }
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.put(name, "\"" + (t.length() > 20 ? t.substring(0, 20) + "…" : t)
                    + "\" is not a date: write it as yyyy-mm-dd");
            return null;
        }
    }

    private FieldReader reader(Map<String, String> errors) {
        Map<String, String> text = new LinkedHashMap<>();
        fields.forEach((name, p) -> text.put(name, p.get()));
        return new FieldReader(text, errors);
    }
}
