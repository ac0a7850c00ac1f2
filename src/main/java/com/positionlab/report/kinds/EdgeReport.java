package com.positionlab.report.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.Cell;
import com.positionlab.report.Report;
import com.positionlab.report.ReportText;
import com.positionlab.report.Section;
import com.positionlab.report.Unit;

/**
 * Each strategy's edge from its closed trades, over all trades, the last N and the last D days (measures as
 * rows, windows as columns), with the Kelly fraction used and why, and the dynamic multiplier's adjustments.
 */
final class EdgeReport {

    private static final String[] WINDOWS = {"all", "last_trades", "last_days"};

    /** A measure: its label, field, unit. */
    private record Measure(String label, String field, Unit unit) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("Trades", "trades", Unit.COUNT), new Measure("Wins", "wins", Unit.COUNT),
            new Measure("Losses", "losses", Unit.COUNT), new Measure("Breakevens", "breakevens", Unit.COUNT),
            new Measure("Win rate p = wins / (wins + losses)", "win_rate", Unit.FRACTION),
            new Measure("Average win", "average_win", Unit.MONEY), new Measure("Average loss", "average_loss", Unit.MONEY),
            new Measure("Payoff ratio b", "payoff_ratio", Unit.NUMBER),
            new Measure("Expectancy per trade", "expectancy", Unit.MONEY),
            new Measure("Expectancy in R", "expectancy_r", Unit.NUMBER),
            new Measure("Profit factor", "profit_factor", Unit.NUMBER),
            new Measure("Kelly p - q/b", "kelly", Unit.FRACTION),
            new Measure("Log-optimal Kelly of the trade list", "log_optimal_kelly", Unit.FRACTION),
            new Measure("Kelly used (the smaller)", "kelly_used", Unit.FRACTION),
            new Measure("Fallback fraction", "fallback_fraction", Unit.FRACTION));

    private EdgeReport() {
    }

    static Report build(JsonNode r, ReportContext context) {
        if (r == null || !r.isArray() || r.isEmpty() || !r.get(0).has("strategy_id")) {
            throw new IllegalArgumentException("is not what `edge` prints: a list of strategies with \"strategy_id\"");
        }
        List<Section> sections = new ArrayList<>();
        sections.add(Nodes.inputs("Inputs", r.get(0).get("parameters")));
        List<String> names = new ArrayList<>();
        for (JsonNode s : r) {
            String name = Nodes.text(s, "name") + " (" + Nodes.text(s, "strategy_id") + ")";
            names.add(Nodes.text(s, "strategy_id"));
            sections.add(windows(s, name));
            sections.add(new Section.Notes(name + ": Kelly and its adjustments", notes(s)));
        }
        return new Report("edge", "Strategy edge from closed trades", "Strategies " + String.join(", ", names),
                context.createdAt(), context.workspace(), sections, r);
    }

    private static Section.Table windows(JsonNode s, String name) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Measure m : MEASURES) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(m.label()));
            row.add(new Cell.UnitName(m.unit(), "currency"));
            for (String w : WINDOWS) {
                row.add(Cell.num(Nodes.num(s.get(w), m.field()), m.unit()));
            }
            rows.add(row);
        }
        List<Cell> interval = new ArrayList<>(List.of(Cell.text("Kelly bootstrap interval"), Cell.text("")));
        List<Cell> reason = new ArrayList<>(List.of(Cell.text("Kelly used because"), Cell.text("")));
        JsonNode p = s.get("parameters");
        for (String w : WINDOWS) {
            JsonNode ci = s.path(w).get("kelly_interval");
            interval.add(Cell.text(ci == null || ci.isNull() ? ReportText.NONE
                    : ReportText.percent(ci.path("lower_bound").asDouble()) + " to "
                    + ReportText.percent(ci.path("upper_bound").asDouble())));
            reason.add(Cell.text(Nodes.text(s.get(w), "reason")));
        }
        rows.add(interval);
        rows.add(reason);
        return new Section.Table(name + " as of " + Nodes.text(s, "as_of"), "edge_" + Nodes.text(s, "strategy_id")
                .toLowerCase(Locale.ROOT), List.of(Section.Column.text("Measure"), Section.Column.text("Unit"),
                Section.Column.of("All trades", Unit.NUMBER), Section.Column.of(p == null ? "Last trades"
                        : "Last " + Nodes.text(p, "recent_trades") + " trades", Unit.NUMBER),
                Section.Column.of(p == null ? "Last days" : "Last " + Nodes.text(p, "recent_days") + " days",
                        Unit.NUMBER)), rows, true);
    }

    private static List<String> notes(JsonNode s) {
        List<String> notes = new ArrayList<>();
        JsonNode d = s.get("dynamic_adjustment");
        if (d != null && d.isObject()) {
            notes.add("Dynamic Kelly multiplier " + ReportText.number(d.path("multiplier")
                    .asDouble()) + " (equity " + ReportText.number(d.path("equity").asDouble())
                    + ", drawdown " + ReportText.percent(d.path("drawdown").asDouble()) + ").");
            for (JsonNode a : Nodes.list(d, "adjustments")) {
                notes.add(Nodes.text(a, "name") + ": x" + ReportText.number(a.path("multiplier")
                        .asDouble()) + ", " + Nodes.text(a, "reason"));
            }
        }
        if (notes.isEmpty()) {
            notes.add("No dynamic adjustment was reported.");
        }
        return notes;
    }
}
