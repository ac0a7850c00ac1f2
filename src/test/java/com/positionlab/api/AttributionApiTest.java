package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.service.Services;
import com.positionlab.store.Database;
import com.positionlab.testing.TestStores;

/**
 * {@code POST /api/v1/attribution}: Bacon's table 5.3 answered as the command answers it, and bad requests as a
 * 400 naming every field.
 */
class AttributionApiTest {

    private static final String BACON_TABLE_5_3 = "{\"portfolio_weights\": {\"UK\": 0.4, \"Japan\": 0.3, \"US\": 0.3},"
            + " \"benchmark_weights\": {\"UK\": 0.4, \"Japan\": 0.2, \"US\": 0.4},"
            + " \"portfolio_returns\": {\"UK\": 0.20, \"Japan\": -0.05, \"US\": 0.06},"
            + " \"benchmark_returns\": {\"UK\": 0.10, \"Japan\": -0.04, \"US\": 0.08}}";

    private Database db;
    private ApiServer server;
    private ApiClient client;

    @BeforeEach
    void start() throws Exception {
        db = TestStores.memory();
        server = ApiServer.start(Services.over(db), ApiServer.Options.loopback(0, "9.9-test"));
        client = new ApiClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    @Test
    void baconTable53OverHttp() {
        ApiClient.Answer a = client.post(Endpoints.ATTRIBUTION, BACON_TABLE_5_3);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().at("/sectors/1/sector").asText()).isEqualTo("Japan");
        assertThat(a.json().at("/sectors/1/allocation").asDouble()).isCloseTo(-0.0104, within(1e-12));
        assertThat(a.json().at("/sectors/0/selection").asDouble()).isCloseTo(0.04, within(1e-12));
        assertThat(a.json().at("/sectors/2/interaction").asDouble()).isCloseTo(0.002, within(1e-12));
        assertThat(a.json().at("/allocation").asDouble()).isCloseTo(-0.012, within(1e-12));
        assertThat(a.json().at("/active_return").asDouble()).isCloseTo(0.019, within(1e-12));
        assertThat(a.json().at("/method").asText()).isEqualTo("Brinson-Fachler (single period)");
    }

    @Test
    void weightsThatDoNotSumToOneAreA400NamingTheSide() {
        ApiClient.Answer a = client.post(Endpoints.ATTRIBUTION, BACON_TABLE_5_3.replace("\"US\": 0.4}",
                "\"US\": 0.3}"));

        assertThat(a.status()).isEqualTo(400);
        assertThat(fields(a)).containsExactly("benchmark_weights");
        assertThat(a.raw().body()).contains("must sum to 1");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ApiClient.Answer a = client.post(Endpoints.ATTRIBUTION, BACON_TABLE_5_3
                .replace("\"UK\": 0.4, \"Japan\": 0.3", "\"UK\": \"lots\", \"Japan\": 1.3")
                .replace("\"US\": 0.08}", "\"US\": 0.08, \"Mars\": 0.1}"));

        assertThat(a.status()).isEqualTo(400);
        assertThat(fields(a)).contains("portfolio_weights.UK", "portfolio_weights.Japan", "benchmark_returns.Mars");
        assertThat(client.post(Endpoints.ATTRIBUTION, "{\"weights\": {}}").status()).isEqualTo(400);
    }

    private static List<String> fields(ApiClient.Answer a) {
        List<String> out = new ArrayList<>();
        a.json().get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }
}
