package com.positionlab.report.kinds;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.Cell;
import com.positionlab.report.Plot;
import com.positionlab.report.ReportText;
import com.positionlab.report.Section;
import com.positionlab.report.Unit;

/**
 * The tables of a backtest report: performance statistics side by side, the trades, and a Brinson-Fachler
 * attribution by sector (with its effects charted for an attribution on its own).
 */
final class BacktestTables {

    /** Most trades of one strategy printed in the PDF; the CSV export has them all. */
    static final int PRINTED_TRADES = 200;
    /** Most sectors drawn in an effect chart; the table has them all. */
    static final int CHARTED_SECTORS = 30;

    /** A statistic: its field, what a reader calls it, its unit. */
    record Stat(String field, String label, Unit unit) {
    }

    /** The statistics a backtest, a sweep point or a trade sequence reports, in the order they are shown. */
    static final List<Stat> STATS = List.of(
            new Stat("total_return", "Total return", Unit.FRACTION),
            new Stat("cagr", "CAGR (annual)", Unit.FRACTION),
            new Stat("volatility", "Volatility (annual)", Unit.FRACTION),
            new Stat("sharpe_ratio", "Sharpe ratio", Unit.NUMBER),
            new Stat("sortino_ratio", "Sortino ratio", Unit.NUMBER),
            new Stat("calmar_ratio", "Calmar ratio", Unit.NUMBER),
            new Stat("max_drawdown", "Maximum drawdown", Unit.FRACTION),
            new Stat("max_drawdown_days", "Longest drawdown (peak to recovery)", Unit.DAYS),
            new Stat("turnover", "Turnover (one-way)", Unit.FRACTION),
            new Stat("costs_paid", "Costs paid", Unit.MONEY),
            new Stat("hit_rate", "Hit rate (share of days or trades with a gain)", Unit.FRACTION),
            new Stat("final_equity", "Final equity", Unit.MONEY),
            new Stat("trades", "Trades", Unit.COUNT),
            new Stat("average_fraction", "Average fraction of equity per trade", Unit.FRACTION));

    private BacktestTables() {
    }

    /** The statistic called {@code field}: a known one, else a plain number labelled from its name. */
    static Stat stat(String field) {
        for (Stat s : STATS) {
            if (s.field().equals(field)) {
                return s;
            }
        }
        return new Stat(field, Nodes.label(field), Unit.NUMBER);
    }

