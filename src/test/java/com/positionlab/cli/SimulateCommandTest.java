package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.engine.kelly.Kelly;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.kelly.SimulationRequest;
import com.positionlab.service.kelly.SimulationResponse;
import com.positionlab.service.kelly.SimulationService;

/** The {@code simulate} command: the JSON fields, exact answers beside the simulation, thread invariance. */
class SimulateCommandTest {

    private static final String REQUEST = "{\"win_probability\": 0.55, \"win_loss_ratio\": 1.0, "
            + "\"fractions\": [0.05, 0.1, 0.2], \"bets\": 200, \"paths\": 4000, \"initial_capital\": 10000, "
            + "\"ruin_level\": 0.5, \"target_multiple\": 2, \"seed\": 11}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int simulate(String json, String... extra) throws Exception {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Path f = Files.writeString(dir.resolve("sim.json"), json);
        String[] args = new String[2 + extra.length];
        args[0] = "simulate";
        args[1] = f.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void wealthThatOverflowsADoubleIsInfiniteInTheEngineNullInJsonAndFiniteInLogTerms() throws Exception {
        // p 0.9, b 10, f 0.9 over 2,000 bets: ln W_T is about 2000 (0.9 ln 10 + 0.1 ln 0.1) = 3,684, far beyond
        // the largest double (e^709.8).
        String json = "{\"win_probability\": 0.9, \"win_loss_ratio\": 10, \"fractions\": [0.9], \"bets\": 2000, "
                + "\"paths\": 500, \"initial_capital\": 1, \"ruin_level\": 0.5, \"target_multiple\": 2, \"seed\": 3}";
        SimulationResponse.FractionJson engine = new SimulationService().simulate(Json.mapper().readValue(json,
                SimulationRequest.class), 1, Progress.NONE).fractions().get(0);
        assertThat(engine.meanTerminalWealth()).as("+infinity, not NaN").isEqualTo(Double.POSITIVE_INFINITY);

        assertThat(simulate(json)).isZero();
        assertThat(out.toString()).doesNotContain("Infinity").doesNotContain("NaN");
        JsonNode f = Json.mapper().readTree(out.toString()).get("fractions").get(0);
        assertThat(f.get("mean_terminal_wealth").isNull()).isTrue();
        assertThat(f.get("terminal_wealth_percentiles").get("p50").isNull()).isTrue();
        // The median number of wins is within a few standard deviations (sqrt(2000 x 0.09) = 13.4 wins, each
        // worth ln 10 - ln 0.1 = 4.6 in log wealth) of 1,800.
        double perWin = Math.log(10) - Math.log(0.1);
        double expected = 2000 * (0.9 * Math.log(10) + 0.1 * Math.log(0.1));
        assertThat(f.get("terminal_log_wealth_percentiles").get("p50").asDouble())
                .isCloseTo(expected, within(5 * 13.4 * perWin));
        assertThat(f.get("mean_log_growth").asDouble()).isCloseTo(expected / 2000, within(5 * 13.4 * perWin / 2000));
    }

    @Test
    void resultsHaveTheContractFieldsAndAgreeWithTheExactLattice() throws Exception {
        assertThat(simulate(REQUEST)).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        assertThat(r.get("fractions")).hasSize(3);
        double fStar = Kelly.discrete(0.55, 1.0);
        for (JsonNode f : r.get("fractions")) {
            for (String field : new String[] {"fraction", "kelly_multiple", "terminal_wealth_percentiles",
                    "mean_log_growth", "mean_log_growth_se", "probability_of_ruin", "probability_of_target",
                    "max_drawdown_median", "max_drawdown_p95", "bands", "sample_paths", "exact_probability_of_ruin",
                    "exact_terminal_wealth_percentiles", "terminal_wealth_histogram", "max_drawdown_histogram"}) {
                assertThat(f.has(field)).as(field).isTrue();
            }
            double fraction = f.get("fraction").asDouble();
            assertThat(f.get("kelly_multiple").asDouble()).isCloseTo(fraction / fStar, within(1e-9));
            double exactRuin = f.get("exact_probability_of_ruin").asDouble();
            double se = Math.sqrt(exactRuin * (1 - exactRuin) / 4000);
            assertThat(f.get("probability_of_ruin").asDouble()).isCloseTo(exactRuin, within(4 * se + 1e-9));
            double growthSe = f.get("mean_log_growth_se").asDouble();
            assertThat(f.get("mean_log_growth").asDouble()).isCloseTo(Kelly.logGrowth(0.55, 1.0, fraction),
                    within(4 * growthSe));
            assertThat(f.get("bands").size()).isBetween(2, 200);
            assertThat(f.get("sample_paths").size()).isBetween(1, 20);
        }
    }

    @Test
    void histogramsHaveOneMoreEdgeThanCountsAndCountEveryPath() throws Exception {
        assertThat(simulate(REQUEST)).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        for (JsonNode f : r.get("fractions")) {
            for (String field : new String[] {"terminal_wealth_histogram", "max_drawdown_histogram"}) {
                JsonNode h = f.get(field);
                assertThat(h.get("edges").size()).as(field).isEqualTo(h.get("counts").size() + 1);
                long total = 0;
                for (JsonNode c : h.get("counts")) {
                    total += c.asLong();
                }
                assertThat(total).as(field).isEqualTo(4000);
            }
            assertThat(f.get("max_drawdown_histogram").get("edges").get(0).asDouble()).isZero();
        }
    }

    @Test
    void sameSeedGivesTheSameJsonWhateverTheThreadCount() throws Exception {
        assertThat(simulate(REQUEST, "--threads", "1")).isZero();
        ObjectNode one = (ObjectNode) Json.mapper().readTree(out.toString());
        assertThat(simulate(REQUEST, "--threads", "4")).isZero();
        ObjectNode four = (ObjectNode) Json.mapper().readTree(out.toString());
        one.remove("processing_time_ms");
        four.remove("processing_time_ms");
        assertThat(four).isEqualTo(one);
    }

    @Test
    void invalidRequestsNameTheField() throws Exception {
        assertThat(simulate("{\"win_probability\": 0.55, \"win_loss_ratio\": 1, \"fractions\": [1.5]}")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: fractions: each must be in (0, 1), got 1.5");
        assertThat(simulate("{\"win_probability\": 0.55, \"win_loss_ratio\": 1}")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("error: fractions: is required");
        assertThat(simulate("{\"win_probability\": 0.55, \"fractions\": [0.1]}")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: win_loss_ratio: is required with win_probability");
        assertThat(simulate("{\"win_probability\": 0.55, \"win_loss_ratio\": 1, \"fractions\": [0.1], \"paths\": 0}"))
                .isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("error: paths: ");
        assertThat(simulate(REQUEST, "--threads", "0")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --threads: must be between 1 and 256, got 0");
    }
}
