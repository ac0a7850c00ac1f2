package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.engine.riskmodel.Garch11;
import com.positionlab.engine.riskmodel.GarchFit;
import com.positionlab.engine.riskmodel.HistoricalVar;
import com.positionlab.engine.riskmodel.MonteCarloVar;
import com.positionlab.engine.riskmodel.ParametricVar;
import com.positionlab.engine.riskmodel.VarEstimate;
import com.positionlab.service.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code risk} command: the contract's JSON fields for each model, figures equal to the engine's, horizon
 * scaling, tolerant CSV reading, and one-line exit-2 errors naming the option, the line or the column.
 */
class RiskCommandTest {

    private static final double EXACT = 1e-15;
    /** Sorted: -0.03, -0.02, -0.01, -0.005, 0, 0.005, 0.01, 0.015, 0.02, 0.025. */
    private static final double[] TEN = {0.01, -0.02, 0.015, -0.03, 0.005, -0.01, 0.02, 0.0, -0.005, 0.025};

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private JsonNode json() throws Exception {
        return Json.mapper().readTree(out.toString());
    }

    private String csv(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    private String returnsCsv(double... returns) throws Exception {
        StringBuilder s = new StringBuilder("date,close,return\n");
        for (int i = 0; i < returns.length; i++) {
            s.append("2024-01-").append(String.format("%02d", i + 1)).append(",100,").append(returns[i]).append('\n');
        }
        return csv("returns.csv", s.toString());
    }

    private String garchCsv() throws Exception {
        try (InputStream in = Garch11.class.getResourceAsStream("garch-1250.csv")) {
            Path f = dir.resolve("garch.csv");
            Files.write(f, in.readAllBytes());
            return f.toString();
        }
    }

    @Test
    void defaultsAreHistoricalVarAtNinetyFivePercentOverOneDay() throws Exception {
        assertThat(run("risk", "--returns", returnsCsv(TEN))).isZero();
        JsonNode r = json();
        List<String> fields = new ArrayList<>();
        r.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("model", "confidence_level", "horizon_days", "horizon_scaling",
                "observations", "var", "cvar");
        assertThat(r.get("model").asText()).isEqualTo("HISTORICAL_VAR");
        assertThat(r.get("confidence_level").asDouble()).isEqualTo(0.95);
        assertThat(r.get("horizon_days").asInt()).isEqualTo(1);
        assertThat(r.get("horizon_scaling").asText()).isEqualTo("square root of time");
        assertThat(r.get("observations").asInt()).isEqualTo(10);
        // h = 9 * 0.05 = 0.45: q = -0.03 + 0.45 * 0.01 = -0.0255; the tail is {-0.03}
        assertThat(r.get("var").asDouble()).isCloseTo(0.0255, within(EXACT));
        assertThat(r.get("cvar").asDouble()).isCloseTo(0.03, within(EXACT));
    }

    @Test
    void horizonScalesBySquareRootOfTime() throws Exception {
        assertThat(run("risk", "--returns", returnsCsv(TEN), "--confidence", "0.9", "--horizon", "4")).isZero();
        JsonNode r = json();
        assertThat(r.get("horizon_days").asInt()).isEqualTo(4);
        assertThat(r.get("var").asDouble()).isCloseTo(2 * 0.021, within(EXACT));
        assertThat(r.get("cvar").asDouble()).isCloseTo(2 * 0.03, within(EXACT));
    }

    @Test
    void readsTheReturnColumnInAnyCaseAndPlaceSkippingBlankLines() throws Exception {
        String f = csv("mixed.csv", "\uFEFF\"Note\",RETURN,Date\n\n\"a, b\",0.01,2024-01-02\n"
                + "x,-0.02,2024-01-03\r\n  \n\"q\",\"-0.005\",2024-01-04\n");
        assertThat(run("risk", "--returns", f, "--model", "parametric")).isZero();
        JsonNode r = json();
        assertThat(r.get("observations").asInt()).isEqualTo(3);
        VarEstimate v = ParametricVar.of(new double[] {0.01, -0.02, -0.005}, 0.95, false);
        assertThat(r.get("var").asDouble()).isCloseTo(v.var(), within(EXACT));
        assertThat(r.get("cvar").asDouble()).isCloseTo(v.cvar(), within(EXACT));
    }

    @Test
    void parametricWithCornishFisherIsTheEngineFigure() throws Exception {
        double[] r = Garch11.simulate(2e-6, 0.08, 0.9, 3e-4, 300, 2);
        assertThat(run("risk", "--returns", returnsCsv(r), "--model", "PARAMETRIC", "--cornish-fisher",
                "--confidence", "0.99")).isZero();
        VarEstimate v = ParametricVar.of(r, 0.99, true);
        assertThat(json().get("var").asDouble()).isCloseTo(v.var(), within(EXACT));
        assertThat(json().get("cvar").asDouble()).isCloseTo(v.cvar(), within(EXACT));
    }

    @Test
    void monteCarloIsSeededAndUsesTheScenarioCount() throws Exception {
        double[] r = Garch11.simulate(2e-6, 0.08, 0.9, 3e-4, 300, 3);
        String f = returnsCsv(r);
        assertThat(run("risk", "--returns", f, "--model", "monte-carlo", "--scenarios", "5000", "--seed", "7"))
                .isZero();
        JsonNode first = json();
        VarEstimate v = MonteCarloVar.of(r, 0.95, 5000, 7);
        assertThat(first.get("var").asDouble()).isCloseTo(v.var(), within(EXACT));
        assertThat(first.get("cvar").asDouble()).isCloseTo(v.cvar(), within(EXACT));
        assertThat(run("risk", "--returns", f, "--model", "MONTE_CARLO", "--scenarios", "5000", "--seed", "7"))
                .isZero();
        assertThat(json()).isEqualTo(first);
        assertThat(run("risk", "--returns", f, "--model", "MONTE_CARLO")).isZero();
        VarEstimate defaults = MonteCarloVar.of(r, 0.95, 10_000, 42);
        assertThat(json().get("var").asDouble()).isCloseTo(defaults.var(), within(EXACT));
    }

    @Test
    void garchPrintsTheFitAndUsesItsForecast() throws Exception {
        assertThat(run("risk", "--returns", garchCsv(), "--model", "GARCH", "--confidence", "0.99", "--horizon", "10"))
                .isZero();
        JsonNode r = json();
        assertThat(r.get("observations").asInt()).isEqualTo(1250);
        JsonNode g = r.get("garch");
        List<String> fields = new ArrayList<>();
        g.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("omega", "alpha", "beta", "mu", "log_likelihood", "forecast_volatility");
        // the reference fit of this series (see Garch11Test)
        assertThat(g.get("alpha").asDouble()).isCloseTo(0.0634104, within(1e-6));
        assertThat(g.get("beta").asDouble()).isCloseTo(0.9066653, within(1e-6));
        assertThat(g.get("log_likelihood").asDouble()).isCloseTo(4147.895708, within(1e-6));
        double sigma = g.get("forecast_volatility").asDouble();
        assertThat(sigma).isBetween(0.005, 0.02);
        VarEstimate oneDay = ParametricVar.normal(g.get("mu").asDouble(), sigma, 0.99);
        assertThat(r.get("var").asDouble()).isCloseTo(oneDay.var() * Math.sqrt(10), within(1e-15));
        assertThat(r.get("cvar").asDouble()).isCloseTo(oneDay.cvar() * Math.sqrt(10), within(1e-15));
        GarchFit fit = Garch11.fit(readReturns(garchCsv()));
        assertThat(sigma).isEqualTo(fit.forecastVolatility());
    }

    private static double[] readReturns(String file) throws Exception {
        return Files.readAllLines(Path.of(file)).stream().skip(1)
                .mapToDouble(line -> Double.parseDouble(line.split(",")[1])).toArray();
    }

    @Test
    void tooFewReturnsAreInvalidInput() throws Exception {
        assertThat(run("risk", "--returns", returnsCsv(0.01))).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --returns: " + dir.resolve("returns.csv")
                + ": need at least 2 returns for HISTORICAL_VAR, got 1");
        assertThat(run("risk", "--returns", returnsCsv(TEN), "--model", "GARCH")).isEqualTo(2);
        assertThat(err.toString().strip()).endsWith(": need at least 100 returns for GARCH, got 10");
    }

