package com.positionlab.service.backtest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a backtest answers, in one of four shapes: one strategy ({@link Run}), several side by side
 * ({@link Comparison}), a parameter sweep ({@link SweepResult}), a trade-sequence comparison of sizing rules
 * ({@link TradeSequence}) or a sweep of a sizing rule ({@link TradeSweepResult}). Fractions are fractions (0.12 = 12%); money is in the prices' currency; a figure that
 * is not a number (a Sharpe ratio of a flat curve) is null.
 */
public sealed interface BacktestResponse {

    /** A date and a value (equity in money, drawdown as a negative fraction). */
    record Point(LocalDate date, double value) {
    }

    /**
     * empyrical's statistics of an equity curve (252 days a year; Sharpe and Sortino on daily excess returns
     * over {@code risk_free_rate / 252}), with the turnover (one-way, summed over rebalances), the costs paid
     * (commission and slippage) and the trading days covered.
     */
    record Statistics(double totalReturn, double cagr, double volatility, double sharpeRatio, double sortinoRatio,
                      double calmarRatio, double maxDrawdown, int maxDrawdownDays, double turnover, double costsPaid,
                      double hitRate, int days) {
    }

    /** A trade at a day's close: units (negative sells), execution price, value and cost. */
    record TradeOut(LocalDate date, String ticker, double units, double price, double value, double cost) {
    }

    /** One sector's linked effects. */
    record SectorEffect(String sector, double allocation, double selection, double interaction, double total) {
    }

    /**
     * Brinson-Fachler attribution against the benchmark, by sector, month by month from the holdings at each
     * month's start, linked over the months by Carino's method; the residual is the actual return less the
     * holdings-based one (costs and trading within the months).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Attribution(String benchmark, String method, int periods, List<SectorEffect> sectors, double allocation,
                       double selection, double interaction, double activeReturn, double portfolioReturn,
                       double benchmarkReturn, double residual) {
    }

    /** One strategy's backtest. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Run(String label, JsonNode strategy, LocalDate start, LocalDate end, double initialCapital,
               double finalEquity, List<Point> equityCurve, List<Point> drawdownCurve, Statistics statistics,
               LocalDate splitDate, Statistics inSample, Statistics outOfSample, int rebalances,
               List<TradeOut> trades, Integer tradesOmitted, Attribution attribution, BenchmarkOut benchmark,
               List<String> notes) implements BacktestResponse {
    }

    /**
     * A benchmark series held whole from the first day: its curve (scaled to the strategy's first equity), its
     * statistics, the strategy's total return less the benchmark's, the tracking error (the annualised
     * standard deviation of the daily return differences) and the information ratio (their annualised mean over
     * the tracking error).
     */
    record BenchmarkOut(String ticker, List<Point> equityCurve, Statistics statistics, double activeReturn,
                        double trackingError, double informationRatio) {
    }

    /** Several strategies over the same days. */
    record Comparison(List<Run> results) implements BacktestResponse {
    }

    /** One point of a sweep: its parameters and its statistics in and out of sample (or over all days). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SweepPoint(int rank, Map<String, JsonNode> parameters, Statistics inSample, Statistics outOfSample,
                      Statistics statistics) {
    }

    /** A sweep, best first by {@code rank_by} (in sample when there is a split date). */
    record Sweep(String rankBy, String strategy, LocalDate splitDate, int threads, List<SweepPoint> points) {
    }

    /** A sweep's answer. */
    record SweepResult(Sweep sweep) implements BacktestResponse {
    }

    /** A trade number and the equity after it. */
    record TradePoint(int trade, double value) {
    }

    /** A sizing rule's replay of the trades. */
    record SequenceStatistics(double totalReturn, double maxDrawdown, double hitRate, double finalEquity, int trades,
                              double averageFraction) {
    }

    /** The result with the sizes chosen against equal sizes of the same trades (the rule's average fraction). */
    record SizingAttributionOut(double chosenReturn, double equalSizeReturn, double fromSizing,
                                double averageFraction) {
    }

    /** A sizing rule over the trades. */
    record SequenceRun(String label, JsonNode rule, List<TradePoint> equityCurve, SequenceStatistics statistics,
                       SizingAttributionOut sizingAttribution, List<Double> fractions) {
    }

    /** One point of a sizing rule's sweep: its parameters and its figures before and after the split. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TradeSweepPoint(int rank, Map<String, JsonNode> parameters, SequenceStatistics inSample,
                           SequenceStatistics outOfSample, SequenceStatistics statistics) {
    }

    /** A sizing rule's sweep over closed trades, best first by {@code rank_by}. */
    record TradeSweep(String kind, String rankBy, String rule, LocalDate splitDate, int threads, int trades,
                      List<TradeSweepPoint> points) {
    }

    /** A sizing rule's sweep's answer. */
    record TradeSweepResult(TradeSweep sweep) implements BacktestResponse {
    }

    /** Sizing rules compared on the same closed trades. */
    record TradeSequence(String kind, int trades, List<SequenceRun> results) implements BacktestResponse {
    }
}
