package com.positionlab.report.kinds;

import java.util.ArrayList;
import java.util.Comparator;
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
 * An efficient frontier, as {@code frontier} prints it: the curve of expected return against volatility with
 * the capital market line through the maximum-Sharpe portfolio, the minimum-volatility and maximum-Sharpe
 * portfolios, the listed points with their main weights, the turning points, and every input.
 */
final class FrontierReport {

    /** Most tickers given a column in the weights-along-the-frontier table (those with the largest weights). */
    static final int WEIGHT_COLUMNS = 6;

    private FrontierReport() {
    }

    static Report build(JsonNode r, ReportContext context) {
        ReportKind.require(r, "points", "frontier");
        List<JsonNode> points = Nodes.list(r, "points");
        List<Section> sections = new ArrayList<>();
        sections.add(chart(r, points));
        sections.add(portfolio("Minimum volatility", r.path("min_volatility"), "min_volatility"));
        sections.add(portfolio("Maximum Sharpe ratio", r.path("max_sharpe"), "max_sharpe"));
        sections.add(weightsAlong(points));
        if (r.has("turning_points")) {
            sections.add(table("Turning points (weights are linear between them)", "turning_points",
                    Nodes.list(r, "turning_points")));
        }
        if (r.has("pareto")) {
            sections.addAll(tradeOff("ESG score against Sharpe ratio", "pareto", r.get("pareto"), "esg_floor",
                    "ESG floor", Unit.NUMBER, "esg_score", "ESG score", Unit.NUMBER));
        }
        if (r.has("turnover_pareto")) {
            sections.addAll(tradeOff("Turnover against Sharpe ratio", "turnover_pareto", r.get("turnover_pareto"),
                    "turnover_limit", "Turnover limit", Unit.FRACTION, "turnover", "Turnover", Unit.FRACTION));
        }
        sections.add(Nodes.inputs("Inputs", r.get("request")));
        String title = "Efficient frontier: " + points.size() + " portfolios from "
                + ReportText.percent(points.get(0).path("expected_return").asDouble()) + " to "
                + ReportText.percent(points.get(points.size() - 1).path("expected_return").asDouble())
                + " expected return";
        String subtitle = "Solver: " + Nodes.text(r.path("solver"), "name");
        return new Report("frontier", title, subtitle, context.createdAt(), context.workspace(), sections, r);
    }

    private static Section chart(JsonNode r, List<JsonNode> points) {
        double[] vol = points.stream().mapToDouble(p -> p.path("volatility").asDouble()).toArray();
        double[] ret = points.stream().mapToDouble(p -> p.path("expected_return").asDouble()).toArray();
        List<Plot.Line> lines = new ArrayList<>(List.of(new Plot.Line("Frontier", vol, ret, 0, false)));
        JsonNode ms = r.path("max_sharpe");
        double sv = ms.path("volatility").asDouble();
        double sr = ms.path("expected_return").asDouble();
        double sharpe = ms.path("sharpe_ratio").asDouble();
        if (sv > 0) {
            double rf = sr - sharpe * sv;
            double end = vol[vol.length - 1];
            lines.add(new Plot.Line("Capital market line", new double[] {0, end},
                    new double[] {rf, rf + sharpe * end}, 1, true));
        }
        List<Plot.Level> levels = List.of(new Plot.Level("Minimum volatility",
                r.path("min_volatility").path("expected_return").asDouble()));
        return new Section.Chart("Expected return against volatility", new Plot.Lines(
                new Plot.Axis("Volatility (annual)", Unit.FRACTION), new Plot.Axis("Expected return (annual)",
                Unit.FRACTION), false, List.of(), lines, levels));
    }

