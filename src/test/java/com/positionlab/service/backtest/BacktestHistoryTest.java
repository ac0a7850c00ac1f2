package com.positionlab.service.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.domain.Instrument;
import com.positionlab.domain.StoredBacktest;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.Services;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;

/** Stored backtests: reloaded equal to what was answered, listed newest first, the newest 100 kept. */
class BacktestHistoryTest {

    private Database db;
    private Services services;

    @BeforeEach
    void setUp() {
        db = TestStores.memory();
        new WorkspaceService(new Store(db)).createDemo(Progress.NONE);
        services = Services.over(db);
    }

    @AfterEach
    void tearDown() {
        services.close();
        db.close();
    }

    @Test
    void aStoredBacktestReloadsWithItsInputsAndTheSameAnswer() throws Exception {
        List<String> ids = services.workspace().instruments().stream().map(Instrument::id).limit(5).toList();
        BacktestRequest request = Json.requestMapper().readValue("{\"universe\": " + Json.mapper()
                .writeValueAsString(ids) + ", \"lookback\": 40, \"strategies\": [{\"method\": \"equal_weight\"}, "
                + "{\"method\": \"risk_parity\"}], \"split_date\": \"" + services.workspace().latestPrices(ids)
                .values().iterator().next().date().minusDays(120) + "\"}", BacktestRequest.class);
        BacktestHistory.Loaded ran = services.backtestHistory().run(request, Progress.NONE);
        List<StoredBacktest> recent = services.backtestHistory().recent(10);
        assertThat(recent).hasSize(1);
        assertThat(recent.get(0).label()).startsWith("Equal weight vs Equal risk (ERC)");
        BacktestHistory.Loaded back = services.backtestHistory().load(recent.get(0).backtestId()).orElseThrow();
        assertThat(back.request()).isEqualTo(request);
        assertThat((Object) Json.mapper().valueToTree(back.response()))
                .isEqualTo(Json.mapper().valueToTree(ran.response()));
        var run = ((BacktestResponse.Comparison) back.response()).results().get(1);
        assertThat(run.outOfSample().sharpeRatio()).isEqualTo(((BacktestResponse.Comparison) ran.response())
                .results().get(1).outOfSample().sharpeRatio());
    }

    @Test
    void onlyTheNewestHundredAreKept() {
        Store store = new Store(db);
        for (int k = 0; k < 105; k++) {
            store.backtests().save(new StoredBacktest("id-" + k, "run", "run " + k, 1, "{}", "{}", null));
        }
        List<StoredBacktest> kept = store.backtests().recent(200);
        assertThat(kept).hasSize(100);
        assertThat(store.backtests().find("id-104")).isPresent();
    }
}
