package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.engine.estimate.ReferencePrices;
import com.positionlab.service.Json;

/**
 * The {@code allocate} command: lots and leftover worked by hand, trades from current units, PyPortfolioOpt's
 * greedy long-only case end to end (optimize's maximum-Sharpe weights, then allocate on the price file), and
 * bad requests naming the field.
 */
class AllocateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String command, String json) throws Exception {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Path f = Files.writeString(dir.resolve(command + ".json"), json);
        return Cli.run(new String[] {command, f.toString()}, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void lotsRoundDownAndTheSecondRoundFollowsTheShareOfWhatWasBought() throws Exception {
        // 10,000 at 60% A (price 25, lots of 100) and 40% B (price 7): round one buys 2 lots of A (5,000) and
        // 571 B (3,997). Of the 8,997 bought, B holds 44% (above its 40%), and A's shortfall needs a whole lot
        // (2,500) that the 1,003 left cannot pay: the second round buys nothing
        String request = "{\"weights\": {\"A\": 0.6, \"B\": 0.4}, \"latest_prices\": {\"A\": 25, \"B\": 7}, "
                + "\"total_portfolio_value\": 10000, \"lot_sizes\": {\"A\": 100}, \"current_units\": {\"A\": 300}}";
        assertThat(run("allocate", request)).as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        assertThat(r.at("/allocation/A").asLong()).isEqualTo(200);
        assertThat(r.at("/allocation/B").asLong()).isEqualTo(571);
        assertThat(r.at("/leftover").asDouble()).isCloseTo(1003, within(1e-9));
        assertThat(r.at("/trades/0/ticker").asText()).isEqualTo("A");
        assertThat(r.at("/trades/0/side").asText()).isEqualTo("sell");
        assertThat(r.at("/trades/0/quantity").asLong()).isEqualTo(100);
        assertThat(r.at("/trades/1/side").asText()).isEqualTo("buy");
        assertThat(r.at("/trades/1/notional").asDouble()).isCloseTo(571 * 7, within(1e-9));
    }

    @Test
    void reproducesPyPortfolioOptsGreedyLongOnlyCaseEndToEnd() throws Exception {
        Assumptions.assumeTrue(ReferencePrices.present(), "reference data beside the checkout");
        String prices = ReferencePrices.DIR.resolve("stock_prices.csv").toAbsolutePath().toString();
        assertThat(run("optimize", "{\"prices\": \"" + prices + "\", \"objective\": {\"method\": \"max_sharpe\", "
                + "\"risk_free_rate\": 0.02}}")).as(err.toString()).isZero();
        ObjectNode request = new ObjectMapper().createObjectNode();
        request.set("weights", Json.mapper().readTree(out.toString()).get("weights"));
        request.put("prices", prices).put("total_portfolio_value", 10000);
        assertThat(run("allocate", request.toString())).as(err.toString()).isZero();
        JsonNode r = Json.mapper().readTree(out.toString());
        JsonNode expected = null;
        for (JsonNode c : new ObjectMapper().readTree(ReferencePrices.DIR.resolve("cases.json").toFile()).get("cases")) {
            if (c.get("id").asText().equals("pypfopt-da-greedy-long-only")) {
                expected = c.get("expected").get("allocation");
            }
        }
        int held = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = r.get("allocation").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().asLong() != 0) {
                held++;
                assertThat(e.getValue().asLong()).as(e.getKey()).isEqualTo(expected.get(e.getKey()).asLong());
            }
        }
        assertThat(held).isEqualTo(expected.size());
    }

    @Test
    void badRequestsExitTwoNamingTheField() throws Exception {
        assertThat(run("allocate", "{\"weights\": {\"A\": 1}, \"latest_prices\": {\"A\": -3}, "
                + "\"total_portfolio_value\": 100}")).isEqualTo(2);
        assertThat(err.toString()).contains("prices");
        assertThat(run("allocate", "{\"weights\": {\"A\": 1}, \"latest_prices\": {\"A\": 3}}")).isEqualTo(2);
        assertThat(err.toString()).contains("total_portfolio_value");
        assertThat(run("allocate", "{\"weights\": {\"A\": 1}, \"latest_prices\": {\"A\": 3}, "
                + "\"total_portfolio_value\": 100, \"method\": \"magic\"}")).isEqualTo(2);
        assertThat(err.toString()).contains("method");
    }
}
