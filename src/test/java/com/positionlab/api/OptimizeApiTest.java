package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.service.Services;
import com.positionlab.store.Database;
import com.positionlab.testing.TestStores;

/** {@code POST /api/v1/optimize}: the same answers as the command, and a bad request as a 400 naming the field. */
class OptimizeApiTest {

    private static final String REQUEST = "{\"mu\": {\"A\": 0.08, \"B\": 0.12}, \"cov\": {\"tickers\": [\"A\", \"B\"],"
            + " \"matrix\": [[0.04, 0], [0, 0.09]]}, \"objective\": {\"method\": \"%s\"}}";

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
    void minimumVolatilityOverHttpWeightsByInverseVariance() {
        ApiClient.Answer a = client.post(Endpoints.OPTIMIZE, REQUEST.formatted("min_volatility"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().at("/weights/A").asDouble()).isCloseTo(9.0 / 13, within(1e-12));
        assertThat(a.json().at("/solver/status").asText()).isEqualTo("optimal");
    }

    @Test
    void theFrontierOverHttpRunsFromMinimumVolatilityToTheHighestReturn() {
        ApiClient.Answer a = client.post(Endpoints.FRONTIER, REQUEST.formatted("min_volatility")
                .replace("}}", "}, \"points\": 5}"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("points").size()).isEqualTo(5);
        assertThat(a.json().at("/points/0/weights/A").asDouble()).isCloseTo(9.0 / 13, within(1e-12));
        assertThat(a.json().at("/points/4/weights/B").asDouble()).isCloseTo(1, within(1e-12));
    }

    @Test
    void anUnknownObjectiveIsA400NamingTheField() {
        ApiClient.Answer a = client.post(Endpoints.OPTIMIZE, REQUEST.formatted("<script>"));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.raw().body()).contains("objective.method");
    }
}
