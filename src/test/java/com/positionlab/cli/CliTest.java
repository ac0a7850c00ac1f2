package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The demo and portfolio commands, help on every command, and one-line errors with exit codes. */
class CliTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private String fileDb() {
        return "jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath();
    }

    @Test
    void demoCreatesTheWorkspaceAndPortfolioPrintsItConsistently() throws Exception {
        assertThat(run("demo", "--db", fileDb())).isZero();
        JsonNode demo = Json.mapper().readTree(out.toString());
        assertThat(demo.get("workspace").asText()).isEqualTo("demo");
        assertThat(demo.get("instruments").asInt()).isEqualTo(30);
        assertThat(demo.get("prices").asInt()).isEqualTo(30 * 1320);
        assertThat(demo.get("strategies").asInt()).isEqualTo(3);
        assertThat(demo.get("trades").asInt()).isEqualTo(260 + 320 + 230);
        assertThat(dir.resolve("ws.backup.zip")).exists();

        assertThat(run("portfolio", "--db", fileDb())).isZero();
        JsonNode p = Json.mapper().readTree(out.toString());
        assertThat(p.get("demo_data").asBoolean()).isTrue();
        assertThat(p.get("total_value").decimalValue()).isEqualByComparingTo("1000000.00");
        JsonNode holdings = p.get("holdings");
        assertThat(holdings).hasSize(15);
        double weights = p.get("cash_weight").asDouble();
        double values = p.get("cash").asDouble();
        for (JsonNode h : holdings) {
            weights += h.get("weight").asDouble();
            values += h.get("market_value").asDouble();
            assertThat(h.get("market_value").asDouble()).isCloseTo(
                    h.get("quantity").asDouble() * h.get("last_price").asDouble(), within(0.005));
            assertThat(h.get("annualised_volatility").asDouble()).isBetween(0.05, 0.8);
            assertThat(h.get("quantity").asText()).doesNotContain("E");
            // The demo bought a quarter ago: cost basis = quantity x average cost, P&L = value - cost basis.
            assertThat(h.get("cost_basis").asDouble()).isCloseTo(
                    h.get("quantity").asDouble() * h.get("average_cost").asDouble(), within(0.005));
            assertThat(h.get("unrealised_pnl").asDouble()).isCloseTo(
                    h.get("market_value").asDouble() - h.get("cost_basis").asDouble(), within(1e-6));
            assertThat(h.get("day_change").asDouble()).isBetween(-0.5, 0.5);
        }
        assertThat(weights).isCloseTo(1.0, within(1e-9));
        assertThat(values).isCloseTo(1_000_000.0, within(0.01));
    }

    @Test
    void emptyWorkspaceHasOneEmptyPortfolio() throws Exception {
        assertThat(run("demo", "--empty", "--db", fileDb())).isZero();
        assertThat(Json.mapper().readTree(out.toString()).get("instruments").asInt()).isZero();
        assertThat(run("portfolio", "--db", fileDb())).isZero();
        JsonNode p = Json.mapper().readTree(out.toString());
        assertThat(p.get("holdings")).isEmpty();
        assertThat(p.get("demo_data").asBoolean()).isFalse();
    }

    /** Every subcommand picocli knows of, so that a new command cannot ship without help. */
    static Stream<String> commands() {
        return new CommandLine(new PositionLabCommand()).getSubcommands().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelp(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: positionlab " + command);
        assertThat(out.toString()).contains("-h, --help");
    }

    @Test
    void topLevelHelpListsTheWorkstationsOwnOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("positionlab [--db URL] [--theme light|dark]")
                .contains("--db URL").contains("--theme light|dark");
    }

    @Test
    void theCommandListIsTheOneTheReadmeDocuments() {
        assertThat(commands()).contains("demo", "portfolio", "import", "kelly", "simulate", "edge", "size", "risk",
                "events", "serve", "screenshot");
    }

    @Test
    void edgePrintsEveryStrategyAndNamesBadOptions() throws Exception {
        assertThat(run("demo", "--db", fileDb())).isZero();
        assertThat(run("edge", "--db", fileDb())).isZero();
        JsonNode edges = Json.mapper().readTree(out.toString());
        assertThat(edges).hasSize(3);
        for (JsonNode e : edges) {
            assertThat(e.get("all").get("trades").asInt()).isGreaterThanOrEqualTo(200);
            assertThat(e.get("last_trades").get("trades").asInt()).isEqualTo(20);
        }
        assertThat(run("edge", "--db", fileDb(), "--strategy", "TREND")).isZero();
        assertThat(Json.mapper().readTree(out.toString()).get(0).get("all").get("kelly").asDouble()).isPositive();
        assertThat(run("edge", "--db", fileDb(), "--last-trades", "0")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --last-trades: must be at least 1, got 0");
        assertThat(run("edge", "--db", fileDb(), "--strategy", "NOPE")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --strategy: \"NOPE\" does not exist");
    }

    @Test
    void unknownCommandIsOneLineAndExitTwo() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("error: ").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void nonH2DatabaseIsRefusedNamingTheOption() {
        assertThat(run("portfolio", "--db", "jdbc:postgresql://localhost/x")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(
                "error: --db: 'jdbc:postgresql://localhost/x' is not an H2 URL; give jdbc:h2:file:PATH, "
                        + "jdbc:h2:mem:NAME or a file path");
    }

    @Test
    void unknownPortfolioIsRefusedNamingTheOption() {
        assertThat(run("demo", "--db", fileDb())).isZero();
        assertThat(run("portfolio", "--db", fileDb(), "--portfolio", "nope")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --portfolio: \"nope\" does not exist");
    }

    @Test
    void unknownViewIsRefusedBeforeAnythingStarts() {
        assertThat(run("screenshot", "--view", "frontier", "--out", dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --view: unknown view \"frontier\"; one of: "
                + String.join(", ", java.util.Arrays.stream(com.positionlab.ui.shell.Page.values())
                        .map(p -> p.name().toLowerCase()).toList()));
        assertThat(run("screenshot", "--view", "data")).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
        assertThat(List.of(err.toString().strip().split("\n"))).hasSize(1);
    }

    @Test
    void anOptionValueOfAMegabyteComesBackCutOnOneLine() {
        String huge = "9".repeat(1_000_000) + "x\nsecond line\u001b[31m";
        assertThat(run("portfolio", "--bogus=" + huge)).isEqualTo(Cli.INVALID_INPUT);
        String line = err.toString().strip();
        assertThat(line).startsWith("error: ").contains("--bogus").contains("9".repeat(Cli.MAX_ECHOED_VALUE - 8) + "...")
                .doesNotContain("9".repeat(Cli.MAX_ECHOED_VALUE + 1)).doesNotContain("\u001b").doesNotContain("\n");
        assertThat(line.length()).isLessThan(Cli.MAX_ERROR_LINE + 100);

        assertThat(run("import", "--prices", dir.resolve("p".repeat(5_000)).toString(), "--db", fileDb()))
                .isEqualTo(Cli.INVALID_INPUT);
        assertThat(err.toString().strip()).startsWith("error: ").endsWith("...").hasSizeLessThan(Cli.MAX_ERROR_LINE + 20);
    }

    @Test
    void boundedEscapesControlCharactersAndCutsLongLines() {
        assertThat(Cli.bounded("bad 'a\tb' and \u0007")).isEqualTo("bad 'a\\tb' and \\u0007");
        assertThat(Cli.bounded("x".repeat(5_000))).hasSize(Cli.MAX_ERROR_LINE + 3).endsWith("...");
        assertThat(Cli.bounded("short 'value' stays")).isEqualTo("short 'value' stays");
    }
}
