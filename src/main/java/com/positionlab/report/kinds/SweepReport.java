package com.positionlab.report.kinds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.Cell;
import com.positionlab.report.Plot;
import com.positionlab.report.Report;
import com.positionlab.report.Section;
import com.positionlab.report.Unit;

/**
 * A parameter sweep, as {@code backtest} prints it ({@code {"sweep": {"rank_by", "points"}}}): the parameter
 * sets ranked by the in-sample value of {@code rank_by}, each with that statistic in and out of sample and the
 * other main statistics out of sample, so that a reader sees whether the best in sample stayed good after it;
 * the out-of-sample figures charted in that order; and every statistic of every set for the CSV export.
 */
final class SweepReport {

    /** The statistic ranked by when the sweep does not say. */
    static final String DEFAULT_RANK_BY = "sharpe_ratio";
    /** Most parameter sets charted; the tables have them all. */
    static final int CHARTED = 30;
    /** The statistics shown out of sample beside the one ranked by. */
    private static final List<String> MAIN = List.of("total_return", "cagr", "volatility", "sharpe_ratio",
            "max_drawdown");
    /** Statistics of which less is better: the smallest ranks first. */
    private static final Set<String> LESS_IS_BETTER = Set.of("volatility", "max_drawdown_days", "turnover",
            "costs_paid");

    private SweepReport() {
    }

    static Report build(JsonNode r, ReportContext context) {
        JsonNode sweep = r.path("sweep");
        List<JsonNode> points = new ArrayList<>(Nodes.list(sweep, "points"));
        points.removeIf(p -> !p.isObject());
        if (points.isEmpty()) {
            throw new IllegalArgumentException("is not what `backtest` prints: \"sweep\" has no \"points\"");
        }
        String rankBy = Nodes.text(sweep, "rank_by").strip();
        BacktestTables.Stat ranked = BacktestTables.stat(rankBy.isEmpty() ? DEFAULT_RANK_BY : rankBy);
        points.sort(Comparator.comparingDouble(p -> key(p.path("in_sample"), ranked.field())));
        List<String> parameters = parameterNames(points);
        List<Section> sections = new ArrayList<>();
        sections.add(ranking(points, parameters, ranked));
        sections.add(chart(points, parameters, ranked));
        sections.add(new Section.Notes("How the sets are ranked", List.of("By " + ranked.label().toLowerCase(
                java.util.Locale.ROOT) + " in sample, " + (LESS_IS_BETTER.contains(ranked.field()) ? "smallest"
                : "largest") + " first; sets without it come last. The out-of-sample figures come from the period "
                + "after the one the sets were ranked on.")));
        sections.add(everyStatistic(points, parameters));
        sections.addAll(BacktestReport.notesAndInputs(r, List.of(), List.of()));
        String title = "Parameter sweep: " + points.size() + " parameter sets ranked by in-sample "
                + ranked.label().toLowerCase(java.util.Locale.ROOT);
        String subtitle = "Parameters: " + String.join(", ", parameters);
        return new Report("backtest", title, subtitle, context.createdAt(), context.workspace(), sections, r);
    }

    /** The sort key of a set: best first, sets without the statistic last. */
    private static double key(JsonNode stats, String field) {
        Double v = Nodes.num(stats, field);
        if (v == null || !Double.isFinite(v)) {
            return Double.POSITIVE_INFINITY;
        }
        return LESS_IS_BETTER.contains(field) ? v : -v;
    }

