package com.positionlab.report.kinds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.Cell;
import com.positionlab.report.Plot;
import com.positionlab.report.Report;
import com.positionlab.report.ReportText;
import com.positionlab.report.Section;
import com.positionlab.report.Unit;

/**
 * An optimised portfolio, as {@code optimize} prints it: its performance, the weights with each asset's share
 * of the risk (largest first, and as a chart), the binding constraints with their slack, the solver's report,
 * the Black-Litterman prior and posterior when there were views, and every input of the request.
 */
final class OptimizationReport {

    /** Most assets drawn in the weights chart; the table has them all. */
    static final int CHARTED = 30;

    private OptimizationReport() {
    }

    static Report build(JsonNode r, ReportContext context) {
        ReportKind.require(r, "weights", "optimize");
        List<Section> sections = new ArrayList<>();
        JsonNode perf = r.path("performance");
        List<Section.Field> figures = new ArrayList<>(List.of(
                new Section.Field("Expected return (annual)", Nodes.fraction(perf, "expected_return"),
                        "performance.expected_return"),
                new Section.Field("Volatility (annual)", Nodes.fraction(perf, "volatility"), "performance.volatility"),
                new Section.Field("Sharpe ratio", Nodes.number(perf, "sharpe_ratio"), "performance.sharpe_ratio")));
        if (perf.hasNonNull("semideviation")) {
            figures.add(new Section.Field("Semideviation (annual)", Nodes.fraction(perf, "semideviation"),
                    "performance.semideviation"));
            figures.add(new Section.Field("Sortino ratio", Nodes.number(perf, "sortino_ratio"),
                    "performance.sortino_ratio"));
        }
        if (perf.hasNonNull("cvar")) {
            figures.add(new Section.Field("CVaR (per period)", Nodes.fraction(perf, "cvar"), "performance.cvar"));
        }
        if (perf.hasNonNull("cdar")) {
            figures.add(new Section.Field("CDaR", Nodes.fraction(perf, "cdar"), "performance.cdar"));
        }
        sections.add(new Section.Fields("Performance", figures));
        List<Map.Entry<String, JsonNode>> weights = entries(r.get("weights"));
        weights.sort(Comparator.comparingDouble((Map.Entry<String, JsonNode> e) -> -Math.abs(e.getValue().asDouble())));
        List<List<Cell>> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : weights) {
            rows.add(List.of(Cell.text(e.getKey()), Cell.num(e.getValue().asDouble(), Unit.FRACTION),
                    Nodes.fraction(r.path("risk_contributions"), e.getKey())));
        }
        sections.add(new Section.Table("Weights, largest first", "weights", List.of(Section.Column.text("Ticker"),
                Section.Column.of("Weight", Unit.FRACTION), Section.Column.of("Share of variance", Unit.FRACTION)),
                rows, true));
        List<Map.Entry<String, JsonNode>> charted = weights.subList(0, Math.min(CHARTED, weights.size()));
        sections.add(new Section.Chart("Weights" + (weights.size() > CHARTED ? " (the " + CHARTED + " largest)" : ""),
                new Plot.Bars(new Plot.Axis("Weight", Unit.FRACTION), charted.stream().map(Map.Entry::getKey).toList(),
                        charted.stream().mapToDouble(e -> e.getValue().asDouble()).toArray())));
        sections.add(binding(r.path("binding_constraints")));
        JsonNode solver = r.path("solver");
        sections.add(new Section.Fields("Solver", List.of(
                new Section.Field("Method or library", Cell.text(Nodes.text(solver, "name")), "solver.name"),
                new Section.Field("Iterations", Nodes.number(solver, "iterations"), "solver.iterations"),
                new Section.Field("Status", Cell.text(Nodes.text(solver, "status")), "solver.status"),
                new Section.Field("Time (ms)", Nodes.number(solver, "time_ms"), "solver.time_ms"))));
        if (r.has("black_litterman")) {
            sections.add(blackLitterman(r.get("black_litterman")));
        }
        if (r.has("compared")) {
            sections.add(compared(r.get("compared")));
        }
        if (r.has("trades")) {
            sections.add(trades(r.get("trades")));
        }
        sections.add(Nodes.inputs("Inputs", r.get("request")));
        String title = "Optimisation (" + Nodes.text(r, "method") + "): " + ReportText.percent(perf.path(
                "expected_return").asDouble()) + " expected, " + ReportText.percent(perf.path("volatility").asDouble())
                + " volatility";
        String subtitle = weights.size() + " assets, Sharpe ratio " + ReportText.format(perf.path("sharpe_ratio")
                .decimalValue(), Unit.NUMBER);
        return new Report("optimization", title, subtitle, context.createdAt(), context.workspace(), sections, r);
    }

    private static Section binding(JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            return new Section.Notes("Binding constraints", List.of("No constraint binds beyond the budget."));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode b : list) {
            rows.add(List.of(Cell.text(Nodes.text(b, "name")), Nodes.number(b, "value"), Nodes.number(b, "limit"),
                    Nodes.number(b, "slack")));
        }
        return new Section.Table("Binding constraints", "binding_constraints", List.of(Section.Column.text("Constraint"),
                Section.Column.of("Value", Unit.NUMBER), Section.Column.of("Limit", Unit.NUMBER),
                Section.Column.of("Slack", Unit.NUMBER)), rows, true);
    }

    /** The portfolios the selection was compared with (the Build view's export): their figures side by side. */
    private static Section compared(JsonNode list) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode c : list) {
            rows.add(List.of(Cell.text(Nodes.text(c, "label")), Nodes.fraction(c, "expected_return"),
                    Nodes.fraction(c, "volatility"), Nodes.number(c, "sharpe_ratio"), Nodes.fraction(c, "var95"),
                    Nodes.fraction(c, "max_drawdown"), Nodes.fraction(c, "turnover")));
        }
        return new Section.Table("Compared portfolios", "compared", List.of(Section.Column.text("Portfolio"),
                Section.Column.of("Return", Unit.FRACTION), Section.Column.of("Volatility", Unit.FRACTION),
                Section.Column.of("Sharpe", Unit.NUMBER), Section.Column.of("VaR 95%, 1 day", Unit.FRACTION),
                Section.Column.of("Max drawdown", Unit.FRACTION), Section.Column.of("Turnover", Unit.FRACTION)),
                rows, true);
    }

    /** The rebalancing trades in whole units (the Build view's export). */
    private static Section trades(JsonNode list) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode t : list) {
            rows.add(List.of(Cell.text(Nodes.text(t, "ticker")), Cell.text(Nodes.text(t, "side")),
                    Nodes.number(t, "quantity"), Nodes.number(t, "from_units"), Nodes.number(t, "to_units"),
                    Nodes.number(t, "notional")));
        }
        return new Section.Table("Rebalancing trades (whole lots)", "trades", List.of(Section.Column.text("Ticker"),
                Section.Column.text("Side"), Section.Column.of("Quantity (units)", Unit.NUMBER),
                Section.Column.of("From (units)", Unit.NUMBER), Section.Column.of("To (units)", Unit.NUMBER),
                Section.Column.of("Value", Unit.NUMBER)), rows, true);
    }

    private static Section blackLitterman(JsonNode bl) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : entries(bl.get("posterior_returns"))) {
            rows.add(List.of(Cell.text(e.getKey()), Nodes.fraction(bl.path("prior_returns"), e.getKey()),
                    Cell.num(e.getValue().asDouble(), Unit.FRACTION)));
        }
        return new Section.Table("Black-Litterman expected returns (annual)", "black_litterman", List.of(
                Section.Column.text("Ticker"), Section.Column.of("Prior", Unit.FRACTION),
                Section.Column.of("Posterior", Unit.FRACTION)), rows, true);
    }

    static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (object != null && object.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                out.add(it.next());
            }
        }
        return out;
    }
}
