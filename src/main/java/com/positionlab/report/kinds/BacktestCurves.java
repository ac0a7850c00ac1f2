package com.positionlab.report.kinds;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.Cell;
import com.positionlab.report.Plot;
import com.positionlab.report.Section;
import com.positionlab.report.Unit;

/**
 * The curves of a backtest report: equity and drawdown over dates (or equity over trade numbers), drawn one
 * line per strategy, and the points behind them as tables for the CSV export.
 */
final class BacktestCurves {

    /**
     * Equity whose highest value is at least this many times its lowest is drawn on a log axis, where equal
     * returns rise equally; a narrower range is drawn on a linear one, which ticks it more finely.
     */
    static final double LOG_RANGE = 3;
    /** The date axis of the curves over time. */
    static final Plot.Axis DATE_AXIS = new Plot.Axis("Date", Unit.DATE);
    static final String EQUITY_LABEL = "Equity (account currency)";

    /** A curve's drawable points: x (an epoch day or a trade number) and y, left out where either is unreadable. */
    record Curve(String name, double[] x, double[] y) {
    }

    private BacktestCurves() {
    }

    /** The points {@code [{"date", "value"}]} of {@code field} as epoch days and values. */
    static Curve dated(String name, JsonNode result, String field) {
        List<JsonNode> points = Nodes.list(result, field);
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = epochDay(Nodes.text(points.get(i), "date"));
            Double v = Nodes.num(points.get(i), "value");
            y[i] = v == null ? Double.NaN : v;
        }
        return new Curve(name, x, y);
    }

    /** The points {@code [{"trade", "value"}]} of {@code field}, by trade number. */
    static Curve byTrade(String name, JsonNode result, String field) {
        List<JsonNode> points = Nodes.list(result, field);
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            Double t = Nodes.num(points.get(i), "trade");
            Double v = Nodes.num(points.get(i), "value");
            x[i] = t == null ? Double.NaN : t;
            y[i] = v == null ? Double.NaN : v;
        }
        return new Curve(name, x, y);
    }

    /** Days since 1970-01-01 of an ISO date (YYYY-MM-DD), NaN when it is not one. */
    static double epochDay(String date) {
        try {
            return date.length() == 10 ? LocalDate.parse(date).toEpochDay() : Double.NaN;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    /**
     * The drawdown of an equity curve, {@code E_t / max_{s <= t} E_s - 1} (0 at each new high), for a result
     * that gives no drawdown curve of its own.
     */
    static Curve drawdown(Curve equity) {
        double[] dd = new double[equity.y().length];
        double peak = Double.NaN;
        for (int t = 0; t < dd.length; t++) {
            double e = equity.y()[t];
            if (!(e > 0)) {
                dd[t] = Double.NaN;
                continue;
            }
            peak = Double.isNaN(peak) ? e : Math.max(peak, e);
            dd[t] = e / peak - 1;
        }
        return new Curve(equity.name(), equity.x(), dd);
    }

    /** A curve cut at {@code x}: the points up to it and the points from it (both hold the point at x). */
    static List<Curve> split(Curve c, double x, String before, String after) {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (int i = 0; i < c.x().length; i++) {
            if (c.x()[i] <= x) {
                first.add(i);
            }
            if (c.x()[i] >= x) {
                second.add(i);
            }
        }
        return List.of(pick(c, first, before), pick(c, second, after));
    }

    private static Curve pick(Curve c, List<Integer> at, String name) {
        return new Curve(name, at.stream().mapToDouble(i -> c.x()[i]).toArray(),
                at.stream().mapToDouble(i -> c.y()[i]).toArray());
    }

    /** Equity curves on one chart, on a log axis when their range is at least {@link #LOG_RANGE} wide. */
    static Section.Chart equity(String title, Plot.Axis x, List<Curve> curves) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean positive = true;
        for (Curve c : curves) {
            for (double v : c.y()) {
                if (Double.isFinite(v)) {
                    positive &= v > 0;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        boolean log = positive && lo > 0 && hi / lo >= LOG_RANGE;
        return new Section.Chart(title, new Plot.Lines(x, new Plot.Axis(EQUITY_LABEL, Unit.NUMBER), log, List.of(),
                lines(curves), List.of()));
    }

    /** Drawdown curves over dates on one chart, in percent. */
    static Section.Chart drawdowns(String title, List<Curve> curves) {
        return new Section.Chart(title, new Plot.Lines(DATE_AXIS, new Plot.Axis("Drawdown from the peak",
                Unit.FRACTION), false, List.of(), lines(curves), List.of()));
    }

    private static List<Plot.Line> lines(List<Curve> curves) {
        List<Plot.Line> lines = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            lines.add(new Plot.Line(c.name(), c.x(), c.y(), i, false));
        }
        return lines;
    }

    /**
     * Every point of {@code field} of each result, for the CSV export (the PDF draws them): the strategy, the
     * point's {@code x} (its date or trade number, as the result gives it) and its value, exactly as written.
     */
    static Section.Table data(String title, String name, List<String> labels, List<JsonNode> results, String field,
                              String x, Section.Column xColumn, Section.Column valueColumn) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            for (JsonNode p : Nodes.list(results.get(i), field)) {
                Cell at = xColumn.unit() == null ? Cell.text(Nodes.text(p, x)) : Cell.num(Nodes.decimal(p, x),
                        xColumn.unit());
                rows.add(List.of(Cell.text(labels.get(i)), at, Cell.num(Nodes.decimal(p, "value"),
                        valueColumn.unit())));
            }
        }
        return new Section.Table(title, name, List.of(Section.Column.text("Strategy"), xColumn, valueColumn), rows,
                false);
    }
}
