package com.positionlab.report.kinds;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.Cell;
import com.positionlab.report.Plot;
import com.positionlab.report.Report;
import com.positionlab.report.ReportText;
import com.positionlab.report.Section;
import com.positionlab.report.Unit;

/**
 * A growth simulation: its inputs (the seed among them), the results per fraction with the exact lattice
 * values, the growth-path fan and the terminal wealth histogram of each fraction, and the bands as data.
 */
final class SimulationReport {

    private static final String[] PERCENTILES = {"p5", "p25", "p50", "p75", "p95"};
    /** Most fractions drawn (three charts each); the table lists every one. */
    static final int MAX_CHARTED = 12;

    private SimulationReport() {
    }

    static Report build(JsonNode r, ReportContext context) {
        ReportKind.require(r, "fractions", "simulate");
        JsonNode req = r.get("request");
        String subtitle = req == null ? "" : Nodes.text(req, "paths") + " paths of " + Nodes.text(req, "bets")
                + " bets, seed " + Nodes.text(req, "seed");
        Double rec = Nodes.num(r, "recommended_fraction");
        String title = "Growth simulation: " + (rec == null ? "no fraction recommended"
                : "stake " + ReportText.percent(rec) + " a bet");
        return new Report("simulation", title, subtitle, context.createdAt(), context.workspace(), sections(r), r);
    }

    /** The simulation's sections, also appended to a Kelly report. */
    static List<Section> sections(JsonNode r) {
        List<Section> out = new ArrayList<>();
        JsonNode req = r.get("request");
        out.add(Nodes.inputs("Simulation inputs", req));
        List<JsonNode> fractions = Nodes.list(r, "fractions");
        out.add(summary(fractions));
        List<String> notes = recommendation(r);
        if (fractions.size() > MAX_CHARTED) {
            notes.add("The charts show the first " + MAX_CHARTED + " of the " + fractions.size()
                    + " fractions simulated; the table and the zip export hold them all.");
        }
        out.add(new Section.Notes("Recommendation", notes));
        List<JsonNode> charted = fractions.subList(0, Math.min(fractions.size(), MAX_CHARTED));
        double start = req == null || Nodes.num(req, "initial_capital") == null ? 1 : Nodes.num(req, "initial_capital");
        Double ruin = req == null ? null : Nodes.num(req, "ruin_level");
        for (JsonNode f : charted) {
            out.add(fan(f, ruin == null ? null : ruin * start));
        }
        for (JsonNode f : charted) {
            out.add(histogram(f, "terminal_wealth_histogram", "Final wealth", Unit.NUMBER));
            out.add(histogram(f, "max_drawdown_histogram", "Maximum drawdown", Unit.FRACTION));
        }
        out.add(bandsData(fractions));
        return out;
    }

