package com.positionlab.ui.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.backtest.BacktestRequest;
import com.positionlab.service.backtest.BacktestResponse.Statistics;
import com.positionlab.service.backtest.BacktestResponse.Sweep;
import com.positionlab.service.backtest.BacktestResponse.SweepPoint;

/**
 * A two-parameter sweep as a grid for a heat map: rows are the first swept parameter's values (the lookback),
 * columns the second's (the rebalance, or the target volatility), and each cell the point's rank and the ranking
 * statistic, in sample with the out-of-sample value beside it when there is a split date.
 *
 * @param api     the ranking statistic's contract name ({@code sharpe_ratio})
 * @param rows    the first parameter's values, in words ("63 days")
 * @param columns the second parameter's values, in words ("Weekly", "10%")
 * @param cells   {@code cells[row][column]}, null where the sweep has no such point
 * @param worst   the lowest ranking value of the grid (for the colour scale)
 * @param best    the highest
 */
record SweepGrid(String strategy, String api, String statistic, String rowName, String columnName,
                 List<String> rows, List<String> columns, Cell[][] cells, boolean split, double worst, double best) {

    /** A point of the sweep: its rank (1 is best), its ranking value and the out-of-sample value (NaN: none). */
    record Cell(int rank, double value, double outOfSample, String text, String outOfSampleText) {
    }

    /** The grid of {@code sweep}, whose parameters and their order come from {@code request}. */
    static SweepGrid of(Sweep sweep, BacktestRequest request) {
        List<String> keys = new ArrayList<>(request.sweep().keySet());
        List<JsonNode> rowValues = request.sweep().get(keys.get(0));
        List<JsonNode> colValues = keys.size() > 1 ? request.sweep().get(keys.get(1)) : List.of();
        String stat = sweep.rankBy();
        ToDoubleFunction<Statistics> value = value(stat);
        Cell[][] cells = new Cell[rowValues.size()][Math.max(1, colValues.size())];
        double worst = Double.POSITIVE_INFINITY;
        double best = Double.NEGATIVE_INFINITY;
        for (SweepPoint p : sweep.points()) {
            Statistics ranked = p.inSample() != null ? p.inSample() : p.statistics();
            double v = ranked == null ? Double.NaN : value.applyAsDouble(ranked);
            if (Double.isFinite(v)) {
                worst = Math.min(worst, v);
                best = Math.max(best, v);
            }
        }
        int digits = digits(stat, best - worst);
        for (SweepPoint p : sweep.points()) {
            int i = indexOf(rowValues, p.parameters().get(keys.get(0)));
            int j = keys.size() > 1 ? indexOf(colValues, p.parameters().get(keys.get(1))) : 0;
            if (i < 0 || j < 0) {
                continue;
            }
            Statistics ranked = p.inSample() != null ? p.inSample() : p.statistics();
            double v = ranked == null ? Double.NaN : value.applyAsDouble(ranked);
            double out = p.outOfSample() == null ? Double.NaN : value.applyAsDouble(p.outOfSample());
            cells[i][j] = new Cell(p.rank(), v, out, format(stat, v, digits), format(stat, out, digits));
        }
        return new SweepGrid(sweep.strategy(), stat, label(stat), name(keys.get(0)),
                keys.size() > 1 ? name(keys.get(1)) : "", rowValues.stream().map(v -> words(keys.get(0), v)).toList(),
                keys.size() > 1 ? colValues.stream().map(v -> words(keys.get(1), v)).toList() : List.of(""),
                cells, sweep.splitDate() != null, worst, best);
    }

    /**
     * Whether the grid's values lie so close together (within {@link #TOLERANCE} for a ratio, a tenth of that in
     * fractions for a percentage) that the settings make no difference worth colouring.
     */
    boolean flat() {
        return !(best - worst >= tolerance(api));
    }

    /** Where the cell's value lies from the worst (0) to the best (1) of the grid; 0.5 for a flat grid. */
    double position(Cell c) {
        if (!Double.isFinite(c.value()) || flat()) {
            return 0.5;
        }
        return (c.value() - worst) / (best - worst);
    }

    /** The range of the grid's values, written as its cells are. */
    String range() {
        int digits = digits(api, best - worst);
        return format(api, worst, digits) + " to " + format(api, best, digits);
    }

    /** The statistic's name on screen ("Sharpe ratio") for its contract name. */
    static String label(String api) {
        return BacktestChoices.RANK_BY.stream().filter(c -> c.api().asText().equals(api)).map(c -> c.label())
                .findFirst().orElse(api);
    }

    private static ToDoubleFunction<Statistics> value(String stat) {
        Map<String, ToDoubleFunction<Statistics>> m = Map.of("sharpe_ratio", Statistics::sharpeRatio,
                "sortino_ratio", Statistics::sortinoRatio, "calmar_ratio", Statistics::calmarRatio,
                "cagr", Statistics::cagr, "max_drawdown", Statistics::maxDrawdown,
                "total_return", Statistics::totalReturn, "volatility", Statistics::volatility);
        return m.getOrDefault(stat, Statistics::sharpeRatio);
    }

    /** Ratios closer together than this (and percentages closer than a tenth of it, as fractions) are "flat". */
    static final double TOLERANCE = 0.005;

    private static boolean percent(String stat) {
        return switch (stat) {
            case "cagr", "max_drawdown", "total_return", "volatility" -> true;
            default -> false;
        };
    }

    private static double tolerance(String stat) {
        return percent(stat) ? TOLERANCE / 10 : TOLERANCE;
    }

    /** Decimals that tell the grid's values apart: two, or up to four when they lie close together. */
    private static int digits(String stat, double spread) {
        double s = percent(stat) ? spread * 100 : spread;
        return !(s < 0.05) ? 2 : s >= 0.005 ? 3 : 4;
    }

    private static String format(String stat, double v, int digits) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        String pattern = "0." + "0".repeat(digits);
        java.text.DecimalFormat f = new java.text.DecimalFormat(pattern,
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US));
        return percent(stat) ? f.format(v * 100) + "%" : f.format(v);
    }

    private static int indexOf(List<JsonNode> values, JsonNode v) {
        for (int k = 0; v != null && k < values.size(); k++) {
            JsonNode x = values.get(k);
            if (x.equals(v) || x.isNumber() && v.isNumber() && x.doubleValue() == v.doubleValue()) {
                return k;
            }
        }
        return -1;
    }

    /** A swept parameter's name on screen. */
    private static String name(String key) {
        return switch (key) {
            case "lookback" -> "Lookback";
            case "rebalance" -> "Rebalance";
            case "costs_bps" -> "Costs";
            case "strategy.target_volatility" -> "Target volatility";
            default -> key;
        };
    }

    /** A swept value in words: "63 days", "Weekly", "10%". */
    private static String words(String key, JsonNode v) {
        return switch (key) {
            case "lookback" -> v.asText() + " days";
            case "rebalance" -> {
                String s = Captions.rebalance(v);
                yield Character.toUpperCase(s.charAt(0)) + s.substring(1);
            }
            case "costs_bps" -> v.asText() + " bps";
            case "strategy.target_volatility" -> Captions.percent(v.asDouble());
            default -> v.toString();
        };
    }
}
