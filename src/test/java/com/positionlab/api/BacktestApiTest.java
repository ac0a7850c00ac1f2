package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.domain.Instrument;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.Services;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;

/** {@code POST /api/v1/backtest} over the demo workspace: a backtest of its instruments, and bad requests named. */
class BacktestApiTest {

    private Database db;
    private ApiServer server;
    private ApiClient client;
    private String universe;

    @BeforeEach
    void start() throws Exception {
        db = TestStores.memory();
        new WorkspaceService(new Store(db)).createDemo(Progress.NONE);
        server = ApiServer.start(Services.over(db), ApiServer.Options.loopback(0, "9.9-test"));
        client = new ApiClient(server);
        List<String> ids = new Store(db).instruments().findAll().stream().map(Instrument::id).limit(6).toList();
        universe = Json.mapper().writeValueAsString(ids);
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    @Test
    void aBacktestOfWorkspaceInstrumentsAnswersItsCurvesAndStatistics() {
        ApiClient.Answer a = client.post(Endpoints.BACKTEST, "{\"universe\": " + universe + ", \"lookback\": 60, "
                + "\"strategy\": {\"method\": \"min_volatility\"}, \"rebalance\": \"monthly\", \"costs_bps\": 10}");
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        int days = a.json().get("equity_curve").size();
        assertThat(days).isGreaterThan(100);
        assertThat(a.json().at("/statistics/days").asInt()).isEqualTo(days - 1);
        double first = a.json().at("/equity_curve/0/value").asDouble();
        double last = a.json().at("/equity_curve/" + (days - 1) + "/value").asDouble();
        assertThat(a.json().at("/statistics/total_return").asDouble()).isCloseTo(last / first - 1, within(1e-9));
        assertThat(a.json().at("/attribution/method").asText()).contains("Brinson-Fachler");
        assertThat(a.json().get("trades").size()).isPositive();
    }

    @Test
    void aBadBacktestIsA400NamingTheFieldWithoutEchoingMuch() {
        ApiClient.Answer a = client.post(Endpoints.BACKTEST, "{\"universe\": " + universe + ", \"strategy\": "
                + "{\"method\": \"" + "x".repeat(5000) + "\"}}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.raw().body()).contains("strategy.method").hasSizeLessThan(2000);
        ApiClient.Answer unknown = client.post(Endpoints.BACKTEST, "{\"universe\": [\"NOPE\", \"NADA\"], "
                + "\"strategy\": {\"method\": \"equal_weight\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.raw().body()).contains("universe");
        ApiClient.Answer sweep = client.post(Endpoints.BACKTEST, "{\"universe\": " + universe + ", \"strategy\": "
                + "{\"method\": \"equal_weight\"}, \"sweep\": {\"lookback\": [20, 30], \"strategy.a\": [1, 2, 3, 4, 5, 6, "
                + "7, 8, 9, 10], \"costs_bps\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, "
                + "21]}}");
        assertThat(sweep.status()).isEqualTo(400);
        assertThat(sweep.raw().body()).contains("more than 400 combinations");
    }
}
