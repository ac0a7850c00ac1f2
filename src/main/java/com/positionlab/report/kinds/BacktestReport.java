package com.positionlab.report.kinds;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.Cell;
import com.positionlab.report.Report;
import com.positionlab.report.ReportText;
import com.positionlab.report.Section;
import com.positionlab.report.Unit;

/**
 * A backtest, as {@code backtest} prints it, in any of its shapes: one strategy over dates (its statistics,
 * in and out of sample when it was split, its equity and drawdown, the attribution of its active return and
 * its trades); several strategies side by side ({@code results}); a parameter sweep ({@code sweep},
 * {@link SweepReport}); a trade-sequence comparison of sizing rules ({@code "kind": "trade_sequence"},
 * {@link TradeSequenceReport}); or an attribution on its own, as {@code attribution} prints it.
 */
final class BacktestReport {

    private BacktestReport() {
    }

    static Report build(JsonNode r, ReportContext context) {
        if (r == null || !r.isObject()) {
            throw new IllegalArgumentException("is not what `backtest` or `attribution` prints: expected a JSON object");
        }
        if (r.has("sweep")) {
            return SweepReport.build(r, context);
        }
        if ("trade_sequence".equals(Nodes.text(r, "kind"))) {
            return TradeSequenceReport.build(r, context);
        }
        if (r.has("results")) {
            return comparison(r, context);
        }
        if (r.has("equity_curve")) {
            return single(r, context);
        }
        if (r.has("sectors") && r.has("active_return")) {
            return attribution(r, context);
        }
        throw new IllegalArgumentException("is not what `backtest` or `attribution` prints: it has no "
                + "\"equity_curve\" (one backtest), \"results\" (several), \"sweep\", \"sectors\" with "
                + "\"active_return\" (an attribution), nor \"kind\": \"trade_sequence\"");
    }

    private static Report single(JsonNode r, ReportContext context) {
        String label = label(r, 0);
        List<Section> sections = new ArrayList<>();
        sections.add(summary(r));
        List<String> headers = new ArrayList<>(List.of("Whole period"));
        List<JsonNode> stats = new ArrayList<>(List.of(r.path("statistics")));
        String split = Nodes.text(r, "split_date");
        if (r.has("in_sample")) {
            headers.add("In sample" + (split.isEmpty() ? "" : " (to " + split + ")"));
            stats.add(r.path("in_sample"));
        }
        if (r.has("out_of_sample")) {
            headers.add("Out of sample" + (split.isEmpty() ? "" : " (from " + split + ")"));
            stats.add(r.path("out_of_sample"));
        }
        sections.add(BacktestTables.statistics("Statistics", "statistics", headers, stats));
        BacktestCurves.Curve equity = BacktestCurves.dated(label, r, "equity_curve");
        double at = BacktestCurves.epochDay(split);
        sections.add(BacktestCurves.equity("Equity", BacktestCurves.DATE_AXIS, Double.isNaN(at) ? List.of(equity)
                : BacktestCurves.split(equity, at, "In sample", "Out of sample")));
        sections.add(BacktestCurves.drawdowns("Drawdown", List.of(drawdown(r, label))));
        if (r.hasNonNull("attribution")) {
            sections.addAll(BacktestTables.attribution("Attribution", "attribution", r.get("attribution"), true));
        }
        sections.addAll(BacktestTables.trades("Trades", "trades", r));
        sections.addAll(closing(r, List.of(r), List.of(label)));
        Double total = Nodes.num(r.path("statistics"), "total_return");
        Double cagr = Nodes.num(r.path("statistics"), "cagr");
        String title = "Backtest: " + label + ", " + (total == null ? ReportText.NONE : ReportText.percent(total))
                + " total return" + (cagr == null ? "" : ", " + ReportText.percent(cagr) + " a year");
        return new Report("backtest", title, period(r), context.createdAt(), context.workspace(), sections, r);
    }

