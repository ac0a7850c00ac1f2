package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.Json;

/**
 * {@code optimize} with {@code constraints.ucits}: twenty uncorrelated assets, six of them of low variance,
 * whose minimum-volatility portfolio under the 5/10/40 rule is worked by hand; the rule's limits in the
 * binding constraints; a custom rule; and bad values, objectives that cannot take the rule, the frontier and
 * too few assets, each exiting 2 naming the field.
 */
class UcitsOptimizeCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int optimize(String json) throws Exception {
        return run("optimize", json);
    }

    private int run(String command, String json) throws Exception {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Path f = Files.writeString(dir.resolve("request.json"), json);
        return Cli.run(new String[] {command, f.toString()}, new PrintWriter(out), new PrintWriter(err));
    }

    /**
     * n uncorrelated assets A0..A(n-1), the first six of variance 0.01 and the others 0.09, expected returns
     * from 4% up by 0.2% each; then the objective and the constraints as given.
     */
    private static String request(int n, String objective, String constraints) {
        List<String> mu = new ArrayList<>();
        List<String> tickers = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mu.add(String.format(Locale.ROOT, "\"A%d\": %.4f", i, 0.04 + 0.002 * i));
            tickers.add("\"A" + i + "\"");
            double[] row = new double[n];
            row[i] = i < 6 ? 0.01 : 0.09;
            rows.add(java.util.Arrays.toString(row));
        }
        return "{\"mu\": {" + String.join(", ", mu) + "}, \"cov\": {\"tickers\": [" + String.join(", ", tickers)
                + "], \"matrix\": [" + String.join(", ", rows) + "]}, \"objective\": " + objective
                + ", \"constraints\": " + constraints + "}";
    }

    @Test
    void minimumVolatilityUnderTheRuleKeepsFourLowVarianceAssetsAtTenPercent() throws Exception {
        assertThat(optimize(request(20, "{\"method\": \"min_volatility\"}", "{\"ucits\": true}")))
                .as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        int atTen = 0;
        int atFive = 0;
        for (int i = 0; i < 6; i++) {
            double w = r.at("/weights/A" + i).asDouble();
            atTen += Math.abs(w - 0.10) < 1e-9 ? 1 : 0;
            atFive += Math.abs(w - 0.05) < 1e-9 ? 1 : 0;
        }
        assertThat(atTen).isEqualTo(4);
        assertThat(atFive).isEqualTo(2);
        for (int i = 6; i < 20; i++) {
            assertThat(r.at("/weights/A" + i).asDouble()).isCloseTo(0.5 / 14, within(1e-9));
        }
        // 4 x 0.01 x 0.1^2 + 2 x 0.01 x 0.05^2 + 14 x 0.09 / 28^2
        assertThat(r.at("/performance/volatility").asDouble()).isCloseTo(Math.sqrt(0.00045 + 0.09 * 14 / 784),
                within(1e-10));
        assertThat(r.at("/solver/name").asText()).isEqualTo("UCITS branch and bound over critical line");
        assertThat(r.at("/solver/iterations").asInt()).isGreaterThanOrEqualTo(3);
        JsonNode concentration = binding(r, "UCITS 5/10/40: sum of weights above 5%");
        assertThat(concentration).isNotNull();
        assertThat(concentration.get("value").asDouble()).isCloseTo(0.40, within(1e-9));
        assertThat(concentration.get("limit").asDouble()).isEqualTo(0.40);
        int issuer = 0;
        for (JsonNode b : r.get("binding_constraints")) {
            issuer += b.get("name").asText().endsWith("UCITS issuer limit") ? 1 : 0;
        }
        assertThat(issuer).isEqualTo(4);
        assertThat(r.at("/request/constraints/ucits").asBoolean()).isTrue();
    }

    @Test
    void aLooserRuleAndTheOtherObjectivesAnswerWithinIt() throws Exception {
        String rule = "{\"ucits\": {\"threshold\": 0.06, \"issuer_limit\": 0.12, \"concentration_limit\": 0.5}}";
        for (String objective : new String[] {"{\"method\": \"max_sharpe\"}", "{\"method\": \"max_quadratic_utility\"}",
                "{\"method\": \"efficient_return\", \"target_return\": 0.06}",
                "{\"method\": \"efficient_risk\", \"target_volatility\": 0.09}"}) {
            assertThat(optimize(request(20, objective, rule))).as(objective + ": " + err).isZero();
            JsonNode r = Json.mapper().readTree(out.toString());
            double sum = 0;
            double above = 0;
            for (int i = 0; i < 20; i++) {
                double w = r.at("/weights/A" + i).asDouble();
                assertThat(w).as(objective).isLessThanOrEqualTo(0.12 + 1e-9);
                sum += w;
                above += w > 0.06 + 1e-9 ? w : 0;
            }
            assertThat(sum).as(objective).isCloseTo(1, within(1e-9));
            assertThat(above).as(objective).isLessThanOrEqualTo(0.5 + 1e-9);
            assertThat(r.at("/solver/name").asText()).as(objective).startsWith("UCITS branch and bound over");
        }
    }

    @Test
    void badRulesAndObjectivesThatCannotTakeItExitTwoNamingTheField() throws Exception {
        String minVol = "{\"method\": \"min_volatility\"}";
        String[][] cases = {
            {request(20, minVol, "{\"ucits\": {\"threshold\": 0.2}}"), "constraints.ucits.threshold"},
            {request(20, minVol, "{\"ucits\": {\"threshold\": -0.01}}"), "constraints.ucits.threshold"},
            {request(20, minVol, "{\"ucits\": {\"issuer_limit\": 0.5}}"), "constraints.ucits.issuer_limit"},
            {request(20, minVol, "{\"ucits\": {\"concentration_limit\": 1.5}}"),
                "constraints.ucits.concentration_limit"},
            {request(20, minVol, "{\"ucits\": {\"threshold\": \"5%\"}}"), "constraints.ucits.threshold"},
            {request(20, minVol, "{\"ucits\": {\"limit\": 0.1}}"), "constraints.ucits.limit"},
            {request(20, minVol, "{\"ucits\": \"yes\"}"), "constraints.ucits"},
            {request(20, "{\"method\": \"hrp\"}", "{\"ucits\": true}"), "constraints.ucits"},
            {request(20, "{\"method\": \"min_cvar\"}", "{\"ucits\": true}"), "constraints.ucits"},
            {request(20, minVol, "{\"ucits\": true, \"weight_bounds\": [-0.1, 1]}"), "constraints.weight_bounds"},
            {request(20, "{\"method\": \"min_volatility\", \"market_neutral\": true}", "{\"ucits\": true}"),
                "objective.market_neutral"},
            {request(20, "{\"method\": \"efficient_return\", \"target_return\": 0.07}", "{\"ucits\": true}"),
                "objective.target_return"},
        };
        for (String[] c : cases) {
            assertThat(optimize(c[0])).as(c[1] + ": " + out).isEqualTo(2);
            assertThat(err.toString().strip()).as(c[1]).contains(c[1]).doesNotContain("\n");
        }
        String frontier = request(20, minVol, "{\"ucits\": true}").replace("\"objective\": " + minVol + ", ", "");
        assertThat(run("frontier", frontier)).isEqualTo(2);
        assertThat(err.toString()).contains("constraints.ucits").contains("frontier");
        assertThat(optimize(request(15, minVol, "{\"ucits\": true}"))).isEqualTo(2);
        assertThat(err.toString()).contains("constraints.ucits").contains("needs at least 16 assets")
                .contains("there are 15");
    }

    private static JsonNode binding(JsonNode r, String name) {
        for (JsonNode b : r.get("binding_constraints")) {
            if (b.get("name").asText().equals(name)) {
                return b;
            }
        }
        return null;
    }
}