    private static List<String> parameterNames(List<JsonNode> points) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode p : points) {
            for (Iterator<String> it = p.path("parameters").fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
        return new ArrayList<>(names);
    }

    private static Section.Table ranking(List<JsonNode> points, List<String> parameters, BacktestTables.Stat ranked) {
        List<BacktestTables.Stat> others = MAIN.stream().filter(f -> !f.equals(ranked.field()))
                .map(BacktestTables::stat).toList();
        List<Section.Column> columns = new ArrayList<>(List.of(Section.Column.of("Rank", Unit.COUNT)));
        parameters.forEach(p -> columns.add(Section.Column.text(Nodes.label(p))));
        columns.add(column(ranked, "in sample"));
        columns.add(column(ranked, "out of sample"));
        others.forEach(s -> columns.add(column(s, "out of sample")));
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            List<Cell> row = new ArrayList<>(List.of(Cell.count(i + 1)));
            parameters.forEach(name -> row.add(parameter(p.path("parameters").get(name))));
            row.add(Cell.num(Nodes.decimal(p.path("in_sample"), ranked.field()), ranked.unit()));
            row.add(Cell.num(Nodes.decimal(p.path("out_of_sample"), ranked.field()), ranked.unit()));
            others.forEach(s -> row.add(Cell.num(Nodes.decimal(p.path("out_of_sample"), s.field()), s.unit())));
            rows.add(row);
        }
        return new Section.Table("Parameter sets, best in sample first", "sweep", columns, rows, true);
    }

    private static Section.Chart chart(List<JsonNode> points, List<String> parameters, BacktestTables.Stat ranked) {
        List<JsonNode> charted = points.subList(0, Math.min(CHARTED, points.size()));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < charted.size(); i++) {
            List<String> values = new ArrayList<>();
            for (String name : parameters) {
                JsonNode v = charted.get(i).path("parameters").get(name);
                String shortName = name.substring(name.lastIndexOf('.') + 1); // kelly_multiplier, not sizing.kelly_...
                values.add(shortName + " " + (v == null || v.isNull() ? "-" : v.isValueNode() ? v.asText()
                        : v.toString()));
            }
            labels.add("#" + (i + 1) + " " + String.join(", ", values));
        }
        double[] values = charted.stream().mapToDouble(p -> {
            Double v = Nodes.num(p.path("out_of_sample"), ranked.field());
            return v == null ? Double.NaN : v;
        }).toArray();
        String more = points.size() > CHARTED ? " (the best " + CHARTED + " in sample)" : "";
        return new Section.Chart(ranked.label() + " out of sample, best in sample first" + more, new Plot.Bars(
                new Plot.Axis(ranked.label() + " out of sample", ranked.unit()), labels, values));
    }

    /** Every statistic of every set, in sample and out of sample (CSV export only). */
    private static Section.Table everyStatistic(List<JsonNode> points, List<String> parameters) {
        List<BacktestTables.Stat> stats = new ArrayList<>();
        for (BacktestTables.Stat s : BacktestTables.STATS) {
            if (points.stream().anyMatch(p -> p.path("in_sample").has(s.field())
                    || p.path("out_of_sample").has(s.field()))) {
                stats.add(s);
            }
        }
        List<Section.Column> columns = new ArrayList<>(List.of(Section.Column.of("Rank", Unit.COUNT)));
        parameters.forEach(p -> columns.add(Section.Column.text(p)));
        for (String period : new String[] {"in sample", "out of sample"}) {
            stats.forEach(s -> columns.add(column(s, period)));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            List<Cell> row = new ArrayList<>(List.of(Cell.count(i + 1)));
            parameters.forEach(name -> row.add(parameter(p.path("parameters").get(name))));
            for (String period : new String[] {"in_sample", "out_of_sample"}) {
                stats.forEach(s -> row.add(Cell.num(Nodes.decimal(p.path(period), s.field()), s.unit())));
            }
            rows.add(row);
        }
        return new Section.Table("Every statistic of every parameter set", "sweep_statistics", columns, rows, false);
    }

    private static Section.Column column(BacktestTables.Stat s, String period) {
        String header = s.label() + ", " + period;
        return s.unit() == Unit.MONEY ? Section.Column.money(header, "currency") : Section.Column.of(header, s.unit());
    }

    private static Cell parameter(JsonNode v) {
        if (v == null || v.isNull()) {
            return Cell.text("");
        }
        return v.isNumber() ? Cell.num(v.decimalValue(), Unit.NUMBER) : Cell.text(v.isValueNode() ? v.asText()
                : v.toString());
    }
}
