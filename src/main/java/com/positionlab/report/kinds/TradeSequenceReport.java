package com.positionlab.report.kinds;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.Cell;
import com.positionlab.report.Plot;
import com.positionlab.report.Report;
import com.positionlab.report.Section;
import com.positionlab.report.Unit;

/**
 * A trade-sequence backtest, as {@code backtest} prints it ({@code "kind": "trade_sequence"}): one strategy's
 * closed trades replayed under several sizing rules, with each rule's equity by trade number, its statistics,
 * and the sizing attribution (its return against the same trades sized at its average fraction each).
 */
final class TradeSequenceReport {

    private TradeSequenceReport() {
    }

    static Report build(JsonNode r, ReportContext context) {
        List<JsonNode> results = new ArrayList<>(Nodes.list(r, "results"));
        results.removeIf(x -> !x.isObject());
        if (results.isEmpty()) {
            throw new IllegalArgumentException("is not what `backtest` prints for a trade sequence: \"results\" "
                    + "holds no sizing rule's replay");
        }
        List<String> labels = new ArrayList<>();
        List<BacktestCurves.Curve> curves = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            labels.add(BacktestReport.label(results.get(i), i));
            curves.add(BacktestCurves.byTrade(labels.get(i), results.get(i), "equity_curve"));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(BacktestTables.statistics("Statistics", "statistics", labels,
                results.stream().map(x -> x.path("statistics")).toList()));
        sections.add(sizing(results, labels));
        sections.add(BacktestCurves.equity("Equity by trade", new Plot.Axis("Trade number", Unit.COUNT), curves));
        sections.addAll(BacktestReport.notesAndInputs(r, results, labels));
        sections.add(BacktestCurves.data("Equity by trade", "equity_by_trade", labels, results, "equity_curve",
                "trade", Section.Column.of("Trade", Unit.COUNT), Section.Column.of("Equity", Unit.NUMBER)));
        String title = "Trade-sequence backtest: " + results.size() + " sizing "
                + (results.size() == 1 ? "rule" : "rules compared");
        return new Report("backtest", title, String.join(", ", labels), context.createdAt(), context.workspace(),
                sections, r);
    }

    /** Each rule's sizing attribution: how much of its return its sizes made, against equal sizes. */
    private static Section.Table sizing(List<JsonNode> results, List<String> labels) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode a = results.get(i).path("sizing_attribution");
            rows.add(List.of(Cell.text(labels.get(i)), Nodes.fraction(a, "chosen_return"),
                    Nodes.fraction(a, "equal_size_return"), Nodes.fraction(a, "from_sizing"),
                    Nodes.fraction(a, "average_fraction")));
        }
        return new Section.Table("Sizing attribution: the rule's sizes against its average fraction on every trade",
                "sizing_attribution", List.of(Section.Column.text("Sizing rule"),
                        Section.Column.of("Return with the rule's sizes", Unit.FRACTION),
                        Section.Column.of("Return at equal sizes", Unit.FRACTION),
                        Section.Column.of("From sizing", Unit.FRACTION),
                        Section.Column.of("Average fraction", Unit.FRACTION)), rows, true);
    }
}
