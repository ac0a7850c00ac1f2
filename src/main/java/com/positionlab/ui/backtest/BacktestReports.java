package com.positionlab.ui.backtest;

import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.Report;
import com.positionlab.report.kinds.ReportContext;
import com.positionlab.report.kinds.ReportKind;
import com.positionlab.service.Json;

/** A backtest answer (a run, a comparison, a sweep, sizing rules) as the report layer's backtest kind. */
final class BacktestReports {

    private BacktestReports() {
    }

    static Function<ReportContext, Report> of(JsonNode json) {
        return context -> ReportKind.BACKTEST.build(json, context);
    }

    static Function<ReportContext, Report> of(Object response) {
        return of((JsonNode) Json.mapper().valueToTree(response));
    }
}
