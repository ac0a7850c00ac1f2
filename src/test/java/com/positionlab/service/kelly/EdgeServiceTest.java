package com.positionlab.service.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.domain.Side;
import com.positionlab.domain.Strategy;
import com.positionlab.domain.Trade;
import com.positionlab.engine.kelly.EdgeConfig;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.ValidationException;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;

/** Edge from stored trades: closed forms on a hand-made strategy, and the demo strategies' different edges. */
class EdgeServiceTest {

    private Database db;
    private Store store;

    @BeforeEach
    void setUp() {
        db = TestStores.memory();
        store = new Store(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void handMadeStrategyHasTheClosedFormEdge() {
        // 30 trades: 18 wins of +200 and 12 losses of -100, alternating in time.
        List<Trade> trades = new ArrayList<>();
        LocalDateTime t0 = LocalDateTime.of(2024, 1, 1, 10, 0);
        for (int i = 0; i < 30; i++) {
            boolean win = i % 5 != 1 && i % 5 != 3;
            double exit = win ? 102 : 99;
            trades.add(new Trade("S", "X", Side.LONG, new BigDecimal("100"), t0.plusDays(i), 100, t0.plusDays(i).plusHours(5),
                    exit, new BigDecimal(win ? "200.00" : "-100.00")));
        }
        store.trades().saveStrategies(List.of(new Strategy("S", "Steady", null)));
        store.trades().saveAll(trades);

        EdgeReport r = new EdgeService(store).edges("S", EdgeConfig.defaults(), 10_000).get(0);
        assertThat(r.all().trades()).isEqualTo(30);
        assertThat(r.all().winRate()).isCloseTo(0.6, within(1e-12));
        assertThat(r.all().payoffRatio()).isCloseTo(2.0, within(1e-12));
        assertThat(r.all().kelly()).isCloseTo(0.6 - 0.4 / 2, within(1e-12));
        assertThat(r.all().profitFactor()).isCloseTo(3600.0 / 1200.0, within(1e-12));
        assertThat(r.all().expectancy()).isCloseTo(80.0, within(1e-9));
        assertThat(r.all().kellyUsable()).isTrue();
        assertThat(r.all().kellyInterval().lowerBound()).isLessThan(0.4);
        assertThat(r.all().kellyInterval().upperBound()).isGreaterThanOrEqualTo(0.4);
        assertThat(r.lastTrades().trades()).isEqualTo(20);
        assertThat(r.asOf()).isEqualTo(t0.plusDays(29).plusHours(5));
        assertThat(r.lastDays().trades()).isEqualTo(30);
        assertThat(r.dynamicAdjustment().equity()).isCloseTo(10_000 + 18 * 200 - 12 * 100, within(1e-9));
    }

    @Test
    void demoStrategiesHaveClearlyDifferentEdges() {
        new WorkspaceService(store).createDemo(Progress.NONE);
        List<EdgeReport> all = new EdgeService(store).edges(null, EdgeConfig.defaults(), 100_000);
        assertThat(all).extracting(EdgeReport::strategyId).containsExactly("MEANREV", "NEWS", "TREND");
        EdgeReport news = all.get(1);
        EdgeReport trend = all.get(2);
        assertThat(trend.all().kelly()).isGreaterThan(0.1);
        assertThat(trend.all().kellyInterval().lowerBound()).as("a clear positive edge").isPositive();
        assertThat(news.all().kelly()).isNegative();
        assertThat(news.all().kellyInterval().upperBound()).as("a clear negative edge").isNegative();
        assertThat(all).allSatisfy(e -> assertThat(e.all().trades()).isGreaterThanOrEqualTo(200));
    }

    @Test
    void unknownStrategyIsAValidationError() {
        assertThatThrownBy(() -> new EdgeService(store).edges("NOPE", EdgeConfig.defaults(), 1))
                .isInstanceOf(ValidationException.class).hasMessage("strategy: \"NOPE\" does not exist");
    }

    @Test
    void aStrategyWithoutTradesReportsWhyKellyIsNotUsed() {
        store.trades().saveStrategies(List.of(new Strategy("E", "Empty", null)));
        EdgeReport r = new EdgeService(store).edges("E", EdgeConfig.defaults(), 1000).get(0);
        assertThat(r.all().trades()).isZero();
        assertThat(r.all().kelly()).isNull();
        assertThat(r.all().kellyUsable()).isFalse();
        assertThat(r.all().reason()).isNotBlank();
        assertThat(r.asOf()).isNull();
    }
}
