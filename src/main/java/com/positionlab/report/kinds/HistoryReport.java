package com.positionlab.report.kinds;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.Cell;
import com.positionlab.report.Report;
import com.positionlab.report.Section;
import com.positionlab.report.Unit;
import com.positionlab.service.Names;

/**
 * Every sizing accepted between two dates, as one document: a summary table first, then a page for each
 * sizing with its request, its recommendation, the limits that bound it and its risk.
 */
final class HistoryReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private HistoryReport() {
    }

    static Report build(JsonNode r, ReportContext context) {
        ReportKind.require(r, "sizings", "report --kind history");
        List<JsonNode> sizings = Nodes.list(r, "sizings");
        long total = r.path("total").asLong(sizings.size());
        List<Section> sections = new ArrayList<>();
        sections.add(summary(sizings));
        List<String> notes = new ArrayList<>();
        if (sizings.isEmpty()) {
            notes.add("No sizing was accepted from " + Nodes.text(r, "from") + " to " + Nodes.text(r, "to") + ".");
        } else if (total > sizings.size()) {
            notes.add("The first " + sizings.size() + " of " + total + " sizings accepted in these days are "
                    + "reported: choose fewer days for the rest.");
        }
        notes.add("Times are UTC. Each sizing's page gives the request it answered, so it can be sized again.");
        sections.add(new Section.Notes("About this report", notes));
        for (JsonNode s : sizings) {
            sections.addAll(page(s));
        }
        String title = "Accepted sizings, " + Nodes.text(r, "from") + " to " + Nodes.text(r, "to");
        String subtitle = total + (total == 1 ? " sizing" : " sizings") + (total > sizings.size() ? ", the first "
                + sizings.size() + " reported" : "");
        return new Report("history", title, subtitle, context.createdAt(), context.workspace(), sections, r);
    }

    private static Section.Table summary(List<JsonNode> sizings) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode s : sizings) {
            List<String> limits = new ArrayList<>();
            Nodes.list(s.get("response"), "binding_constraints").forEach(b -> limits.add(Names.limit(
                    Nodes.text(b, "name"))));
            rows.add(List.of(Cell.text(when(s)), Cell.text(Nodes.text(s, "instrument_id")),
                    Cell.text(Nodes.text(s, "direction")), Cell.num(Nodes.decimal(s, "recommended_size"), Unit.UNITS),
                    Cell.num(Nodes.decimal(s, "recommended_notional"), Unit.MONEY),
                    Nodes.fraction(s, "recommended_weight"), Cell.text(Names.method(Nodes.text(s, "sizing_method"))),
                    Cell.text(Nodes.text(s, "rule_id")), Cell.text(limits.isEmpty() ? "none" : String.join(", ", limits))));
        }
        return new Section.Table("Summary", "accepted_sizings", List.of(Section.Column.text("Accepted (UTC)"),
                Section.Column.text("Instrument"), Section.Column.text("Direction"), Section.Column.of("Units",
                        Unit.UNITS), Section.Column.money("Notional", ""), Section.Column.of("Weight", Unit.FRACTION),
                Section.Column.text("Method"), Section.Column.text("Rule"), Section.Column.text("Limits that bound")),
                rows, true);
    }

    private static List<Section> page(JsonNode s) {
        JsonNode response = s.get("response");
        JsonNode pos = response == null ? null : response.get("optimal_position");
        String currency = Nodes.text(pos, "currency");
        String title = Nodes.text(s, "direction") + " " + Nodes.text(s, "instrument_id") + ", accepted " + when(s)
                + " UTC";
        List<Section> out = new ArrayList<>();
        out.add(new Section.PageBreak(title));
        out.add(new Section.Fields(title, List.of(
                new Section.Field("Sizing", Cell.text(Nodes.text(s, "sizing_id")), "sizing_id"),
                new Section.Field("Decision", Cell.text(Nodes.text(s, "decision_id")), "decision_id"),
                new Section.Field("Rule", Cell.text(Nodes.text(s, "rule_id")), "rule_id"))));
        JsonNode request = s.get("request");
        out.add(Nodes.inputs("Inputs (the request)", request));
        if (pos != null) {
            out.add(SizingReport.recommendation(pos, currency));
            out.add(SizingReport.bindings(Nodes.list(response, "binding_constraints")));
            out.add(SizingReport.risk(response.get("risk_metrics"), currency));
        }
        return out;
    }

    private static String when(JsonNode s) {
        String t = Nodes.text(s, "created_at");
        try {
            return WHEN.format(Instant.parse(t));
        } catch (RuntimeException e) {
            return t;
        }
    }
}
