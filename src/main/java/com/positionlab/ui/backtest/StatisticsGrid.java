package com.positionlab.ui.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.positionlab.service.backtest.BacktestResponse.Run;
import com.positionlab.service.backtest.BacktestResponse.SequenceRun;
import com.positionlab.service.backtest.BacktestResponse.Statistics;
import com.positionlab.service.backtest.BacktestResponse.TradeSequence;
import com.positionlab.ui.common.Formats;

/**
 * The statistics of strategies side by side: one row per statistic, with its unit and the contract's name, and
 * one column per strategy, or two (in sample, out of sample) when the backtest has a split date.
 *
 * @param columns the strategy and the period ("" for the whole period) of each value column
 * @param rows    the statistics, each with one formatted value per column
 */
record StatisticsGrid(List<Column> columns, List<Row> rows) {

    static final String IN_SAMPLE = "In sample";
    static final String OUT_OF_SAMPLE = "Out of sample";

    /** A value column: a strategy (or sizing rule) over a period, and what it shows in words. */
    record Column(String strategy, String period, String tip) {
    }

    /**
     * A statistic: its name, unit and contract name ({@code api}), what it means, and its values, formatted.
     */
    record Row(String name, String unit, String api, String meaning, List<String> values) {
        /** The name with its unit, as the table's first column shows it. */
        String title() {
            return unit.isEmpty() ? name : name + " (" + unit + ")";
        }
    }

    private record Stat(String name, String unit, String api, String meaning, Function<Statistics, String> value) {
    }

    static final StatisticsGrid EMPTY = new StatisticsGrid(List.of(), List.of());

    /** The grid of {@code runs}; {@code currency} is the unit of the costs. */
    static StatisticsGrid of(List<Run> runs, String currency) {
        boolean split = runs.stream().anyMatch(r -> r.inSample() != null && r.outOfSample() != null);
        List<Column> columns = new ArrayList<>();
        List<Statistics> stats = new ArrayList<>();
        for (Run r : runs) {
            if (split) {
                columns.add(new Column(r.label(), IN_SAMPLE, r.label() + ", in sample (before " + r.splitDate() + ")"));
                stats.add(r.inSample());
                columns.add(new Column(r.label(), OUT_OF_SAMPLE, r.label() + ", out of sample (from " + r.splitDate()
                        + ")"));
                stats.add(r.outOfSample());
            } else {
                columns.add(new Column(r.label(), "", r.label() + ", " + r.start() + " to " + r.end()));
                stats.add(r.statistics());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Stat s : stats(currency)) {
            rows.add(new Row(s.name(), s.unit(), s.api(), s.meaning(),
                    stats.stream().map(x -> x == null ? "—" : s.value().apply(x)).toList()));
        }
        return new StatisticsGrid(List.copyOf(columns), List.copyOf(rows));
    }

    /**
     * The sizing rules of a trade-sequence backtest side by side, a column each (headed by the rule's name up to
     * its first comma, the whole name and its JSON in the tooltip); {@code currency} is the unit of the equity.
     */
    static StatisticsGrid ofSizing(TradeSequence t, String currency) {
        List<Column> columns = t.results().stream().map(r -> new Column(shortName(r.label()), "",
                r.label() + "\nsizing: " + r.rule())).toList();
        List<SequenceStat> stats = List.of(
                new SequenceStat("Return", "%", "total_return", "Equity after the last trade over the initial capital, "
                        + "less one", r -> Formats.percent(r.statistics().totalReturn())),
                new SequenceStat("Max drawdown", "%", "max_drawdown", "Deepest fall of equity from a previous peak",
                        r -> Formats.percent(r.statistics().maxDrawdown())),
                new SequenceStat("Hit rate", "% of trades", "hit_rate", "Share of trades with a gain",
                        r -> Formats.percent(r.statistics().hitRate())),
                new SequenceStat("Final equity", currency.isEmpty() ? "price currency" : currency, "final_equity",
                        "Equity after the last trade", r -> money(r.statistics().finalEquity())),
                new SequenceStat("Average size", "% of equity", "average_fraction", "The rule's mean position, as a "
                        + "share of equity", r -> Formats.percent(r.statistics().averageFraction())),
                new SequenceStat("Return with equal sizes", "%", "equal_size_return", "The same trades each sized at "
                        + "the rule's average size", r -> Formats.percent(r.sizingAttribution().equalSizeReturn())),
                new SequenceStat("From sizing", "%", "from_sizing", "The rule's return less that with equal sizes: "
                        + "what its sizing added", r -> Formats.signedPercent(r.sizingAttribution().fromSizing())));
        List<Row> rows = stats.stream().map(s -> new Row(s.name(), s.unit(), s.api(), s.meaning(),
                t.results().stream().map(s.value()).toList())).toList();
        return new StatisticsGrid(columns, rows);
    }

    private record SequenceStat(String name, String unit, String api, String meaning,
                                Function<SequenceRun, String> value) {
    }

    /** A rule's name up to its first comma ("Kelly x0.25 with drawdown"). */
    private static String shortName(String label) {
        int comma = label.indexOf(',');
        return comma > 0 ? label.substring(0, comma) : label;
    }

    private static List<Stat> stats(String currency) {
        return List.of(
                new Stat("Total return", "%", "total_return", "Final equity over the initial capital, less one",
                        s -> Formats.percent(s.totalReturn())),
                new Stat("CAGR", "% a year", "cagr", "Compound annual growth rate, 252 trading days a year",
                        s -> Formats.percent(s.cagr())),
                new Stat("Volatility", "% a year", "volatility", "Standard deviation of daily returns, annualised",
                        s -> Formats.percent(s.volatility())),
                new Stat("Sharpe ratio", "", "sharpe_ratio", "Mean daily return over the risk-free rate, divided by "
                        + "its standard deviation, annualised", s -> Formats.decimal2(s.sharpeRatio())),
                new Stat("Sortino ratio", "", "sortino_ratio", "Like the Sharpe ratio, with the downside deviation",
                        s -> Formats.decimal2(s.sortinoRatio())),
                new Stat("Calmar ratio", "", "calmar_ratio", "CAGR divided by the maximum drawdown",
                        s -> Formats.decimal2(s.calmarRatio())),
                new Stat("Max drawdown", "%", "max_drawdown", "Deepest fall of equity from a previous peak",
                        s -> Formats.percent(s.maxDrawdown())),
                new Stat("Max drawdown length", "days", "max_drawdown_days",
                        "Trading days from the peak before the deepest fall until equity is back at that peak (or the "
                                + "last day)",
                        s -> Integer.toString(s.maxDrawdownDays())),
                new Stat("Turnover", "% of equity", "turnover", "Value traded one way, summed over the rebalances",
                        s -> Formats.percent(s.turnover())),
                new Stat("Costs paid", currency.isEmpty() ? "price currency" : currency, "costs_paid",
                        "Commission and slippage paid", s -> money(s.costsPaid())),
                new Stat("Hit rate", "% of days", "hit_rate", "Share of days with a gain",
                        s -> Formats.percent(s.hitRate())),
                new Stat("Length", "trading days", "days", "Trading days covered",
                        s -> Integer.toString(s.days())));
    }

    /** An amount of money with two decimals and thousands separators. */
    static String money(double v) {
        return Double.isFinite(v) ? Formats.money(BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP))
                : "—";
    }
}
