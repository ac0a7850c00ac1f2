package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.service.Services;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sizing over HTTP from what the workspace holds: the stored portfolio, prices and strategy trades. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoWorkspaceApiTest {

    private static final String TICKET = """
            {"trading_decision": {"instrument_id": "QBIT", "direction": "LONG", "entry_price": 283.77,
                                  "stop_price": 269.58, "strategy_id": "TREND", "conviction": "MEDIUM"},
             "sizing_parameters": {"sizing_method": "KELLY_CRITERION", "max_position_size": 0.10}}
            """;

    private Database db;
    private Store store;
    private Services services;

    @BeforeAll
    void createDemo() {
        db = TestStores.memory();
        store = new Store(db);
        new WorkspaceService(store).createDemo(Progress.NONE);
        services = Services.over(db);
    }

    @AfterAll
    void close() {
        services.close();
    }

    @Test
    void sizesAgainstTheStoredPortfolioAndStoresEveryEventByClose() throws Exception {
        int eventsBefore = store.sizingEvents().count();
        JsonNode first;
        try (ApiServer server = ApiServer.start(services, ApiServer.Options.loopback(0, "t"))) {
            ApiClient client = new ApiClient(server);
            assertThat(client.get(Endpoints.HEALTH).json().get("store").get("detail").asText())
                    .isEqualTo("30 instruments");

            ApiClient.Answer a = client.post(Endpoints.CALCULATE_POSITION_SIZE, TICKET);
            assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
            first = a.json();
            for (int i = 0; i < 4; i++) {
                assertThat(client.post(Endpoints.CALCULATE_POSITION_SIZE, TICKET).status()).isEqualTo(200);
            }
        }

        JsonNode position = first.get("optimal_position");
        assertThat(position.get("instrument_id").asText()).isEqualTo("QBIT");
        assertThat(position.get("sizing_method_used").asText()).isEqualTo("KELLY_CRITERION");
        assertThat(position.get("recommended_weight").asDouble()).isBetween(0.0, 0.10);
        assertThat(first.get("sizing_analysis").get("kelly_fraction").isNumber()).isTrue();
        assertThat(store.sizingEvents().count()).isEqualTo(eventsBefore + 5);
    }

    @Test
    void anUnknownInstrumentIsA400NamingIt() throws Exception {
        try (ApiServer server = ApiServer.start(services, ApiServer.Options.loopback(0, "t"))) {
            ApiClient.Answer a = new ApiClient(server).post(Endpoints.CALCULATE_POSITION_SIZE,
                    TICKET.replace("QBIT", "NOPE"));

            assertThat(a.status()).isEqualTo(400);
            List<String> fields = a.json().get("errors").findValuesAsText("field");
            assertThat(fields).contains("trading_decision.instrument_id");
        }
    }
}
