package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import com.positionlab.service.Json;

/**
 * The {@code attribution} command: Bacon's Brinson-Fachler example (table 5.3) printed as the contract's JSON
 * and reported by {@code report --kind backtest}, and bad requests that exit 2 with one line naming the field.
 */
class AttributionCommandTest {

    private static final String BACON_TABLE_5_3 = "{\"portfolio_weights\": {\"UK\": 0.4, \"Japan\": 0.3, \"US\": 0.3},"
            + " \"benchmark_weights\": {\"UK\": 0.4, \"Japan\": 0.2, \"US\": 0.4},"
            + " \"portfolio_returns\": {\"UK\": 0.20, \"Japan\": -0.05, \"US\": 0.06},"
            + " \"benchmark_returns\": {\"UK\": 0.10, \"Japan\": -0.04, \"US\": 0.08}}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int attribution(String json) throws Exception {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Path f = Files.writeString(dir.resolve("request.json"), json);
        return Cli.run(new String[] {"attribution", f.toString()}, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void baconTable53IsPrintedAsTheContractsJson() throws Exception {
        assertThat(attribution(BACON_TABLE_5_3)).as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        assertThat(r.get("sectors")).hasSize(3);
        assertThat(r.at("/sectors/0/sector").asText()).isEqualTo("UK");
        assertThat(r.at("/sectors/1/allocation").asDouble()).isCloseTo(-0.0104, within(1e-12));
        assertThat(r.at("/sectors/2/selection").asDouble()).isCloseTo(-0.008, within(1e-12));
        assertThat(r.at("/sectors/0/total").asDouble()).isCloseTo(0.04, within(1e-12));
        assertThat(r.at("/selection").asDouble()).isCloseTo(0.03, within(1e-12));
        assertThat(r.at("/interaction").asDouble()).isCloseTo(0.001, within(1e-12));
        assertThat(r.at("/active_return").asDouble()).isCloseTo(0.019, within(1e-12));
        assertThat(r.at("/portfolio_return").asDouble()).isCloseTo(0.083, within(1e-12));
        assertThat(r.at("/benchmark_return").asDouble()).isCloseTo(0.064, within(1e-12));
    }

    @Test
    void whatItPrintsIsReportedAsABacktestReport() throws Exception {
        assertThat(attribution(BACON_TABLE_5_3)).as(err.toString()).isZero();
        Path result = Files.writeString(dir.resolve("attribution.json"), out.toString());
        Path pdf = dir.resolve("attribution.pdf");
        assertThat(Cli.run(new String[] {"report", "--kind", "backtest", "--in", result.toString(), "--out",
                pdf.toString()}, new PrintWriter(out), new PrintWriter(err))).as(err.toString()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Attribution: 1.90% active return",
                    "Allocation effect by sector", "Japan", "-1.04%");
        }
    }

    @Test
    void badRequestsExitTwoNamingTheField() throws Exception {
        assertThat(attribution(BACON_TABLE_5_3.replace("\"UK\": 0.4, \"Japan\": 0.3", "\"UK\": 0.5, \"Japan\": 0.3")))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("error: portfolio_weights: must sum to 1");
        assertThat(attribution(BACON_TABLE_5_3.replace("\"Japan\": -0.05", "\"Japan\": -1.5"))).isEqualTo(2);
        assertThat(err.toString()).contains("portfolio_returns.Japan");
        assertThat(attribution(BACON_TABLE_5_3.replace(", \"US\": 0.08}", "}"))).isEqualTo(2);
        assertThat(err.toString()).contains("benchmark_returns.US: is required");
        assertThat(attribution("{\"portfolio_weights\": {\"A\": 1}}")).isEqualTo(2);
        assertThat(err.toString()).contains("benchmark_weights");
        assertThat(err.toString().lines().count()).isEqualTo(1);
    }
}
