package com.positionlab.service.sizing;

import com.positionlab.domain.SizingHistoryFilter;
import com.positionlab.domain.StoredSizing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.store.Database;
import com.positionlab.store.SizingEventRepository.StoredEvent;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;

/** Retention deletes events and accepted sizings beyond their age or count, in batches. */
class EventRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Database db;
    private Store store;

    @BeforeEach
    void open() {
        db = TestStores.memory();
        store = new Store(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** {@code n} events, the i-th created {@code daysAgo(i)} days before NOW; returns their sizing ids in order. */
    private List<String> events(int n, java.util.function.IntUnaryOperator daysAgo) {
        List<StoredEvent> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sizing = "s-" + i;
            ids.add(sizing);
            rows.add(new StoredEvent(0, "e-" + i, SizingEventOutbox.EVENT_TYPE, sizing,
                    NOW.minus(Duration.ofDays(daysAgo.applyAsInt(i))), "{\"i\":" + i + "}"));
        }
        store.sizingEvents().appendAll(rows);
        return ids;
    }

    private List<String> storedSizingIds() {
        return store.sizingEvents().all().stream().map(StoredEvent::sizingId).toList();
    }

    @Test
    void eventsOlderThanTheDaysAreDeletedInBatchesAndNewerOnesKept() {
        List<String> ids = events(25, i -> i < 17 ? 120 : 10);
        EventRetention retention = new EventRetention(store, new EventRetention.Policy(90, 0, 0, 0), CLOCK, 4);
        EventRetention.Pass pass = retention.runOnce();
        assertThat(pass.events()).isEqualTo(17);
        assertThat(storedSizingIds()).containsExactlyElementsOf(ids.subList(17, 25));
        assertThat(retention.runOnce().events()).isZero();
    }

    @Test
    void onlyTheNewestMaxEventsAreKept() {
        List<String> ids = events(23, i -> 1);
        EventRetention.Pass pass = new EventRetention(store, new EventRetention.Policy(0, 10, 0, 0), CLOCK, 3)
                .runOnce();
        assertThat(pass.events()).isEqualTo(13);
        assertThat(storedSizingIds()).containsExactlyElementsOf(ids.subList(13, 23));
    }

    @Test
    void acceptedSizingsHaveTheirOwnAgeAndCount() {
        for (int i = 0; i < 6; i++) {
            store.sizingHistory().save(new StoredSizing("h-" + i, "d-" + i, null, "SEMI", "LONG", "KELLY_CRITERION",
                    null, BigDecimal.ONE, BigDecimal.TEN, 0.01, null, 0.5, "{}", "{}", 1.0,
                    NOW.minus(Duration.ofDays(i < 2 ? 800 : 5 - i))));
        }
        events(3, i -> 100);
        EventRetention.Pass pass = new EventRetention(store, new EventRetention.Policy(0, 0, 730, 3), CLOCK, 2)
                .runOnce();
        assertThat(pass.events()).isZero();
        assertThat(pass.history()).isEqualTo(3);
        assertThat(store.sizingEvents().count()).isEqualTo(3);
        assertThat(store.sizingHistory().list(new com.positionlab.domain.SizingHistoryFilter(null, null,
                null, 10))).extracting(StoredSizing::sizingId).containsExactly("h-5", "h-4", "h-3");
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> new EventRetention.Policy(-1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 days");
    }
}
