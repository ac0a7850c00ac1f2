package com.positionlab.ui.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.task.Progress;
import com.positionlab.service.Services;
import com.positionlab.service.build.RebalanceSizing;
import com.positionlab.service.portfolio.HoldingRow;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.RecordingNotifier;
import com.positionlab.testing.TestStores;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.SyncTaskRunner;

/** Rebalancing trades checked against the stored limits and accepted into the holdings and the history. */
class BuildAcceptTest {

    private final Database db = TestStores.memory();
    private Services services;

    @AfterEach
    void close() {
        services.close();
        db.close();
    }

    @Test
    void checkedTradesAreSizedUnderTheLimitsAndAcceptedIntoTheHoldings() {
        new WorkspaceService(new Store(db)).createDemo(Progress.NONE);
        services = Services.over(db);
        WorkspaceChanges changes = new WorkspaceChanges();
        long revision = changes.revisionProperty().get();
        BuildViewModel m = new BuildViewModel(services.builder(), services.rebalanceSizing(), new SyncTaskRunner(),
                new RecordingNotifier(), changes, Duration.ZERO);
        m.refresh();
        m.apply("greedy");
        var trades = m.tradesProperty().get();
        assertThat(trades.trades()).isNotEmpty();
        m.checkTrades();
        assertThat(m.sized()).hasSize(trades.trades().size());
        for (RebalanceSizing.SizedTrade t : m.sized()) {
            assertThat(t.allowedUnits()).as(t.trade().ticker()).isBetween(0L, t.trade().quantity());
            assertThat(t.response().optimalPosition().sizingMethodUsed()).isEqualTo("FIXED_PERCENTAGE");
        }
        String portfolio = services.portfolio().defaultPortfolio().id();
        Map<String, BigDecimal> before = held(portfolio);
        int historyBefore = services.acceptance().history(
                new com.positionlab.domain.SizingHistoryFilter(null, null, null, 1000)).size();
        long allowed = m.sized().stream().filter(t -> t.allowedUnits() > 0).count();
        assertThat(allowed).isPositive();
        m.acceptTrades();
        Map<String, BigDecimal> after = held(portfolio);
        assertThat(m.sized()).as("cleared once accepted").isEmpty();
        assertThat(services.acceptance().history(new com.positionlab.domain.SizingHistoryFilter(null, null, null,
                1000)).size()).isEqualTo(historyBefore + allowed);
        assertThat(after).isNotEqualTo(before);
        assertThat(changes.revisionProperty().get()).as("the other pages hear of it").isGreaterThan(revision);
    }

    private Map<String, BigDecimal> held(String portfolio) {
        return services.portfolio().snapshot(portfolio).holdings().stream()
                .collect(Collectors.toMap(HoldingRow::instrumentId, HoldingRow::quantity));
    }
}