    /**
     * One row per statistic any of {@code stats} holds (known ones first, in {@link #STATS}' order), one column
     * per set of statistics headed by {@code headers}; a statistic a set lacks, or holds as null, shows a dash.
     */
    static Section.Table statistics(String title, String name, List<String> headers, List<JsonNode> stats) {
        Set<String> fields = new LinkedHashSet<>();
        STATS.forEach(s -> fields.add(s.field()));
        for (JsonNode set : stats) {
            for (Iterator<String> it = set.fieldNames(); it.hasNext(); ) {
                fields.add(it.next());
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (String field : fields) {
            if (stats.stream().noneMatch(s -> s.has(field) && (s.get(field).isNumber() || s.get(field).isNull()))) {
                continue;
            }
            Stat s = stat(field);
            List<Cell> row = new ArrayList<>(List.of(Cell.text(s.label()), new Cell.UnitName(s.unit(), "currency")));
            stats.forEach(set -> row.add(Cell.num(Nodes.decimal(set, field), s.unit())));
            rows.add(row);
        }
        List<Section.Column> columns = new ArrayList<>(List.of(Section.Column.text("Statistic"),
                Section.Column.text("Unit")));
        headers.forEach(h -> columns.add(Section.Column.of(h, Unit.NUMBER)));
        return new Section.Table(title, name, columns, rows, true);
    }

    /**
     * A backtest's trades, the first {@value #PRINTED_TRADES} in the PDF (which says how many it leaves out) and
     * every one in the CSV export; and a note when the backtest itself left trades out of its result.
     */
    static List<Section> trades(String title, String name, JsonNode result) {
        List<JsonNode> trades = Nodes.list(result, "trades");
        List<Section> out = new ArrayList<>();
        if (trades.isEmpty()) {
            out.add(new Section.Notes(title, List.of("No trades are listed in this result.")));
        } else {
            List<List<Cell>> rows = new ArrayList<>(trades.size());
            for (JsonNode t : trades) {
                rows.add(List.of(Cell.text(Nodes.text(t, "date")), Cell.text(Nodes.text(t, "ticker")),
                        Cell.num(Nodes.decimal(t, "units"), Unit.UNITS), Cell.num(Nodes.decimal(t, "price"), Unit.NUMBER),
                        Cell.num(Nodes.decimal(t, "value"), Unit.MONEY), Cell.num(Nodes.decimal(t, "cost"), Unit.MONEY)));
            }
            out.add(new Section.Table(title, name, List.of(Section.Column.text("Date"), Section.Column.text("Ticker"),
                    Section.Column.of("Units", Unit.UNITS), Section.Column.of("Price", Unit.NUMBER),
                    Section.Column.money("Value", "currency"), Section.Column.money("Cost", "currency")), rows, true)
                    .printingAtMost(PRINTED_TRADES));
        }
        Double omitted = Nodes.num(result, "trades_omitted");
        if (omitted != null && omitted > 0) {
            out.add(new Section.Notes(title + ": not in this result", List.of("The backtest made "
                    + ReportText.number(omitted) + " more trades than it listed (trades_omitted); they are in no "
                    + "export of this report.")));
        }
        return out;
    }

    /**
     * A Brinson-Fachler attribution: its totals, a table of each sector's effects (with the weights and returns
     * when the result gives them) and a total row, and with {@code charts} a bar chart of each effect by sector.
     */
    static List<Section> attribution(String title, String name, JsonNode a, boolean charts) {
        List<Section> out = new ArrayList<>();
        List<Section.Field> totals = new ArrayList<>();
        totals.add(new Section.Field("Method", Cell.text(Nodes.text(a, "method")), "method"));
        if (a.hasNonNull("benchmark")) {
            totals.add(new Section.Field("Benchmark", Cell.text(Nodes.text(a, "benchmark")), "benchmark"));
        }
        for (String[] f : new String[][] {{"portfolio_return", "Portfolio return"},
                {"benchmark_return", "Benchmark return"}, {"active_return", "Active return (portfolio - benchmark)"},
                {"allocation", "Allocation effect"}, {"selection", "Selection effect"},
                {"interaction", "Interaction effect"}}) {
            totals.add(new Section.Field(f[1], Nodes.fraction(a, f[0]), f[0]));
        }
        out.add(new Section.Fields(title, totals));
        List<JsonNode> sectors = Nodes.list(a, "sectors");
        out.add(sectorTable(title + " by sector", name, a, sectors));
        if (charts && !sectors.isEmpty()) {
            List<JsonNode> charted = sectors.subList(0, Math.min(CHARTED_SECTORS, sectors.size()));
            String more = sectors.size() > CHARTED_SECTORS ? " (the first " + CHARTED_SECTORS + " sectors)" : "";
            for (String[] e : new String[][] {{"allocation", "Allocation"}, {"selection", "Selection"},
                    {"interaction", "Interaction"}}) {
                out.add(new Section.Chart(e[1] + " effect by sector" + more, new Plot.Bars(new Plot.Axis(e[1]
                        + " effect, share of the portfolio's value", Unit.FRACTION), charted.stream()
                        .map(s -> Nodes.text(s, "sector")).toList(), charted.stream().mapToDouble(s -> value(s, e[0]))
                        .toArray())));
            }
        }
        return out;
    }

    private static final String[][] SECTOR_INPUTS = {{"portfolio_weight", "Portfolio weight"},
        {"benchmark_weight", "Benchmark weight"}, {"portfolio_return", "Portfolio return"},
        {"benchmark_return", "Benchmark return"}};
    private static final String[][] EFFECTS = {{"allocation", "Allocation"}, {"selection", "Selection"},
        {"interaction", "Interaction"}, {"total", "Total"}};

    private static Section.Table sectorTable(String title, String name, JsonNode a, List<JsonNode> sectors) {
        List<String[]> shown = new ArrayList<>();
        for (String[] f : SECTOR_INPUTS) {
            if (sectors.stream().anyMatch(s -> s.has(f[0]))) {
                shown.add(f);
            }
        }
        shown.addAll(List.of(EFFECTS));
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode s : sectors) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(Nodes.text(s, "sector"))));
            shown.forEach(f -> row.add(f[0].equals("total") && !s.has("total") ? Cell.num(value(s, "total"),
                    Unit.FRACTION) : Nodes.fraction(s, f[0])));
            rows.add(row);
        }
        // The total row: the whole portfolio's and benchmark's returns, the total effects, the active return
        List<Cell> total = new ArrayList<>(List.of(Cell.text("Total")));
        shown.forEach(f -> total.add(f[0].endsWith("_weight") ? Cell.num((Double) null, Unit.FRACTION)
                : Nodes.fraction(a, f[0].equals("total") ? "active_return" : f[0])));
        rows.add(total);
        List<Section.Column> columns = new ArrayList<>(List.of(Section.Column.text("Sector")));
        shown.forEach(f -> columns.add(Section.Column.of(f[1], Unit.FRACTION)));
        return new Section.Table(title, name, columns, rows, true);
    }

    /** A sector's effect; its total is the sum of the three effects when the result does not give it. */
    private static double value(JsonNode sector, String effect) {
        Double v = Nodes.num(sector, effect);
        if (v == null && effect.equals("total")) {
            Double a = Nodes.num(sector, "allocation");
            Double s = Nodes.num(sector, "selection");
            Double i = Nodes.num(sector, "interaction");
            return a == null || s == null || i == null ? Double.NaN : a + s + i;
        }
        return v == null ? Double.NaN : v;
    }

    /** A table or file name from a label: lower case letters, digits and underscores. */
    static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}
