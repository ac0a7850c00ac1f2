package com.positionlab.report.kinds;

import java.util.ArrayList;
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
import com.positionlab.service.Names;

/**
 * A sizing: the request that reproduces it, the recommendation, every limit that bound the size with its
 * reason, why the size is what it is, its risk, risk budgets and stress tests, and with {@code --all-methods}
 * every method side by side.
 */
final class SizingReport {

    private SizingReport() {
    }

    static Report build(JsonNode r, ReportContext context) {
        ReportKind.require(r, "optimal_position", "size");
        JsonNode pos = r.get("optimal_position");
        String currency = Nodes.text(pos, "currency");
        List<Section> sections = new ArrayList<>();
        sections.add(Nodes.inputs("Inputs (the request)", r.get("request")));
        List<JsonNode> comparison = Nodes.list(r, "comparison");
        if (!comparison.isEmpty()) {
            sections.add(comparison(comparison, currency));
        }
        sections.add(recommendation(pos, currency));
        sections.add(bindings(Nodes.list(r, "binding_constraints")));
        sections.add(analysis(r.get("sizing_analysis")));
        sections.add(risk(r.get("risk_metrics"), currency));
        List<JsonNode> budgets = Nodes.list(r, "risk_budgets");
        if (!budgets.isEmpty()) {
            sections.add(budgets(budgets));
        }
        List<JsonNode> stress = Nodes.list(r, "stress_tests");
        if (!stress.isEmpty()) {
            sections.add(stress(stress));
        }
        if (!comparison.isEmpty()) {
            sections.add(comparisonChart(comparison));
        }
        List<String> warnings = new ArrayList<>();
        Nodes.list(r, "warnings").forEach(w -> warnings.add(w.asText()));
        if (!warnings.isEmpty()) {
            sections.add(new Section.Notes("Warnings", warnings));
        }
        String units = pos.hasNonNull("recommended_size") ? ReportText.format(pos.get("recommended_size")
                .decimalValue(), Unit.UNITS) : ReportText.NONE;
        String title = "Sizing: " + Nodes.text(pos, "direction") + " " + units + " " + Nodes.text(pos, "instrument_id");
        String method = Nodes.text(pos, "sizing_method_used");
        String model = Nodes.text(r.get("risk_metrics"), "risk_model");
        String subtitle = "Method " + Names.method(method) + " (" + method + "), risk model " + Names.riskModel(model)
                + " (" + model + ")" + (comparison.isEmpty() ? ""
                : ", with every method compared") + " (sizing " + Nodes.text(r, "sizing_id") + ")";
        return new Report("sizing", title, subtitle, context.createdAt(), context.workspace(), sections, r);
    }

    static Section.Table recommendation(JsonNode pos, String currency) {
        List<Cell> row = List.of(Cell.text(Nodes.text(pos, "instrument_id")), Cell.text(Nodes.text(pos, "direction")),
                Cell.num(Nodes.decimal(pos, "recommended_size"), Unit.UNITS),
                Cell.num(Nodes.decimal(pos, "recommended_notional"), Unit.MONEY),
                Nodes.fraction(pos, "recommended_weight"), Cell.text(Names.method(Nodes.text(pos, "sizing_method_used"))),
                Nodes.fraction(pos, "confidence_score"), Cell.text(Nodes.text(pos, "reason")));
        return new Section.Table("Recommendation", "recommendation", List.of(Section.Column.text("Instrument"),
                Section.Column.text("Direction"), Section.Column.of("Units", Unit.UNITS),
                Section.Column.money("Notional", currency), Section.Column.of("Weight of equity", Unit.FRACTION),
                Section.Column.text("Method"), Section.Column.of("Confidence", Unit.FRACTION),
                Section.Column.text("Reason")), List.of(row), true);
    }