    private static Report comparison(JsonNode r, ReportContext context) {
        List<JsonNode> results = Nodes.list(r, "results");
        if (results.isEmpty() || !results.get(0).isObject()) {
            throw new IllegalArgumentException("is not what `backtest` prints: \"results\" holds no backtest");
        }
        List<String> labels = new ArrayList<>();
        List<BacktestCurves.Curve> equity = new ArrayList<>();
        List<BacktestCurves.Curve> drawdowns = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            labels.add(label(results.get(i), i));
            equity.add(BacktestCurves.dated(labels.get(i), results.get(i), "equity_curve"));
            drawdowns.add(drawdown(results.get(i), labels.get(i)));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(BacktestTables.statistics("Statistics", "statistics", labels,
                results.stream().map(x -> x.path("statistics")).toList()));
        if (results.stream().allMatch(x -> x.has("in_sample") && x.has("out_of_sample"))) {
            List<String> sides = new ArrayList<>();
            List<JsonNode> stats = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                sides.add(labels.get(i) + ", in sample");
                sides.add(labels.get(i) + ", out of sample");
                stats.add(results.get(i).path("in_sample"));
                stats.add(results.get(i).path("out_of_sample"));
            }
            sections.add(BacktestTables.statistics("In and out of sample (split "
                    + Nodes.text(results.get(0), "split_date") + ")", "statistics-split", sides, stats));
        }
        sections.add(periods(results, labels));
        sections.add(BacktestCurves.equity("Equity", BacktestCurves.DATE_AXIS, equity));
        sections.add(BacktestCurves.drawdowns("Drawdown", drawdowns));
        for (int i = 0; i < results.size(); i++) {
            JsonNode x = results.get(i);
            String name = BacktestTables.slug(labels.get(i));
            sections.add(new Section.PageBreak(labels.get(i)));
            if (x.hasNonNull("attribution")) {
                sections.addAll(BacktestTables.attribution("Attribution: " + labels.get(i), "attribution_" + name,
                        x.get("attribution"), false));
            }
            sections.addAll(BacktestTables.trades("Trades: " + labels.get(i), "trades_" + name, x));
        }
        sections.addAll(closing(r, results, labels));
        String title = "Backtest of " + results.size() + (results.size() == 1 ? " strategy" : " strategies")
                + " side by side";
        return new Report("backtest", title, String.join(", ", labels) + "; " + period(results.get(0)),
                context.createdAt(), context.workspace(), sections, r);
    }

    private static Report attribution(JsonNode r, ReportContext context) {
        List<Section> sections = new ArrayList<>(BacktestTables.attribution("Attribution", "attribution", r, true));
        Double active = Nodes.num(r, "active_return");
        String title = "Attribution: " + (active == null ? ReportText.NONE : ReportText.percent(active))
                + " active return";
        String subtitle = Nodes.text(r, "method") + ", " + Nodes.list(r, "sectors").size() + " sectors";
        return new Report("backtest", title, subtitle, context.createdAt(), context.workspace(), sections, r);
    }

    /** The result's drawdown curve, or the drawdown of its equity when it gives none. */
    private static BacktestCurves.Curve drawdown(JsonNode result, String label) {
        return result.has("drawdown_curve") ? BacktestCurves.dated(label, result, "drawdown_curve")
                : BacktestCurves.drawdown(BacktestCurves.dated(label, result, "equity_curve"));
    }

    private static Section.Fields summary(JsonNode r) {
        List<Section.Field> fields = new ArrayList<>();
        fields.add(new Section.Field("Strategy", Cell.text(Nodes.text(r, "label")), "label"));
        fields.add(new Section.Field("First day", Cell.text(Nodes.text(r, "start")), "start"));
        fields.add(new Section.Field("Last day", Cell.text(Nodes.text(r, "end")), "end"));
        fields.add(new Section.Field("Starting capital", Cell.num(Nodes.decimal(r, "initial_capital"), Unit.MONEY),
                "initial_capital"));
        if (r.has("split_date")) {
            fields.add(new Section.Field("In sample to, out of sample from", Cell.text(Nodes.text(r, "split_date")),
                    "split_date"));
        }
        fields.add(new Section.Field("Rebalances", Cell.num(Nodes.decimal(r, "rebalances"), Unit.COUNT),
                "rebalances"));
        fields.add(new Section.Field("Trades listed", Cell.count(Nodes.list(r, "trades").size()), "trades"));
        return new Section.Fields("Backtest", fields);
    }

    /** Each strategy's period, capital, rebalances and trades (a comparison's strategies may differ in these). */
    private static Section.Table periods(List<JsonNode> results, List<String> labels) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode x = results.get(i);
            rows.add(List.of(Cell.text(labels.get(i)), Cell.text(Nodes.text(x, "start")), Cell.text(Nodes.text(x, "end")),
                    Cell.text(Nodes.text(x, "split_date")), Cell.num(Nodes.decimal(x, "initial_capital"), Unit.MONEY),
                    Cell.num(Nodes.decimal(x, "rebalances"), Unit.COUNT), Cell.count(Nodes.list(x, "trades").size())));
        }
        return new Section.Table("Strategies", "strategies", List.of(Section.Column.text("Strategy"),
                Section.Column.text("First day"), Section.Column.text("Last day"), Section.Column.text("Split date"),
                Section.Column.money("Starting capital", "currency"), Section.Column.of("Rebalances", Unit.COUNT),
                Section.Column.of("Trades listed", Unit.COUNT)), rows, true);
    }

    /** The notes, the inputs, and the points behind the charts (CSV export only). */
    private static List<Section> closing(JsonNode r, List<JsonNode> results, List<String> labels) {
        List<Section> out = notesAndInputs(r, results, labels);
        out.add(BacktestCurves.data("Equity curve", "equity_curve", labels, results, "equity_curve", "date",
                Section.Column.text("Date"), Section.Column.of("Equity", Unit.NUMBER)));
        out.add(BacktestCurves.data("Drawdown curve", "drawdown_curve", labels, results, "drawdown_curve", "date",
                Section.Column.text("Date"), Section.Column.of("Drawdown", Unit.FRACTION)));
        return out;
    }

    /**
     * The notes of the result and of each of its {@code results} (prefixed with the strategy's label when there
     * are several), and the inputs: the result's {@code request}, else the first result's.
     */
    static List<Section> notesAndInputs(JsonNode r, List<JsonNode> results, List<String> labels) {
        List<Section> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Nodes.list(r, "notes").forEach(n -> notes.add(n.isValueNode() ? n.asText() : n.toString()));
        for (int i = 0; i < results.size(); i++) {
            String prefix = results.size() > 1 ? labels.get(i) + ": " : "";
            if (results.get(i) != r) {
                Nodes.list(results.get(i), "notes").forEach(n -> notes.add(prefix + (n.isValueNode() ? n.asText()
                        : n.toString())));
            }
        }
        if (!notes.isEmpty()) {
            out.add(new Section.Notes("Notes", notes));
        }
        JsonNode request = r.hasNonNull("request") || results.isEmpty() ? r.get("request")
                : results.get(0).get("request");
        out.add(Nodes.inputs("Inputs", request));
        return out;
    }

    /** A strategy's label, or its place when it has none. */
    static String label(JsonNode result, int index) {
        String label = Nodes.text(result, "label").strip();
        return label.isEmpty() ? "Strategy " + (index + 1) : label;
    }

    private static String period(JsonNode r) {
        return Nodes.text(r, "start") + " to " + Nodes.text(r, "end");
    }
}
