package com.positionlab.service.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.kelly.Adjustment;
import com.positionlab.engine.kelly.Conviction;
import com.positionlab.engine.kelly.KellyPolicy;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;

/** A strategy sized by its stored configuration, on the demo workspace's strategies. */
class StrategySizingServiceTest {

    private Database db;
    private Store store;
    private StrategySizingService service;

    @BeforeEach
    void setUp() {
        db = TestStores.memory();
        store = new Store(db);
        new WorkspaceService(store).createDemo(Progress.NONE);
        service = new StrategySizingService(store);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void positiveEdgeIsSizedByThePolicyTheAdjustmentsAndTheTierLimits() {
        var s = service.size("TREND", Conviction.MEDIUM, 1_000_000);
        // Sizing starts from the smaller of p - q/b and the trade list's log-optimal fraction.
        double raw = Math.min(s.edge().all().kelly(), s.edge().all().logOptimalKelly());
        assertThat(s.edge().all().kellyUsed()).isEqualTo(raw);
        double multiplier = s.edge().dynamicAdjustment().adjustments().stream().mapToDouble(Adjustment::multiplier)
                .reduce(1, (a, b) -> a * b);
        var c = s.config();
        double expected = new KellyPolicy(c.maxKellyFraction(), c.kellyMultiplier(), c.minPosition(), c.maxPosition())
                .adjust(raw, multiplier, c.convictionMedium());
        assertThat(s.sizing().fraction()).isCloseTo(expected, within(1e-12));
        assertThat(s.sizing().fraction()).isBetween(c.minPosition(), c.maxPosition());
        assertThat(s.sizing().notional()).isCloseTo(expected * 1_000_000, within(1e-6));
        assertThat(s.outcomesPerStake()).hasSize(s.edge().all().trades());
    }

    @Test
    void negativeEdgeSizesToZeroWithTheBindingLimitNamed() {
        var s = service.size("NEWS", Conviction.HIGH, 1_000_000);
        assertThat(s.sizing().fraction()).isZero();
        assertThat(s.sizing().bindingLimits()).anySatisfy(l -> assertThat(l.name()).isEqualTo("non_negative_edge"));
    }

    @Test
    void theStoredConfigurationDrivesTheSize() {
        var before = service.size("TREND", Conviction.MEDIUM, 1_000_000).sizing().fraction();
        new StrategyKellyConfigService(store).save("TREND", Map.of("kelly_multiplier", "0.125", "max_position", "0.5"));
        var after = service.size("TREND", Conviction.MEDIUM, 1_000_000);
        assertThat(after.config().kellyMultiplier()).isEqualTo(0.125);
        assertThat(after.sizing().fraction()).isLessThan(before);
        new StrategyKellyConfigService(store).save("TREND", Map.of("tier", "HUNTER"));
        var hunter = service.size("TREND", Conviction.HIGH, 1_000_000);
        assertThat(hunter.sizing().appliedConviction()).as("HIGH is not allowed for HUNTER").isEqualTo(Conviction.MEDIUM);
    }

    @Test
    void belowTheMinimumNumberOfTradesTheFallbackIsUsedAndSaysWhy() {
        new StrategyKellyConfigService(store).save("MEANREV", Map.of("min_trades", "1000"));
        var s = service.size("MEANREV", Conviction.MEDIUM, 1_000_000);
        assertThat(s.edge().all().kellyUsable()).isFalse();
        assertThat(s.edge().all().reason()).contains("at least 1000");
        assertThat(s.sizing().basis()).isNotBlank();
        assertThat(s.sizing().fraction()).isPositive();
    }
}