    static Section.Table bindings(List<JsonNode> bindings) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode b : bindings) {
            rows.add(List.of(Cell.text(Names.limit(Nodes.text(b, "name"))), Nodes.fraction(b, "weight_before"),
                    Nodes.fraction(b, "weight_after"), Cell.text(Nodes.text(b, "reason"))));
        }
        if (rows.isEmpty()) {
            rows.add(List.of(Cell.text("none"), Cell.num((Double) null, Unit.FRACTION),
                    Cell.num((Double) null, Unit.FRACTION), Cell.text("no limit cut the method's size")));
        }
        return new Section.Table("Limits that bound the size", "binding_limits", List.of(Section.Column.text("Limit"),
                Section.Column.of("Weight before", Unit.FRACTION), Section.Column.of("Weight after", Unit.FRACTION),
                Section.Column.text("Reason")), rows, true);
    }

    /** Every figure of the sizing analysis that exists, nested ones with their path. */
    private static Section.Fields analysis(JsonNode a) {
        List<Section.Field> fields = new ArrayList<>();
        if (a != null) {
            addAll("sizing_analysis", a, fields);
        }
        return new Section.Fields("Why this size", fields);
    }

    private static void addAll(String path, JsonNode node, List<Section.Field> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String p = path + "." + e.getKey();
            if (v.isObject()) {
                addAll(p, v, out);
            } else if (v.isNumber()) {
                out.add(new Section.Field(Nodes.label(e.getKey()), Cell.num(v.doubleValue(), isShare(e.getKey())
                        ? Unit.FRACTION : Unit.NUMBER), p));
            } else if (!v.isNull()) {
                out.add(new Section.Field(Nodes.label(e.getKey()), Cell.text(v.asText()), p));
            }
        }
    }

    /** Whether a figure of the analysis is a share of equity or a rate (shown in percent). */
    private static boolean isShare(String field) {
        return field.contains("weight") || field.contains("volatility") || field.contains("return")
                || field.contains("fraction") || field.contains("risk_change") || field.contains("benefit")
                || field.equals("kept") || field.equals("kelly_cap") || field.contains("drawdown")
                || field.equals("risk_per_trade") || field.equals("estimate") || field.equals("historical_mean")
                || field.equals("standard_error") || field.startsWith("prior_") || field.equals("held_risk_share")
                || field.equals("risk_share_target");
    }

    static Section.Fields risk(JsonNode m, String currency) {
        List<Section.Field> f = new ArrayList<>();
        if (m != null) {
            f.add(new Section.Field("Risk model", Cell.text(Names.riskModel(Nodes.text(m, "risk_model"))),
                    "risk_metrics.risk_model"));
            f.add(new Section.Field("Confidence", Nodes.fraction(m, "confidence_level"), "risk_metrics.confidence_level"));
            f.add(new Section.Field("Horizon (days)", Cell.num(Nodes.num(m, "horizon_days"), Unit.DAYS),
                    "risk_metrics.horizon_days"));
            for (String k : List.of("position_var", "position_cvar", "portfolio_var_before", "portfolio_cvar_before",
                    "portfolio_var_after", "portfolio_cvar_after")) {
                f.add(new Section.Field(Nodes.label(k).replace("var", "VaR").replace("cVaR", "CVaR")
                        + " (of equity)", Nodes.fraction(m, k), "risk_metrics." + k));
            }
            f.add(new Section.Field("Position VaR (" + currency + ")", Cell.num(Nodes.decimal(m,
                    "position_var_amount"), Unit.MONEY), "risk_metrics.position_var_amount"));
            f.add(new Section.Field("Book VaR after (" + currency + ")", Cell.num(Nodes.decimal(m,
                    "portfolio_var_after_amount"), Unit.MONEY), "risk_metrics.portfolio_var_after_amount"));
        }
        return new Section.Fields("Risk", f);
    }

    private static Section.Table budgets(List<JsonNode> budgets) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode b : budgets) {
            rows.add(List.of(Cell.text(Nodes.text(b, "kind")), Cell.text(Nodes.text(b, "name")),
                    Nodes.fraction(b, "budget"), Nodes.fraction(b, "used_before"), Nodes.fraction(b, "used_after")));
        }
        return new Section.Table("Risk budgets (annualised volatility)", "risk_budgets", List.of(
                Section.Column.text("Kind"), Section.Column.text("Budget"), Section.Column.of("Size", Unit.FRACTION),
                Section.Column.of("Used before", Unit.FRACTION), Section.Column.of("Used after", Unit.FRACTION)), rows,
                true);
    }

    private static Section.Table stress(List<JsonNode> stress) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode s : stress) {
            rows.add(List.of(Cell.text(Nodes.text(s, "scenario")), Cell.text(Nodes.text(s, "kind")),
                    Cell.text(Nodes.text(s, "window")), Nodes.fraction(s, "portfolio_pnl_before"),
                    Nodes.fraction(s, "portfolio_pnl_after"), Nodes.fraction(s, "position_pnl")));
        }
        return new Section.Table("Stress tests (P&L as a share of equity)", "stress_tests", List.of(
                Section.Column.text("Scenario"), Section.Column.text("Kind"), Section.Column.text("Window"),
                Section.Column.of("Book before", Unit.FRACTION), Section.Column.of("Book after", Unit.FRACTION),
                Section.Column.of("Position", Unit.FRACTION)), rows, true);
    }

    private static Section.Table comparison(List<JsonNode> rows, String currency) {
        List<List<Cell>> cells = new ArrayList<>();
        for (JsonNode c : rows) {
            List<String> limits = new ArrayList<>();
            Nodes.list(c, "binding_constraints").forEach(b -> limits.add(Names.limit(b.asText())));
            cells.add(List.of(Cell.text(Names.method(Nodes.text(c, "sizing_method"))),
                    Cell.num(Nodes.decimal(c, "recommended_size"), Unit.UNITS),
                    Cell.num(Nodes.decimal(c, "recommended_notional"), Unit.MONEY),
                    Nodes.fraction(c, "recommended_weight"), Nodes.fraction(c, "raw_weight"),
                    Cell.text(String.join(", ", limits)), Cell.text(Nodes.text(c, "reason"))));
        }
        return new Section.Table("Every method compared", "methods_compared", List.of(Section.Column.text("Method"),
                Section.Column.of("Units", Unit.UNITS), Section.Column.money("Notional", currency),
                Section.Column.of("Weight", Unit.FRACTION), Section.Column.of("Before limits", Unit.FRACTION),
                Section.Column.text("Limits that bound it"), Section.Column.text("Reason")), cells, true);
    }

    private static Section.Chart comparisonChart(List<JsonNode> rows) {
        List<String> labels = new ArrayList<>();
        double[] values = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            labels.add(Names.method(Nodes.text(rows.get(i), "sizing_method")));
            Double w = Nodes.num(rows.get(i), "recommended_weight");
            values[i] = w == null ? Double.NaN : w;
        }
        return new Section.Chart("Weight of equity by method", new Plot.Bars(new Plot.Axis("Weight of equity",
                Unit.FRACTION), labels, values));
    }
}
