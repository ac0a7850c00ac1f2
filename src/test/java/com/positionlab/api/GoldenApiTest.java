package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import com.positionlab.cli.GoldenRequests;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.service.Services;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.Golden;
import com.positionlab.testing.TestStores;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint on a fixed set of requests, answered as recorded before the services were split
 * ({@link Golden}): status, content type and body, byte for byte.
 */
class GoldenApiTest {

    private static final String STORED_KELLY = """
            {"trading_decision": {"decision_id": "golden-1", "instrument_id": "QBIT", "direction": "LONG",
                                  "entry_price": 283.77, "stop_price": 269.58, "strategy_id": "TREND",
                                  "conviction": "MEDIUM"},
             "sizing_parameters": {"sizing_method": "KELLY_CRITERION", "risk_model": "HISTORICAL_VAR",
                                   "confidence_level": 0.95, "lookback_period": 252, "max_position_size": 0.10}}
            """;
    private static final String STORED_VOLATILITY_SHORT = """
            {"trading_decision": {"decision_id": "golden-3", "instrument_id": "PAYM", "direction": "SHORT",
                                  "entry_price": 80.0, "stop_price": 84.0},
             "sizing_parameters": {"sizing_method": "VOLATILITY_ADJUSTED", "volatility_target": 0.15, "monte_carlo_scenarios": 4000, "seed": 5,
                                   "risk_model": "MONTE_CARLO", "confidence_level": 0.99},
             "risk_constraints": {"max_portfolio_risk": 0.2, "leverage_limit": 1.0}}
            """;

    private final List<String> mismatches = new ArrayList<>();

    @Test
    void everyEndpointAnswersAsRecorded() throws Exception {
        Database db = TestStores.memory();
        try (db) {
            Store store = new Store(db);
            new WorkspaceService(store).createDemo(Progress.NONE);
            try (Services services = Services.over(db);
                 ApiServer server = ApiServer.start(services, ApiServer.Options.loopback(0, null))) {
                ApiClient client = new ApiClient(server);
                record("api/size-stored-kelly", client.post(Endpoints.CALCULATE_POSITION_SIZE, STORED_KELLY));
                record("api/size-stored-volatility-short",
                        client.post(Endpoints.CALCULATE_POSITION_SIZE, STORED_VOLATILITY_SHORT));
                for (String method : List.of("KELLY_CRITERION", "FIXED_PERCENTAGE", "VOLATILITY_ADJUSTED",
                        "RISK_PARITY", "EQUAL_WEIGHT", "FIXED_RISK", "OPTIMAL_F")) {
                    record("api/size-given-" + method.toLowerCase().replace('_', '-'),
                            client.post(Endpoints.CALCULATE_POSITION_SIZE, GoldenRequests.givenHistory(method)));
                }
                record("api/size-invalid-fields", client.post(Endpoints.CALCULATE_POSITION_SIZE,
                        STORED_KELLY.replace("283.77", "-283.77").replace("0.95", "95")));
                record("api/size-unknown-instrument", client.post(Endpoints.CALCULATE_POSITION_SIZE,
                        STORED_KELLY.replace("QBIT", "NOPE")));
                record("api/size-duplicate-key", client.post(Endpoints.CALCULATE_POSITION_SIZE,
                        STORED_KELLY.replace("\"direction\": \"LONG\"", "\"direction\": \"LONG\", \"direction\": \"SHORT\"")));
                record("api/size-not-json", client.post(Endpoints.CALCULATE_POSITION_SIZE, "{\"trading_decision\": "));
                record("api/kelly-discrete", client.post(Endpoints.KELLY_CRITERION, SampleRequests.KELLY));
                record("api/kelly-multi-asset", client.post(Endpoints.KELLY_CRITERION, """
                        {"expected_returns": [0.10, 0.08], "volatilities": [0.20, 0.15],
                         "correlation_matrix": [[1, 0.3], [0.3, 1]]}
                        """));
                record("api/kelly-invalid", client.post(Endpoints.KELLY_CRITERION, "{\"win_probability\": 0}"));
                record("api/health", client.get(Endpoints.HEALTH));
                record("api/not-found", client.get("/api/v1/nothing-here"));
                record("api/method-not-allowed", client.method("DELETE", Endpoints.KELLY_CRITERION));
                record("api/wrong-content-type", client.send(client.request(Endpoints.KELLY_CRITERION)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(SampleRequests.KELLY))));
            }
        }
        assertThat(mismatches).as("answers that differ from the recorded ones").isEmpty();
    }

    private void record(String name, ApiClient.Answer answer) {
        String transcript = "status " + answer.status() + "\ncontent-type " + answer.header("content-type")
                + "\n--- body\n" + answer.raw().body() + "\n";
        try {
            Golden.check(name, Golden.mask(transcript, null));
        } catch (AssertionError e) {
            mismatches.add(name + ": " + e.getMessage());
        }
    }
}
