package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code kelly} command: the seed's response for valid requests, one line naming the field otherwise. */
class KellyCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int kelly(String json) throws Exception {
        Path f = Files.writeString(dir.resolve("request.json"), json);
        return Cli.run(new String[] {"kelly", f.toString()}, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void discreteRequestGivesKellyAdjustedKellyIntervalAndSensitivity() throws Exception {
        assertThat(kelly("{\"win_probability\": 0.55, \"average_win\": 150, \"average_loss\": 100, "
                + "\"sample_size\": 200, \"kelly_multiplier\": 0.5}")).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        assertThat(r.get("kelly_fraction").asDouble()).isCloseTo(0.25, within(1e-12));
        assertThat(r.get("adjusted_kelly").asDouble()).isCloseTo(0.125, within(1e-12));
        assertThat(r.get("method").asText()).isEqualTo("discrete");
        JsonNode ci = r.get("confidence_interval");
        assertThat(ci.get("confidence_level").asDouble()).isEqualTo(0.95);
        assertThat(ci.get("lower_bound").asDouble()).isLessThan(0.25);
        assertThat(ci.get("upper_bound").asDouble()).isGreaterThan(0.25);
        JsonNode s = r.get("sensitivity_analysis");
        // The output has ten significant digits: a relative error below 5e-10.
        assertThat(s.get("d_kelly_d_win_probability").asDouble()).isCloseTo(1 + 1 / 1.5, within(1e-9));
        assertThat(s.get("d_kelly_d_payoff").asDouble()).isCloseTo(0.45 / 2.25, within(1e-9));
        assertThat(s.get("growth_table")).hasSize(6);
        assertThat(r.has("weights")).isFalse();
        assertThat(r.get("processing_time_ms").asDouble()).isNotNegative();
    }

    @Test
    void continuousAndMultiAssetRequests() throws Exception {
        assertThat(kelly("{\"expected_return\": 0.08, \"portfolio_volatility\": 0.2}")).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        assertThat(r.get("kelly_fraction").asDouble()).isCloseTo(2.0, within(1e-12));
        assertThat(r.get("adjusted_kelly").asDouble()).isCloseTo(0.125, within(1e-12));
        out.getBuffer().setLength(0);
        assertThat(kelly("{\"expected_returns\": [0.1, 0.05], \"volatilities\": [0.2, 0.1], "
                + "\"correlation_matrix\": [[1, 0], [0, 1]]}")).isZero();
        JsonNode m = Json.mapper().readTree(out.toString());
        assertThat(m.get("method").asText()).isEqualTo("multi_asset");
        assertThat(m.get("weights").get(1).asDouble() / m.get("weights").get(0).asDouble()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void withADatabaseEveryCalculationIsStored() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath();
        Path f = Files.writeString(dir.resolve("r.json"),
                "{\"win_probability\": 0.6, \"average_win\": 1, \"average_loss\": 1, \"sample_size\": 100}");
        for (int i = 0; i < 2; i++) {
            assertThat(Cli.run(new String[] {"kelly", f.toString(), "--db", url}, new PrintWriter(out),
                    new PrintWriter(err))).isZero();
        }
        try (var db = com.positionlab.store.Database.open(url)) {
            var stored = new com.positionlab.store.Store(db).kellyCalculations().recent(10);
            assertThat(stored).hasSize(2).allSatisfy(c -> {
                assertThat(c.kellyFraction()).isCloseTo(0.2, within(1e-12));
                assertThat(c.adjustedKelly()).isCloseTo(0.05, within(1e-12));
                assertThat(c.sampleSize()).isEqualTo(100);
                assertThat(c.confidenceLower()).isLessThan(0.2);
                assertThat(c.requestJson()).contains("\"win_probability\"");
                assertThat(Json.mapper().readTree(c.responseJson()).get("kelly_fraction").asDouble())
                        .isCloseTo(0.2, within(1e-12));
                assertThat(c.createdAt()).isNotNull();
            });
        }
    }

    @Test
    void negativeEdgeSizesToZero() throws Exception {
        assertThat(kelly("{\"win_probability\": 0.4, \"average_win\": 100, \"average_loss\": 100}")).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        assertThat(r.get("kelly_fraction").asDouble()).isCloseTo(-0.2, within(1e-12));
        assertThat(r.get("adjusted_kelly").asDouble()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"win_probability\": 1.2, \"average_win\": 1, \"average_loss\": 1}|win_probability: must be in [0, 1], got 1.2",
            "{\"win_probability\": 0.5, \"average_win\": 1, \"average_loss\": 0}|average_loss: must be positive, got 0",
            "{\"win_probability\": 0.5, \"average_win\": 1}|average_loss: is required with win_probability",
            "{\"win_probability\": \"high\", \"average_win\": 1, \"average_loss\": 1}|win_probability: expected a number, got \"high\"",
            "{\"win_prob\": 0.5}|win_prob: is not a field of this request",
            "{\"win_probability\": 0.5, \"average_win\": 1, \"average_loss\": 1, \"kelly_multiplier\": 3}|kelly_multiplier: must be in [0, 2], got 3",
            "{\"win_probability\": 0.5, \"average_win\": 1, \"average_loss\": 1, \"sample_size\": 0}|sample_size: must be at least 1, got 0",
            "{}|win_probability: is required",
            "[1, 2]|request: expected a JSON object"})
    void invalidRequestsExitTwoWithOneLineNamingTheField(String json, String message) throws Exception {
        assertThat(kelly(json)).isEqualTo(2);
        String line = err.toString().strip();
        assertThat(line).startsWith("error: " + message).doesNotContain("\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void malformedJsonAndMissingFileAreOneLineErrors() throws Exception {
        assertThat(kelly("{oops")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("error: request: malformed JSON at line 1").doesNotContain("\n");
        err.getBuffer().setLength(0);
        assertThat(Cli.run(new String[] {"kelly", dir.resolve("none.json").toString()}, new PrintWriter(out),
                new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString().strip()).endsWith("none.json: no such file");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceTypeErrorsAndRangesTogether() throws Exception {
        assertThat(kelly("{\"win_probability\": 1.2, \"average_win\": \"lots\", \"average_loss\": 1, "
                + "\"kelly_multiplier\": 5}")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: average_win: expected a number, got \"lots\" (and 2 "
                + "more: win_probability: must be in [0, 1], got 1.2; kelly_multiplier: must be in [0, 2], got 5)");
    }

    @Test
    void aWholeNumberFieldGivenAFractionIsAnErrorNotTruncated() throws Exception {
        assertThat(kelly("{\"win_probability\": 0.5, \"average_win\": 1, \"average_loss\": 1, "
                + "\"sample_size\": 1.5}")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: sample_size: expected a whole number, got \"1.5\"");
    }

    @Test
    void malformedJsonIsReportedWithoutTheLibrarysInternals() throws Exception {
        assertThat(kelly("[1, 2")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: request: malformed JSON at line 1, column 6: Unexpected "
                + "end-of-input: expected close marker for Array (start marker at line 1, column 1)");
        err.getBuffer().setLength(0);
        assertThat(kelly("{\"a\": 1,, }")).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("code 44").doesNotContain("Source").contains("Unexpected character (',')");
        err.getBuffer().setLength(0);
        assertThat(kelly("{\"win_probability\": 0.5} {}")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: request: malformed JSON at line 1, column 27: more follows "
                + "the JSON value");
    }

    @Test
    void theOutputIsRoundedToTenSignificantDigitsLikeSize() throws Exception {
        // 0.55 - 0.45 / 1.5 is 0.25000000000000006 in doubles.
        assertThat(kelly("{\"win_probability\": 0.55, \"average_win\": 150, \"average_loss\": 100}")).isZero();
        assertThat(out.toString()).contains("\"kelly_fraction\" : 0.25,").contains("\"adjusted_kelly\" : 0.0625,");
    }
}
