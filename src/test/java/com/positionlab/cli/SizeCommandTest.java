package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.Json;

/** {@code size} and {@code events}: JSON in and out, one-line errors with exit code 2, the outbox as JSON Lines. */
class SizeCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private Path write(String name, String json) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    private static String history(int days, double drift) {
        StringBuilder sb = new StringBuilder("[");
        for (int t = 0; t < days; t++) {
            sb.append(t == 0 ? "" : ",").append(drift + 0.01 * Math.sin(t * (1 + drift * 100)));
        }
        return sb.append(']').toString();
    }

    @Test
    void sizesASelfContainedRequestWithoutAWorkspace() throws Exception {
        Path req = write("req.json", """
                {"trading_decision": {"instrument_id": "NEW", "direction": "LONG", "entry_price": 20, "stop_price": 19},
                 "portfolio_state": {"cash": 100000, "holdings": [{"instrument_id": "OLD", "quantity": 1000,
                   "price": 50, "sector": "Tech"}],
                   "return_history": {"OLD": %s, "NEW": %s}},
                 "sizing_parameters": {"sizing_method": "FIXED_RISK", "risk_per_trade": 0.01, "max_position_size": 1}}
                """.formatted(history(100, 0.001), history(100, 0.002)));
        assertThat(run("size", req.toString(), "--all-methods")).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        // Equity 150,000; 1% = 1,500 at 1 per unit to the stop = 1,500 units.
        assertThat(r.at("/optimal_position/recommended_size").decimalValue()).isEqualByComparingTo("1500");
        assertThat(r.at("/optimal_position/recommended_notional").decimalValue()).isEqualByComparingTo("30000.00");
        assertThat(r.get("comparison")).hasSize(7);
        assertThat(r.at("/risk_metrics/horizon_scaling").asText()).isEqualTo("square root of time");
    }

    @Test
    void badRequestsGiveOneLineNamingTheFieldAndExitTwo() throws Exception {
        Path bad = write("bad.json", "{\"trading_decision\": {\"instrument_id\": \"X\", \"direction\": \"UP\"}}");
        assertThat(run("size", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: trading_decision.direction: expected one of LONG, SHORT")
                .hasLineCount(1);
        Path missing = write("missing.json", """
                {"trading_decision": {"direction": "LONG", "entry_price": -3},
                 "portfolio_state": {"cash": 1000, "return_history": {}}}""");
        assertThat(run("size", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("trading_decision.instrument_id: is required")
                .contains("trading_decision.entry_price").hasLineCount(1);
        assertThat(run("size", dir.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void aFieldOfTheWrongTypeIsReportedWithTheRequestsOtherProblems() throws Exception {
        Path bad = write("both.json", """
                {"trading_decision": {"instrument_id": "NEW", "direction": "LONG", "entry_price": "cheap",
                                      "stop_price": -1},
                 "portfolio_state": {"cash": 1000, "return_history": {"NEW": %s}}}""".formatted(history(60, 0.001)));
        assertThat(run("size", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: trading_decision.entry_price: expected a number")
                .contains("trading_decision.stop_price").hasLineCount(1);
    }

    @Test
    void sizingsInAWorkspaceAreExportedAsJsonLines() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath();
        assertThat(run("demo", "--db", db)).isZero();
        Path req = write("req.json", """
                {"trading_decision": {"decision_id": "cli-1", "instrument_id": "SEMI", "direction": "LONG",
                  "entry_price": 52.5, "expected_return": 0.12}}""");
        assertThat(run("size", req.toString(), "--db", db)).isZero();
        assertThat(run("size", req.toString(), "--db", db)).isZero();
        Path lines = dir.resolve("events.jsonl");
        assertThat(run("events", "--db", db, "--out", lines.toString())).isZero();
        var all = Files.readAllLines(lines);
        assertThat(all).hasSize(2);
        for (String line : all) {
            JsonNode e = Json.mapper().readTree(line);
            assertThat(e.get("event_type").asText()).isEqualTo("position_sized");
            assertThat(e.get("decision_id").asText()).isEqualTo("cli-1");
            assertThat(e.at("/optimal_position/instrument_id").asText()).isEqualTo("SEMI");
        }
    }
}
