package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import com.positionlab.domain.Portfolio;
import com.positionlab.domain.StoredOptimization;
import com.positionlab.service.Services;
import com.positionlab.store.Store;
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
    void aPortfoliosOptimisationsAreStoredAndTheNewestSuccessfulOneIsServedBack() {
        new Store(db).portfolios().save(new Portfolio("book-1", "Book", "USD", java.math.BigDecimal.ZERO));
        assertThat(client.get("/api/v1/optimization/book-1/latest").status()).isEqualTo(404);

        String forBook = REQUEST.formatted("max_sharpe").replace("{\"mu\"", "{\"portfolio_id\": \"book-1\", \"mu\"");
        ApiClient.Answer answered = client.post(Endpoints.OPTIMIZE, forBook);
        assertThat(answered.status()).isEqualTo(200);
        // a target out of reach is a bad request: not stored
        String unreachable = forBook.replace("\"max_sharpe\"", "\"efficient_risk\", \"target_volatility\": 0.01");
        assertThat(client.post(Endpoints.OPTIMIZE, unreachable).status()).isEqualTo(400);
        // sector minimums that cannot both hold: a run without an answer, stored as failed, never served
        String infeasible = forBook.replace("max_sharpe", "min_volatility").replace("}}", "}, \"constraints\": "
                + "{\"sector_mapper\": {\"A\": \"a\", \"B\": \"b\"}, \"sector_lower\": {\"a\": 0.7, \"b\": 0.7}}}");
        ApiClient.Answer failed = client.post(Endpoints.OPTIMIZE, infeasible);
        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.raw().body()).contains("objective").contains("no portfolio satisfies")
                .contains("sector a minimum").doesNotContain("budget");

        ApiClient.Answer latest = client.get("/api/v1/optimization/book-1/latest");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().get("weights")).isEqualTo(answered.json().get("weights"));
        assertThat(latest.json().at("/request/portfolio_id").asText()).isEqualTo("book-1");
        List<StoredOptimization> runs = new Store(db).optimizations().recent(10);
        assertThat(runs).extracting(StoredOptimization::status).containsExactlyInAnyOrder("optimal", "failed");
        StoredOptimization ok = runs.stream().filter(r -> r.status().equals("optimal")).findFirst().orElseThrow();
        assertThat(ok.latencyMs()).isPositive();
        assertThat(ok.iterations()).isPositive();
        StoredOptimization bad = runs.stream().filter(r -> r.status().equals("failed")).findFirst().orElseThrow();
        assertThat(bad.responseJson()).isNull();
        assertThat(bad.error()).contains("no portfolio satisfies");
    }

    @Test
    void anOptimisationForAnUnknownPortfolioIsRefusedAndNothingIsStored() {
        String request = REQUEST.formatted("min_volatility").replace("{\"mu\"", "{\"portfolio_id\": \"nope\", \"mu\"");
        ApiClient.Answer a = client.post(Endpoints.OPTIMIZE, request);

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.raw().body()).contains("portfolio_id");
        assertThat(new Store(db).optimizations().recent(10)).isEmpty();
        assertThat(client.get("/api/v1/optimization/../latest").status()).isEqualTo(404);
        assertThat(client.get("/api/v1/optimization/%3Cx%3E/latest").status()).isEqualTo(404);
    }

    @Test
    void anUnknownObjectiveIsA400NamingTheField() {
        ApiClient.Answer a = client.post(Endpoints.OPTIMIZE, REQUEST.formatted("<script>"));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.raw().body()).contains("objective.method");
    }
}
