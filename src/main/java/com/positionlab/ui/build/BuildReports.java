package com.positionlab.ui.build;

import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.service.build.BuildResult;
import com.positionlab.service.build.Selection;
import com.positionlab.service.optimize.AllocateResponse;
import com.positionlab.report.Report;
import com.positionlab.report.kinds.ReportContext;
import com.positionlab.report.kinds.ReportKind;
import com.positionlab.ui.common.ReportButton;

/**
 * A build's selection as the JSON an {@code optimize} answer has, so it reports through the same kind, with the
 * compared portfolios and, once rounded, the trades.
 */
final class BuildReports {

    private BuildReports() {
    }

    /** The model's selection as an optimisation report (weights, figures, binding limits, trades, the setup). */
    static Function<ReportContext, Report> selection(BuildViewModel m) {
        JsonNode json = selection(m.resultProperty().get(), m.selectionProperty().get(), m.tradesProperty().get(),
                java.util.List.copyOf(m.compared()));
        return context -> ReportKind.OPTIMIZATION.build(json, context);
    }

    /** The model's frontier as a frontier report (the chart, the portfolios along it, the setup). */
    static Function<ReportContext, Report> frontier(BuildViewModel m) {
        JsonNode json = ReportButton.json(m.resultProperty().get().frontier());
        return context -> ReportKind.FRONTIER.build(json, context);
    }

    static JsonNode selection(BuildResult r, Selection s, AllocateResponse trades, java.util.List<Selection> compared) {
        ObjectNode n = com.positionlab.service.Json.mapper().createObjectNode();
        n.put("method", s.label());
        ObjectNode w = n.putObject("weights");
        ObjectNode shares = com.positionlab.service.Json.mapper().createObjectNode();
        for (int i = 0; i < r.tickers().size(); i++) {
            w.put(r.tickers().get(i), s.weights()[i]);
            shares.put(r.tickers().get(i), s.riskShares()[i]);
        }
        ObjectNode perf = n.putObject("performance");
        perf.put("expected_return", s.expectedReturn());
        perf.put("volatility", s.volatility());
        perf.put("sharpe_ratio", s.sharpeRatio());
        n.set("risk_contributions", shares);
        n.putObject("solver").put("name", r.frontier().solver().name()).put("iterations",
                r.frontier().solver().iterations()).put("status", "optimal").put("time_ms",
                r.frontier().solver().timeMs());
        n.set("binding_constraints", ReportButton.json(s.binding()));
        if (trades != null) {
            n.set("trades", ReportButton.json(trades.trades()));
        }
        com.fasterxml.jackson.databind.node.ArrayNode rows = n.putArray("compared");
        for (Selection c : compared) {
            rows.addObject().put("label", c.label()).put("expected_return", c.expectedReturn())
                    .put("volatility", c.volatility()).put("sharpe_ratio", c.sharpeRatio()).put("var95", c.var95())
                    .put("max_drawdown", c.maxDrawdown()).put("turnover", c.turnover());
        }
        n.set("request", ReportButton.json(r.setup()));
        return n;
    }
}
