package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.Json;

/**
 * {@code backtest}: two assets with known prices, rebalanced to 50/50 at the start only ("once"), so the final
 * equity is worked by hand with the costs; and a bad request naming its field.
 */
class BacktestCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String json) throws Exception {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Path f = Files.writeString(dir.resolve("backtest.json"), json);
        return Cli.run(new String[] {"backtest", f.toString()}, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void buyAndHoldOfTwoAssetsEndsWhereTheHandCalculationDoes() throws Exception {
        List<String> lines = new ArrayList<>(List.of("date,A,B"));
        String[] days = {"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"};
        double[] a = {100, 102, 101, 105, 110};
        double[] b = {50, 49, 50, 52, 51};
        for (int t = 0; t < days.length; t++) {
            lines.add(days[t] + "," + a[t] + "," + b[t]);
        }
        Path prices = Files.write(dir.resolve("p.csv"), lines);
        int code = run("{\"prices\": \"" + prices.toString().replace("\\", "/") + "\", \"start\": \"2024-01-02\", "
                + "\"initial_capital\": 10000, \"rebalance\": \"once\", \"lookback\": 20, \"costs_bps\": 100, "
                + "\"strategy\": {\"method\": \"fixed_weights\", \"weights\": {\"A\": 0.5, \"B\": 0.5}}}");
        assertThat(code).as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        // 1% commission: the invested X solves X + 0.01 X = 10,000, so X = 9,900.99 split 50/50 at 100 and 50
        double x = 10_000 / 1.01;
        double unitsA = x / 2 / 100;
        double unitsB = x / 2 / 50;
        double last = unitsA * 110 + unitsB * 51;
        assertThat(r.at("/final_equity").asDouble()).isCloseTo(last, within(1e-6));
        assertThat(r.at("/statistics/costs_paid").asDouble()).isCloseTo(10_000 - x, within(1e-6));
        assertThat(r.at("/statistics/total_return").asDouble()).isCloseTo(last / x - 1, within(1e-9));
        assertThat(r.at("/rebalances").asInt()).isEqualTo(1);
        assertThat(r.get("trades").size()).isEqualTo(2);
    }

    @Test
    void aBadRequestNamesItsField() throws Exception {
        int code = run("{\"prices\": \"nowhere.csv\", \"strategy\": {\"method\": \"equal_weight\"}, "
                + "\"rebalance\": {\"drift_band\": 7}}");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("prices");
    }
}
