package com.positionlab.report.kinds;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.Report;

/**
 * The kinds of result that can be reported, each read from what its command prints (the same JSON the API
 * answers and the views hold), and the report model built from it.
 */
public enum ReportKind {
    SIZING("sizing", "a sizing, as `size` prints it (with --all-methods, every method compared)"),
    KELLY("kelly", "a Kelly calculation, as `kelly` prints it (with its simulation: --simulation FILE)"),
    SIMULATION("simulation", "growth paths of betting fractions, as `simulate` prints them"),
    EDGE("edge", "each strategy's edge from its trades, as `edge` prints it"),
    PORTFOLIO("portfolio", "a portfolio's holdings, as `portfolio` prints them"),
    HISTORY("history", "every sizing accepted between two dates (--from, --to), read from the workspace"),
    OPTIMIZATION("optimization", "an optimised portfolio, as `optimize` prints it"),
    FRONTIER("frontier", "an efficient frontier, as `frontier` prints it"),
    BACKTEST("backtest", "a backtest (one strategy, several side by side, a parameter sweep or a trade sequence), "
            + "as `backtest` prints it, or an attribution, as `attribution` prints it");

    private final String id;
    private final String description;

    ReportKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /**
     * The kind named {@code id} (as in {@code report --kind}).
     *
     * @throws IllegalArgumentException listing the kinds when none is called so
     */
    public static ReportKind of(String id) {
        for (ReportKind k : values()) {
            if (k.id.equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("must be one of sizing, kelly, simulation, edge, portfolio, history, "
                + "optimization, frontier, backtest");
    }

    /**
     * The report of {@code result}.
     *
     * @throws IllegalArgumentException saying what is missing when {@code result} is not what this kind's
     *                                  command prints
     */
    public Report build(JsonNode result, ReportContext context) {
        return switch (this) {
            case SIZING -> SizingReport.build(result, context);
            case KELLY -> KellyReport.build(result, context);
            case SIMULATION -> SimulationReport.build(result, context);
            case EDGE -> EdgeReport.build(result, context);
            case PORTFOLIO -> PortfolioReport.build(result, context);
            case HISTORY -> HistoryReport.build(result, context);
            case OPTIMIZATION -> OptimizationReport.build(result, context);
            case FRONTIER -> FrontierReport.build(result, context);
            case BACKTEST -> BacktestReport.build(result, context);
        };
    }

    /** Refuses a result without {@code field}, naming the command whose output was expected. */
    static void require(JsonNode result, String field, String command) {
        if (result == null || !result.isObject() || !result.has(field)) {
            throw new IllegalArgumentException("is not what `" + command + "` prints: it has no \"" + field + "\"");
        }
    }
}
