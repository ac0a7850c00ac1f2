package com.positionlab.report.kinds;

import java.math.BigDecimal;
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

/** A portfolio: its totals, its holdings with cost and P&L, and its sector weights. */
final class PortfolioReport {

    private PortfolioReport() {
    }

    static Report build(JsonNode r, ReportContext context) {
        ReportKind.require(r, "holdings", "portfolio");
        String ccy = Nodes.text(r, "currency");
        List<Section> sections = new ArrayList<>();
        sections.add(holdings(Nodes.list(r, "holdings"), ccy));
        sections.add(totals(r, ccy));
        List<String> sectors = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        JsonNode sw = r.get("sector_weights");
        if (sw != null && sw.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = sw.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sectors.add(e.getKey());
                weights.add(e.getValue().asDouble());
            }
        }
        if (!sectors.isEmpty()) {
            sections.add(new Section.Chart("Weight by sector", new Plot.Bars(new Plot.Axis("Weight of the book",
                    Unit.FRACTION), sectors, weights.stream().mapToDouble(Double::doubleValue).toArray())));
            List<List<Cell>> rows = new ArrayList<>();
            for (int i = 0; i < sectors.size(); i++) {
                rows.add(List.of(Cell.text(sectors.get(i)), Cell.num(weights.get(i), Unit.FRACTION)));
            }
            sections.add(new Section.Table("Sector weights", "sector_weights", List.of(Section.Column.text("Sector"),
                    Section.Column.of("Weight", Unit.FRACTION)), rows, false));
        }
        BigDecimal total = Nodes.decimal(r, "total_value");
        String title = Nodes.text(r, "name") + ": " + (total == null ? ReportText.NONE
                : ReportText.format(total, Unit.MONEY)) + " " + ccy;
        String subtitle = Nodes.list(r, "holdings").size() + " holdings as of " + Nodes.text(r, "as_of")
                + (r.path("demo_data").asBoolean(false) ? " (demo data)" : "");
        return new Report("portfolio", title, subtitle, context.createdAt(), context.workspace(), sections, r);
    }

    /** The holdings; the price date gets a column only when the holdings' prices are not all of one date. */
    private static Section.Table holdings(List<JsonNode> holdings, String ccy) {
        boolean oneDate = holdings.stream().map(h -> Nodes.text(h, "last_price_date")).distinct().count() <= 1;
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode h : holdings) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(Nodes.text(h, "instrument_id")),
                    Cell.text(Nodes.text(h, "name")), Cell.text(Nodes.text(h, "sector")),
                    Cell.num(Nodes.decimal(h, "quantity"), Unit.UNITS), Cell.num(Nodes.num(h, "last_price"),
                            Unit.NUMBER)));
            if (!oneDate) {
                row.add(Cell.text(Nodes.text(h, "last_price_date")));
            }
            row.addAll(List.of(Cell.num(Nodes.decimal(h, "market_value"), Unit.MONEY), Nodes.fraction(h, "weight"),
                    Nodes.fraction(h, "annualised_volatility"), Cell.num(Nodes.decimal(h, "cost_basis"), Unit.MONEY),
                    Cell.num(Nodes.decimal(h, "unrealised_pnl"), Unit.MONEY), Nodes.fraction(h, "day_change")));
            rows.add(row);
        }
        List<Section.Column> columns = new ArrayList<>(List.of(Section.Column.text("Instrument"),
                Section.Column.text("Name"), Section.Column.text("Sector"), Section.Column.of("Quantity", Unit.UNITS),
                Section.Column.of("Last price", Unit.NUMBER)));
        if (!oneDate) {
            columns.add(Section.Column.text("Price date"));
        }
        columns.addAll(List.of(Section.Column.money("Market value", ccy), Section.Column.of("Weight", Unit.FRACTION),
                Section.Column.of("Volatility (annual)", Unit.FRACTION), Section.Column.money("Cost basis", ccy),
                Section.Column.money("Unrealised P&L", ccy), Section.Column.of("Day change", Unit.FRACTION)));
        return new Section.Table("Holdings" + (oneDate && !holdings.isEmpty() ? ", prices of "
                + Nodes.text(holdings.get(0), "last_price_date") : ""), "holdings", columns, rows, true);
    }

    private static Section.Fields totals(JsonNode r, String ccy) {
        return new Section.Fields("Totals", List.of(
                new Section.Field("Portfolio", Cell.text(Nodes.text(r, "name") + " (" + Nodes.text(r, "portfolio_id")
                        + ")"), "portfolio_id"),
                new Section.Field("Prices as of", Cell.text(Nodes.text(r, "as_of")), "as_of"),
                new Section.Field("Holdings value (" + ccy + ")", Cell.num(Nodes.decimal(r, "holdings_value"),
                        Unit.MONEY), "holdings_value"),
                new Section.Field("Cash (" + ccy + ")", Cell.num(Nodes.decimal(r, "cash"), Unit.MONEY), "cash"),
                new Section.Field("Cash weight", Nodes.fraction(r, "cash_weight"), "cash_weight"),
                new Section.Field("Total value (" + ccy + ")", Cell.num(Nodes.decimal(r, "total_value"), Unit.MONEY),
                        "total_value")));
    }
}
