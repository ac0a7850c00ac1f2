package com.positionlab.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.cli.GoldenRequests;
import com.positionlab.engine.kelly.EdgeConfig;
import com.positionlab.engine.task.Progress;
import com.positionlab.report.kinds.ReportContext;
import com.positionlab.service.Calculators;
import com.positionlab.service.Json;
import com.positionlab.service.JsonRequests;
import com.positionlab.service.Services;
import com.positionlab.service.kelly.KellyCalculationRequest;
import com.positionlab.service.kelly.SimulationRequest;
import com.positionlab.service.portfolio.PortfolioJson;
import com.positionlab.service.sizing.PositionSizingRequest;

/** Results as the services give them (and the commands print them), for the report tests. */
final class Results {

    static final Instant AT = Instant.parse("2026-12-03T10:15:30Z");

    private Results() {
    }

    static ReportContext context() {
        return new ReportContext(AT, "/data/trader/workspace", null);
    }

    static JsonNode tree(Object result) {
        return Json.mapper().valueToTree(result);
    }

    /** p = 0.55, b = 1.5 from 200 trades: f* = 0.55 - 0.45 / 1.5 = 0.25, sized at 0.25 x 0.25. */
    static JsonNode kelly() {
        return tree(Calculators.create().kelly().calculate(KellyCalculationRequest.discrete(0.55, 150, 100, 200)));
    }

    /** Three fractions of a 55% even-money bet, 2,000 paths of 100 bets, seed 42. */
    static JsonNode simulation() {
        return tree(Calculators.create().simulation().simulate(new SimulationRequest(0.55, 1.0, null,
                new double[] {0.05, 0.1, 0.2}, 100, 2000, null, 0.7, null, 42L, null, null), 1, Progress.NONE));
    }

    /** A long in NEW with its book and return history in the request, sized by every method. */
    static JsonNode sizingAllMethods() {
        String json = GoldenRequests.givenHistory("KELLY_CRITERION");
        PositionSizingRequest request = JsonRequests.read(new ByteArrayInputStream(json.getBytes(
                StandardCharsets.UTF_8)), PositionSizingRequest.class);
        return tree(Calculators.create().sizing().sizeAllMethods(request));
    }

    /** The demo workspace's portfolio and every strategy's edge, from a workspace made in {@code dir}. */
    static JsonNode[] portfolioAndEdge(Path dir) {
        try (Services s = Services.open("jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath(), Progress.NONE)) {
            s.workspace().createDemo(Progress.NONE);
            JsonNode portfolio = tree(PortfolioJson.of(s.portfolio().snapshot(s.portfolio().defaultPortfolio().id())));
            JsonNode edge = tree(s.edge().edges(null, EdgeConfig.defaults(), 100_000));
            return new JsonNode[] {portfolio, edge};
        }
    }

    static byte[] write(Report report, ReportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(report, out, Progress.NONE);
        return out.toByteArray();
    }
}