    @Test
    void badValuesNameTheLineAndTheColumn() throws Exception {
        String f = csv("bad.csv", "date,Return\n2024-01-02,0.01\n\n2024-01-04,abc\n");
        assertThat(run("risk", "--returns", f)).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --returns: " + f
                + ": line 4, column \"Return\": \"abc\" is not a number");
        String missing = csv("missing.csv", "return,date\n0.01,2024-01-02\n,2024-01-03\n");
        assertThat(run("risk", "--returns", missing)).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --returns: " + missing
                + ": line 3, column \"return\": missing return");
        String shortRow = csv("short.csv", "date,return\n2024-01-02,0.01\n2024-01-03\n");
        assertThat(run("risk", "--returns", shortRow)).isEqualTo(2);
        assertThat(err.toString()).contains("line 3, column \"return\": missing return");
        String nan = csv("nan.csv", "return\n0.01\nNaN\n");
        assertThat(run("risk", "--returns", nan)).isEqualTo(2);
        assertThat(err.toString()).contains("line 3, column \"return\": \"NaN\" is not a number");
    }

    @Test
    void fileWithoutAReturnColumnSaysSo() throws Exception {
        String f = csv("prices.csv", "date,close\n2024-01-02,100\n");
        assertThat(run("risk", "--returns", f)).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --returns: " + f
                + ": no \"return\" column in the header (it has: date, close)");
        String empty = csv("empty.csv", "\n\n");
        assertThat(run("risk", "--returns", empty)).isEqualTo(2);
        assertThat(err.toString()).contains("is empty; expected a header with a \"return\" column");
        assertThat(run("risk", "--returns", dir.resolve("nope.csv").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --returns: " + dir.resolve("nope.csv")
                + ": no such file");
    }

    @Test
    void badOptionsExitTwoWithOneLineNamingTheOption() throws Exception {
        String f = returnsCsv(TEN);
        assertThat(run("risk", "--returns", f, "--model", "FOO")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(
                "error: --model: \"FOO\" is not one of HISTORICAL_VAR, PARAMETRIC, MONTE_CARLO, GARCH");
        assertThat(run("risk", "--returns", f, "--confidence", "1.5")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --confidence: must be in (0, 1), got 1.5");
        assertThat(run("risk", "--returns", f, "--horizon", "0")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --horizon: must be at least 1, got 0");
        assertThat(run("risk", "--returns", f, "--model", "MONTE_CARLO", "--scenarios", "5")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --scenarios: must be between 100 and 10000000, got 5");
        assertThat(run("risk", "--returns", f, "--confidence", "abc")).isEqualTo(2);
        assertThat(err.toString().strip()).contains("--confidence").doesNotContain("\n");
        assertThat(run("risk")).isEqualTo(2);
        assertThat(err.toString().strip()).contains("--returns").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void hasHelp() {
        assertThat(run("risk", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: positionlab risk").contains("--cornish-fisher");
    }

    @Test
    void allModelsAgreeRoughlyOnTheSameSeries() throws Exception {
        String f = garchCsv();
        double historical = Double.NaN;
        for (String model : List.of("HISTORICAL_VAR", "PARAMETRIC", "MONTE_CARLO", "GARCH")) {
            assertThat(run("risk", "--returns", f, "--model", model)).as(model).isZero();
            double var = json().get("var").asDouble();
            if (Double.isNaN(historical)) {
                historical = var;
                assertThat(historical).isCloseTo(HistoricalVar.of(readReturns(f), 0.95).var(), within(EXACT));
            }
            assertThat(var).as(model).isBetween(0.5 * historical, 2 * historical);
        }
    }
}
