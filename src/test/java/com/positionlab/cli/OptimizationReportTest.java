package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.ReportText;
import com.positionlab.service.Json;

/**
 * {@code report --kind optimization} and {@code --kind frontier} from what {@code optimize} and
 * {@code frontier} print: the PDF holds the performance, the weights (recomputed from the result), the
 * binding constraint, the frontier's portfolios and every input; the CSV's main table is the weights.
 */
class OptimizationReportTest {

    private static final String REQUEST = "{\"mu\": {\"LOW\": 0.05, \"MID\": 0.09, \"HIGH\": 0.14}, \"cov\": {\"tickers\": "
            + "[\"LOW\", \"MID\", \"HIGH\"], \"matrix\": [[0.01, 0.002, 0.001], [0.002, 0.04, 0.01], [0.001, 0.01, 0.09]]}"
            + ", \"constraints\": {\"weight_bounds\": [0, 0.5]}%s}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void anOptimisationReportHoldsThePerformanceWeightsBindingLimitAndInputs() throws Exception {
        Path request = Files.writeString(dir.resolve("r.json"), REQUEST.formatted(
                ", \"objective\": {\"method\": \"max_sharpe\", \"risk_free_rate\": 0.01}"));
        assertThat(run("optimize", request.toString())).as(err.toString()).isZero();
        JsonNode result = Json.mapper().readTree(out.toString());
        Path json = Files.writeString(dir.resolve("result.json"), out.toString());
        Path pdf = dir.resolve("opt.pdf");
        assertThat(run("report", "--kind", "optimization", "--in", json.toString(), "--out", pdf.toString()))
                .as(err.toString()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Optimisation (max_sharpe)", "Weights, largest first", "Binding constraints",
                    "Solver", "objective.risk_free_rate", "constraints.weight_bounds", "Page 1 of");
            for (String t : new String[] {"LOW", "MID", "HIGH"}) {
                assertThat(text).contains(t + " " + ReportText.percent(result.at("/weights/" + t).asDouble()));
            }
            assertThat(text).contains(ReportText.percent(result.at("/performance/expected_return").asDouble()));
        }
        Path csv = dir.resolve("opt.csv");
        assertThat(run("report", "--kind", "optimization", "--in", json.toString(), "--out", csv.toString())).isZero();
        assertThat(Files.readAllLines(csv).get(0)).startsWith("Ticker,Weight");
        assertThat(Files.readAllLines(csv)).hasSize(4);
    }

    @Test
    void aFrontierReportHoldsTheCurveItsPortfoliosAndTurningPoints() throws Exception {
        Path request = Files.writeString(dir.resolve("f.json"), REQUEST.formatted(""));
        assertThat(run("frontier", request.toString(), "--points", "9")).as(err.toString()).isZero();
        JsonNode result = Json.mapper().readTree(out.toString());
        Path json = Files.writeString(dir.resolve("frontier.json"), out.toString());
        Path pdf = dir.resolve("frontier.pdf");
        assertThat(run("report", "--kind", "frontier", "--in", json.toString(), "--out", pdf.toString()))
                .as(err.toString()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Efficient frontier: 9 portfolios", "Expected return against volatility",
                    "Minimum volatility", "Maximum Sharpe ratio", "Turning points", "Volatility (annual)");
            assertThat(text).contains(ReportText.percent(result.at("/max_sharpe/expected_return").asDouble()));
        }
    }

    @Test
    void aFrontierReportStatesTheEsgAndTurnoverTradeOffs() throws Exception {
        Path request = Files.writeString(dir.resolve("f.json"), REQUEST.replace("[0, 0.5]}%s}", "[0, 0.5], "
                + "\"current_weights\": {\"LOW\": 0.5, \"MID\": 0.5, \"HIGH\": 0}, \"esg_scores\": {\"LOW\": 70, "
                + "\"MID\": 40, \"HIGH\": 20}}, \"pareto_levels\": 3}"));
        assertThat(run("frontier", request.toString(), "--points", "5")).as(err.toString()).isZero();
        JsonNode result = Json.mapper().readTree(out.toString());
        assertThat(result.at("/turnover_pareto/points").size()).isEqualTo(3);
        Path json = Files.writeString(dir.resolve("frontier.json"), out.toString());
        Path pdf = dir.resolve("frontier.pdf");
        assertThat(run("report", "--kind", "frontier", "--in", json.toString(), "--out", pdf.toString()))
                .as(err.toString()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("ESG score against Sharpe ratio", "Turnover against Sharpe ratio",
                    "Allowing turnover from 0.0% to", "Turnover limit");
        }
    }
}