    private static Section portfolio(String title, JsonNode p, String api) {
        List<Map.Entry<String, JsonNode>> w = OptimizationReport.entries(p.get("weights"));
        w.sort(Comparator.comparingDouble((Map.Entry<String, JsonNode> e) -> -Math.abs(e.getValue().asDouble())));
        List<String> top = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : w.subList(0, Math.min(5, w.size()))) {
            top.add(e.getKey() + " " + ReportText.percent(e.getValue().asDouble()));
        }
        return new Section.Fields(title, List.of(
                new Section.Field("Expected return (annual)", Nodes.fraction(p, "expected_return"),
                        api + ".expected_return"),
                new Section.Field("Volatility (annual)", Nodes.fraction(p, "volatility"), api + ".volatility"),
                new Section.Field("Sharpe ratio", Nodes.number(p, "sharpe_ratio"), api + ".sharpe_ratio"),
                new Section.Field("Largest weights", Cell.text(String.join(", ", top)), api + ".weights")));
    }

    /** The points with the weights of the tickers that weigh most anywhere along the frontier. */
    private static Section weightsAlong(List<JsonNode> points) {
        List<String> tickers = new ArrayList<>();
        OptimizationReport.entries(points.get(0).get("weights")).forEach(e -> tickers.add(e.getKey()));
        tickers.sort(Comparator.comparingDouble(t -> -points.stream()
                .mapToDouble(p -> Math.abs(p.path("weights").path(t).asDouble())).max().orElse(0)));
        List<String> shown = tickers.subList(0, Math.min(WEIGHT_COLUMNS, tickers.size()));
        List<Section.Column> columns = new ArrayList<>(List.of(Section.Column.of("Expected return", Unit.FRACTION),
                Section.Column.of("Volatility", Unit.FRACTION), Section.Column.of("Sharpe", Unit.NUMBER)));
        shown.forEach(t -> columns.add(Section.Column.of(t, Unit.FRACTION)));
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode p : points) {
            List<Cell> row = new ArrayList<>(List.of(Nodes.fraction(p, "expected_return"),
                    Nodes.fraction(p, "volatility"), Nodes.number(p, "sharpe_ratio")));
            shown.forEach(t -> row.add(Nodes.fraction(p.path("weights"), t)));
            rows.add(row);
        }
        String title = "Frontier portfolios" + (tickers.size() > shown.size() ? ", the " + shown.size()
                + " largest weights of " + tickers.size() : "");
        return new Section.Table(title, "points", columns, rows, true);
    }

    /** A Pareto set: the trade-off in words, then a table of each limit, what the portfolio reached, its figures. */
    private static List<Section> tradeOff(String title, String name, JsonNode pareto, String limit, String limitHeader,
                                    Unit limitUnit, String value, String valueHeader, Unit valueUnit) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode p : Nodes.list(pareto, "points")) {
            rows.add(List.of(Cell.num(p.path(limit).asDouble(), limitUnit), Cell.num(p.path(value).asDouble(),
                    valueUnit), Nodes.fraction(p, "expected_return"), Nodes.fraction(p, "volatility"),
                    Nodes.number(p, "sharpe_ratio")));
        }
        return List.of(new Section.Notes(title, List.of(pareto.path("trade_off").asText())),
                new Section.Table("The maximum-Sharpe portfolio at each limit", name, List.of(
                        Section.Column.of(limitHeader, limitUnit), Section.Column.of(valueHeader, valueUnit),
                        Section.Column.of("Expected return", Unit.FRACTION),
                        Section.Column.of("Volatility", Unit.FRACTION), Section.Column.of("Sharpe", Unit.NUMBER)),
                        rows, true));
    }

    private static Section table(String title, String name, List<JsonNode> points) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode p : points) {
            rows.add(List.of(Nodes.fraction(p, "expected_return"), Nodes.fraction(p, "volatility"),
                    Nodes.number(p, "sharpe_ratio")));
        }
        return new Section.Table(title, name, List.of(Section.Column.of("Expected return", Unit.FRACTION),
                Section.Column.of("Volatility", Unit.FRACTION), Section.Column.of("Sharpe", Unit.NUMBER)), rows, true);
    }
}
