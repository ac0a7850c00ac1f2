package com.positionlab.report.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.report.Cell;
import com.positionlab.report.Plot;
import com.positionlab.report.Report;
import com.positionlab.report.ReportText;
import com.positionlab.report.Section;
import com.positionlab.report.Unit;
import com.positionlab.service.Json;

/** A Kelly calculation: its inputs, f* with its interval and sensitivities, growth by fraction, and its simulation. */
final class KellyReport {

    private KellyReport() {
    }

    static Report build(JsonNode r, ReportContext context) {
        ReportKind.require(r, "kelly_fraction", "kelly");
        List<Section> sections = new ArrayList<>();
        JsonNode request = r.get("request");
        sections.add(Nodes.inputs("Inputs", request));
        sections.add(result(r));
        JsonNode sens = r.get("sensitivity_analysis");
        List<JsonNode> growth = Nodes.list(sens, "growth_table");
        if (!growth.isEmpty()) {
            sections.add(growthTable(growth));
            sections.add(growthChart(growth));
        }
        sections.add(new Section.Notes("How to read it", notes(r)));
        String title = "Kelly calculation: f* = " + figure(r, "kelly_fraction") + ", size at "
                + figure(r, "adjusted_kelly");
        String subtitle = "Method: " + Nodes.text(r, "method").toLowerCase(Locale.ROOT)
                + (request != null && request.has("win_probability") ? ", win probability "
                + ReportText.percent(request.get("win_probability").doubleValue()) : "");
        if (context.simulation() != null) {
            ReportKind.require(context.simulation(), "fractions", "simulate");
            sections.addAll(SimulationReport.sections(context.simulation()));
            subtitle += ", with its Monte Carlo simulation";
        }
        JsonNode combined = r;
        if (context.simulation() != null) {
            ObjectNode both = Json.mapper().createObjectNode();
            both.set("kelly", r);
            both.set("simulation", context.simulation());
            combined = both;
        }
        return new Report("kelly", title, subtitle, context.createdAt(), context.workspace(), sections, combined);
    }

    private static String figure(JsonNode r, String field) {
        Double v = Nodes.num(r, field);
        return v == null ? ReportText.NONE : ReportText.percent(v);
    }

    private static Section.Fields result(JsonNode r) {
        List<Section.Field> f = new ArrayList<>();
        f.add(new Section.Field("Method", Cell.text(Nodes.text(r, "method")), "method"));
        f.add(new Section.Field("Kelly fraction f*", Nodes.fraction(r, "kelly_fraction"), "kelly_fraction"));
        f.add(new Section.Field("Size: min(max(f*, 0), cap) x multiplier", Nodes.fraction(r, "adjusted_kelly"),
                "adjusted_kelly"));
        f.add(new Section.Field("Win/loss ratio b", Nodes.number(r, "win_loss_ratio"), "win_loss_ratio"));
        JsonNode ci = r.get("confidence_interval");
        if (ci != null && ci.isObject()) {
            f.add(new Section.Field("f* interval, lower", Nodes.fraction(ci, "lower_bound"),
                    "confidence_interval.lower_bound"));
            f.add(new Section.Field("f* interval, upper", Nodes.fraction(ci, "upper_bound"),
                    "confidence_interval.upper_bound"));
            f.add(new Section.Field("Interval confidence", Nodes.fraction(ci, "confidence_level"),
                    "confidence_interval.confidence_level"));
        }
        JsonNode s = r.get("sensitivity_analysis");
        f.add(new Section.Field("df*/dp", Nodes.number(s, "d_kelly_d_win_probability"),
                "sensitivity_analysis.d_kelly_d_win_probability"));
        f.add(new Section.Field("df*/db", Nodes.number(s, "d_kelly_d_payoff"), "sensitivity_analysis.d_kelly_d_payoff"));
        f.add(new Section.Field("Expected log growth per bet at f*", Nodes.number(s, "growth_rate_at_kelly"),
                "sensitivity_analysis.growth_rate_at_kelly"));
        f.add(new Section.Field("Fraction where growth turns negative", Nodes.fraction(s, "zero_growth_fraction"),
                "sensitivity_analysis.zero_growth_fraction"));
        JsonNode weights = r.get("weights");
        if (weights != null && weights.isArray()) {
            for (int i = 0; i < weights.size(); i++) {
                f.add(new Section.Field("Weight of asset " + (i + 1), Cell.num(weights.get(i).doubleValue(),
                        Unit.FRACTION), "weights[" + i + "]"));
            }
        }
        return new Section.Fields("Result", f);
    }

    private static Section.Table growthTable(List<JsonNode> rows) {
        List<List<Cell>> cells = new ArrayList<>();
        for (JsonNode g : rows) {
            cells.add(List.of(Nodes.number(g, "kelly_multiple"), Nodes.fraction(g, "fraction"),
                    Nodes.number(g, "log_growth"), Nodes.fraction(g, "relative_growth")));
        }
        return new Section.Table("Growth by fraction of f*", "growth_by_fraction", List.of(
                Section.Column.of("Multiple of f*", Unit.NUMBER), Section.Column.of("Fraction staked", Unit.FRACTION),
                Section.Column.of("Expected log growth per bet", Unit.NUMBER),
                Section.Column.of("Growth relative to f*", Unit.FRACTION)), cells, true);
    }

    private static Section.Chart growthChart(List<JsonNode> rows) {
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            Double fx = Nodes.num(rows.get(i), "fraction");
            Double gy = Nodes.num(rows.get(i), "log_growth");
            x[i] = fx == null ? Double.NaN : fx;
            y[i] = gy == null ? Double.NaN : gy;
        }
        return new Section.Chart("Expected log growth per bet by fraction staked", new Plot.Lines(
                new Plot.Axis("Fraction of capital staked", Unit.FRACTION),
                new Plot.Axis("Expected log growth per bet", Unit.NUMBER), false, List.of(),
                List.of(new Plot.Line("log growth", x, y, 0, false)), List.of(new Plot.Level("no growth", 0))));
    }

    private static List<String> notes(JsonNode r) {
        List<String> notes = new ArrayList<>();
        notes.add("f* is the fraction of capital that maximises expected log growth; the size used is f* capped, "
                + "times the Kelly multiplier, and zero when f* is negative (never short by accident).");
        Double f = Nodes.num(r, "kelly_fraction");
        if (f != null && f <= 0) {
            notes.add("There is no edge: f* is " + ReportText.percent(f) + ", so the position sizes to zero.");
        }
        JsonNode s = r.get("sensitivity_analysis");
        Double zero = Nodes.num(s, "zero_growth_fraction");
        if (zero != null) {
            notes.add("Staking more than " + ReportText.percent(zero) + " of capital per bet has negative expected "
                    + "log growth: it loses money in the long run even with this edge.");
        }
        return notes;
    }
}