    private static Section.Table summary(List<JsonNode> fractions) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode f : fractions) {
            JsonNode tw = f.get("terminal_wealth_percentiles");
            rows.add(List.of(Nodes.fraction(f, "fraction"), Nodes.number(f, "kelly_multiple"),
                    Cell.num(Nodes.num(tw, "p5"), Unit.NUMBER), Cell.num(Nodes.num(tw, "p50"), Unit.NUMBER),
                    Cell.num(Nodes.num(tw, "p95"), Unit.NUMBER), Nodes.number(f, "mean_log_growth"),
                    Nodes.fraction(f, "probability_of_ruin"), Nodes.fraction(f, "exact_probability_of_ruin"),
                    Nodes.fraction(f, "probability_of_target"), Nodes.fraction(f, "max_drawdown_median"),
                    Nodes.fraction(f, "max_drawdown_p95")));
        }
        return new Section.Table("Results by fraction staked", "results_by_fraction", List.of(
                Section.Column.of("Fraction", Unit.FRACTION), Section.Column.of("x Kelly", Unit.NUMBER),
                Section.Column.of("Final wealth 5th pct", Unit.NUMBER),
                Section.Column.of("Final wealth median", Unit.NUMBER),
                Section.Column.of("Final wealth 95th pct", Unit.NUMBER),
                Section.Column.of("Mean log growth per bet", Unit.NUMBER), Section.Column.of("Ruin", Unit.FRACTION),
                Section.Column.of("Ruin exact (lattice)", Unit.FRACTION),
                Section.Column.of("Reach target", Unit.FRACTION), Section.Column.of("Max drawdown median",
                        Unit.FRACTION), Section.Column.of("Max drawdown 95th pct", Unit.FRACTION)), rows, true);
    }

    private static List<String> recommendation(JsonNode r) {
        List<String> lines = new ArrayList<>();
        Double rec = Nodes.num(r, "recommended_fraction");
        Double limit = Nodes.num(r, "ruin_probability_limit");
        String limitText = limit == null ? ReportText.NONE : ReportText.percent(limit);
        lines.add(rec == null ? "No fraction keeps the probability of ruin under " + limitText
                + ": stake less than the smallest fraction simulated, or not at all."
                : "Stake " + ReportText.percent(rec) + " of capital a bet: the highest median final wealth among "
                + "the fractions whose probability of ruin is under " + limitText + ".");
        if (r.path("ruined_paths_stopped").asBoolean(false)) {
            lines.add("Ruined paths stopped at the ruin level (they did not keep betting).");
        }
        return lines;
    }

    private static Section.Chart fan(JsonNode f, Double ruinWealth) {
        List<JsonNode> bands = Nodes.list(f, "bands");
        double[] x = new double[bands.size()];
        double[][] p = new double[PERCENTILES.length][bands.size()];
        for (int i = 0; i < bands.size(); i++) {
            x[i] = bands.get(i).path("bet").asDouble();
            for (int k = 0; k < PERCENTILES.length; k++) {
                Double v = Nodes.num(bands.get(i).get("wealth"), PERCENTILES[k]);
                p[k][i] = v == null ? Double.NaN : v;
            }
        }
        List<Plot.Line> lines = new ArrayList<>();
        lines.add(new Plot.Line("median", x, p[2], 0, false));
        int shown = 0;
        for (JsonNode path : Nodes.list(f, "sample_paths")) {
            if (shown++ >= 5) {
                break;
            }
            double[] w = Nodes.doubles(path.get("wealth"));
            lines.add(new Plot.Line(shown == 1 ? "sample paths" : "", x.length == w.length ? x : index(w.length),
                    w, 5, true));
        }
        List<Plot.Level> levels = ruinWealth == null ? List.of() : List.of(new Plot.Level("ruin level", ruinWealth));
        return new Section.Chart("Growth paths staking " + ReportText.percent(f.path("fraction").asDouble())
                + " a bet", new Plot.Lines(new Plot.Axis("Bets", Unit.COUNT), new Plot.Axis("Wealth", Unit.NUMBER),
                true, List.of(new Plot.Band("5th to 95th percentile", x, p[0], p[4], 0),
                new Plot.Band("25th to 75th percentile", x, p[1], p[3], 2)), lines, levels));
    }

    private static double[] index(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    private static Section.Chart histogram(JsonNode f, String field, String what, Unit unit) {
        JsonNode h = f.get(field);
        double[] edges = Nodes.doubles(h == null ? null : h.get("edges"));
        double[] counts = Nodes.doubles(h == null ? null : h.get("counts"));
        return new Section.Chart(what + " staking " + ReportText.percent(f.path("fraction").asDouble())
                + " a bet: paths per bin", new Plot.Histogram(new Plot.Axis(what, unit),
                new Plot.Axis("Paths", Unit.COUNT), edges.length == counts.length + 1 ? edges : new double[] {0, 1},
                edges.length == counts.length + 1 ? counts : new double[] {0}));
    }

    /** The percentile bands of every fraction, as data (CSV only: the charts show them). */
    private static Section.Table bandsData(List<JsonNode> fractions) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode f : fractions) {
            for (JsonNode b : Nodes.list(f, "bands")) {
                List<Cell> row = new ArrayList<>();
                row.add(Nodes.fraction(f, "fraction"));
                row.add(Cell.count(b.path("bet").asLong()));
                for (String k : PERCENTILES) {
                    row.add(Cell.num(Nodes.num(b.get("wealth"), k), Unit.NUMBER));
                }
                rows.add(row);
            }
        }
        List<Section.Column> columns = new ArrayList<>(List.of(Section.Column.of("fraction", Unit.FRACTION),
                Section.Column.of("bet", Unit.COUNT)));
        for (String k : PERCENTILES) {
            columns.add(Section.Column.of("wealth " + k, Unit.NUMBER));
        }
        return new Section.Table("Percentile bands", "percentile_bands", columns, rows, false);
    }
}
