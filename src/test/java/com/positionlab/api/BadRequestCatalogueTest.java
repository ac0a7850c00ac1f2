package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.Services;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a request can be wrong is a 400 that names the field, never a 500, and the server goes on
 * answering afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadRequestCatalogueTest {

    private static final String SIZE = Endpoints.CALCULATE_POSITION_SIZE;
    private static final String KELLY = Endpoints.KELLY_CRITERION;

    private Database db;
    private ApiServer server;
    private ApiClient client;

    @BeforeAll
    void start() throws Exception {
        db = TestStores.memory();
        server = ApiServer.start(Services.over(db), ApiServer.Options.loopback(0, "test"));
        client = new ApiClient(server);
    }

    @AfterAll
    void stop() {
        server.close();
        db.close();
    }

    static Stream<Arguments> catalogue() {
        String decision = "\"trading_decision\": {\"instrument_id\": \"NEW\", \"entry_price\": 100";
        return Stream.of(
                bad("malformed JSON", SIZE, "{\"trading_decision\" {}}", "request"),
                bad("truncated JSON", SIZE, "{" + decision, "request|trading_decision"),
                bad("a JSON array instead of an object", SIZE, "[{\"trading_decision\": {}}]", "request"),
                bad("a bare string", SIZE, "\"size me\"", "request"),
                bad("JSON null", SIZE, "null", "request"),
                bad("empty body", SIZE, "", "request"),
                bad("blank body", SIZE, "  \n ", "request"),
                bad("unknown top-level field", SIZE, "{" + decision + "}, \"colour\": \"red\"}", "colour"),
                bad("unknown nested field", SIZE, "{" + decision + ", \"colour\": \"red\"}}", ".*colour"),
                bad("a string where a number is expected", SIZE,
                        "{\"trading_decision\": {\"instrument_id\": \"NEW\", \"entry_price\": \"abc\"}}",
                        "trading_decision.entry_price"),
                bad("an unknown direction", SIZE, "{" + decision + ", \"direction\": \"SIDEWAYS\"}}",
                        "trading_decision.direction"),
                bad("an unknown sizing method", SIZE, "{" + decision + "}, \"sizing_parameters\": "
                        + "{\"sizing_method\": \"FOO\"}}", "sizing_parameters.sizing_method"),
                bad("an unknown risk model", SIZE, "{" + decision + "}, \"sizing_parameters\": "
                        + "{\"risk_model\": \"CRYSTAL_BALL\"}}", "sizing_parameters.risk_model"),
                bad("an integer out of range", SIZE, "{" + decision + "}, \"sizing_parameters\": "
                        + "{\"lookback_period\": 1e20}}", "sizing_parameters.lookback_period"),
                bad("a wrong type deep in a list", SIZE, "{" + decision + "}, \"portfolio_state\": "
                        + "{\"holdings\": [{\"instrument_id\": \"A\", \"quantity\": \"many\"}]}}",
                        "portfolio_state.holdings\\[0\\].quantity"),
                bad("nesting deeper than the parser allows", SIZE, "[".repeat(5000), "request"),
                bad("missing trading_decision", SIZE, "{\"sizing_parameters\": {\"sizing_method\": "
                        + "\"EQUAL_WEIGHT\"}}", "trading_decision"),
                bad("missing instrument_id", SIZE, "{\"trading_decision\": {\"entry_price\": 100}}",
                        "trading_decision.instrument_id"),
                bad("negative entry_price", SIZE, "{\"trading_decision\": {\"instrument_id\": \"NEW\", "
                        + "\"entry_price\": -1}}", "trading_decision.entry_price"),
                bad("missing entry_price", SIZE, "{\"trading_decision\": {\"instrument_id\": \"NEW\"}}",
                        "trading_decision.entry_price"),
                bad("Kelly: win_probability above 1", KELLY, "{\"win_probability\": 1.5, \"average_win\": 150, "
                        + "\"average_loss\": 100}", "win_probability"),
                bad("Kelly: nothing to compute from", KELLY, "{}", "win_probability"),
                bad("Kelly: average_win missing", KELLY, "{\"win_probability\": 0.55, \"average_loss\": 100}",
                        "average_win"),
                bad("Kelly: portfolio_volatility missing", KELLY, "{\"expected_return\": 0.1}",
                        "portfolio_volatility"),
                bad("Kelly: a string for a number", KELLY, "{\"win_probability\": \"high\"}", "win_probability"),
                bad("Kelly: malformed JSON", KELLY, "{win_probability: 0.5}", "request"),
                bad("Kelly: unknown field", KELLY, "{\"win_rate\": 0.5}", "win_rate"));
    }

    private static Arguments bad(String what, String path, String body, String fieldPattern) {
        return Arguments.of(what, path, body, fieldPattern);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void badInputIsA400NamingTheField(String what, String path, String body, String fieldPattern) {
        ApiClient.Answer a = client.post(path, body);

        assertThat(a.status()).as(what).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        assertThat(a.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(a.json().get("message").asText()).isNotBlank();
        List<String> fields = fields(a.json());
        assertThat(fields).as(what + ": " + a.json()).isNotEmpty().anyMatch(f -> f.matches(fieldPattern));
        for (JsonNode e : a.json().get("errors")) {
            assertThat(e.get("reason").asText()).isNotBlank();
        }
    }

    @Order(2)
    @Test
    void everyWrongFieldIsListed() {
        ApiClient.Answer a = client.post(SIZE, "{\"trading_decision\": {\"entry_price\": -1}}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(fields(a.json())).contains("trading_decision.instrument_id", "trading_decision.entry_price");
    }

    @Order(3)
    @Test
    void theServerStillAnswersAfterTheWholeCatalogue() {
        assertThat(client.get(Endpoints.HEALTH).status()).isEqualTo(200);
        assertThat(client.post(KELLY, SampleRequests.KELLY).status()).isEqualTo(200);
        JsonNode metrics = client.get(Endpoints.METRICS).json();
        assertThat(metrics.get("server_errors").asLong()).isZero();
        assertThat(metrics.get("client_errors").asLong()).isGreaterThanOrEqualTo(catalogue().count() + 1);
    }

    private static List<String> fields(JsonNode body) {
        List<String> fields = new ArrayList<>();
        body.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
