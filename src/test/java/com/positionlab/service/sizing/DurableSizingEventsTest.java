package com.positionlab.service.sizing;

import static com.positionlab.service.sizing.PositionSizingServiceTest.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.domain.Side;
import com.positionlab.service.StoreUnavailableException;
import com.positionlab.store.Database;
import com.positionlab.store.SizingEventRepository.StoredEvent;
import com.positionlab.store.Store;
import com.positionlab.store.StoreException;

/**
 * Group commit of {@code position_sized} events: a recording sizing returns only once its event is
 * committed; concurrent sizings share commits; a store that cannot write refuses the sizing with the
 * reason, reports it once and recovers; the outbox stops quickly whatever the store does.
 */
class DurableSizingEventsTest {

    /** A cheap sizing (its history in the request, so the model is cached): the commit path dominates. */
    private static final PositionSizingRequest SELF_CONTAINED =
            PositionSizingServiceTest.selfContained(com.positionlab.engine.sizing.SizingMethod.FIXED_PERCENTAGE);

    @TempDir
    static Path dir;
    private static Database db;
    private static Store store;

    @BeforeAll
    static void open() {
        db = Database.open("jdbc:h2:file:" + dir.resolve("ws"));
        store = new Store(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The self-contained sizing under another decision id (same history: the model stays cached). */
    private static PositionSizingRequest sizing(int i) {
        return withDecisionId("d-" + i);
    }

    private static PositionSizingRequest withDecisionId(String id) {
        return new PositionSizingRequest(decision(id, "NEW", Side.LONG, 25, null, null),
                SELF_CONTAINED.portfolioState(), SELF_CONTAINED.sizingParameters(), null, null, null, null);
    }

    private static int storedEventsOf(String sizingId) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM sizing_events WHERE sizing_id = ?")) {
            ps.setString(1, sizingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Counts the transactions the outbox commits, storing through the real workspace. */
    private static final class CountingLog implements SizingEventOutbox.EventLog {
        final AtomicInteger groups = new AtomicInteger();
        final AtomicInteger events = new AtomicInteger();
        final AtomicBoolean full = new AtomicBoolean();
        private final long extraCommitMillis;

        CountingLog(long extraCommitMillis) {
            this.extraCommitMillis = extraCommitMillis;
        }

        @Override
        public void appendAll(List<StoredEvent> rows) {
            failIfFull();
            store.sizingEvents().appendAll(rows);
            sleep(extraCommitMillis);
            groups.incrementAndGet();
            events.addAndGet(rows.size());
        }

        @Override
        public void probeWrite() {
            failIfFull();
            store.sizingEvents().probeWrite();
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void failIfFull() {
            if (full.get()) {
                throw new StoreException("Could not store sizing events: General error: "
                        + "\"java.lang.IllegalStateException: Could not write to file\" [50000-252]",
                        new SQLException("General error", "HY000", 50000,
                                new IOException("No space left on device")));
            }
        }
    }

    private static PositionSizingService service(SizingEventOutbox.EventLog log, StoreWriteHealth health) {
        return new PositionSizingService(store, null, health,
                new SizingEventOutbox(store, log, health, Duration.ofSeconds(10)));
    }

    @Test
    void aSizingReturnsOnlyOnceItsEventIsCommitted() throws Exception {
        try (PositionSizingService service = new PositionSizingService(store)) {
            for (int i = 0; i < 20; i++) {
                PositionSizingResponse r = service.size(sizing(i));
                assertThat(storedEventsOf(r.sizingId())).as("event of sizing %d right after the answer", i)
                        .isEqualTo(1);
            }
        }
    }

    /**
     * Eight threads size at once for about 3 s: every answered sizing has its event, and the events went
     * to disk in far fewer transactions than there were sizings (each commit is made 5 ms slower than the
     * disk's, as on a slow disk, so that grouping shows however busy the test machine is). Prints the rate.
     */
    @Test
    void concurrentSizingsShareCommitsAndEveryAnsweredOneIsStored() throws Exception {
        CountingLog log = new CountingLog(5);
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        int threads = 8;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try (PositionSizingService service = service(log, new StoreWriteHealth())) {
            service.size(SELF_CONTAINED);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        answered.add(service.size(SELF_CONTAINED).sizingId());
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("group commit: %d sizings in %.2f s (%.0f/s) over %d commits (%.1f events per commit)%n",
                answered.size(), seconds, answered.size() / seconds, log.groups.get(),
                log.events.get() / (double) log.groups.get());
        assertThat(log.events.get()).isEqualTo(answered.size() + 1);
        assertThat(log.groups.get()).as("commits for %d events", log.events.get())
                .isLessThan(log.events.get() / 2);
        List<String> stored = new ArrayList<>();
        store.sizingEvents().forEach(0, e -> stored.add(e.sizingId()));
        assertThat(stored).containsAll(answered);
    }

    @Test
    void aStoreThatCannotWriteRefusesSizingsSaysWhyOnceAndRecovers() throws Exception {
        CountingLog log = new CountingLog(0);
        StoreWriteHealth health = new StoreWriteHealth();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PositionSizingService service = service(log, health)) {
            service.size(sizing(1));
            assertThat(health.problem()).isEmpty();
            log.full.set(true);
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 5; i++) {
                int n = i;
                assertThatThrownBy(() -> service.size(sizing(n))).isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("could not store")
                        .hasMessageContaining("disk holding the workspace is full");
            }
            assertThat(health.problem()).hasValueSatisfying(p -> assertThat(p).contains("No space left on device"));
            int groupsBefore = log.groups.get();
            log.full.set(false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (health.problem().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(health.problem()).as("recovered by the writer's probe, without a sizing").isEmpty();
            assertThat(log.groups.get()).isEqualTo(groupsBefore);
            PositionSizingResponse after = service.size(sizing(9));
            assertThat(storedEventsOf(after.sizingId())).isEqualTo(1);
        } finally {
            System.setErr(err);
        }
        String logged = captured.toString(StandardCharsets.UTF_8);
        assertThat(logged.lines().filter(l -> l.contains("WARN")).count()).as(logged).isEqualTo(1);
        assertThat(logged.lines().filter(l -> l.contains("INFO") && l.contains("accepts writes again")).count())
                .as(logged).isEqualTo(1);
        assertThat(logged).doesNotContain("\tat ");
    }

    @Test
    void closeReturnsWithinTwoSecondsWhileTheStoreHangsAndWaitingSizingsFail() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SizingEventOutbox.EventLog stuck = new SizingEventOutbox.EventLog() {
            @Override
            public void appendAll(List<StoredEvent> rows) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new StoreException("Could not store sizing events: released by the test");
            }

            @Override
            public void probeWrite() {
                throw new StoreException("not used");
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        PositionSizingService service = service(stuck, new StoreWriteHealth());
        try {
            List<Future<PositionSizingResponse>> waiting = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                waiting.add(pool.submit(() -> service.size(sizing(n))));
            }
            Thread.sleep(500);
            long start = System.nanoTime();
            service.close();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(ms).as("close took %d ms", ms).isLessThan(2_500);
            assertThatThrownBy(() -> service.size(sizing(7))).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("closing");
            release.countDown();
            for (Future<PositionSizingResponse> f : waiting) {
                assertThatThrownBy(() -> f.get(12, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(StoreUnavailableException.class);
            }
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void eventIdsAreVersion7UuidsThatSortByTime() {
        java.time.Instant t = java.time.Instant.parse("2026-12-01T10:00:00Z");
        String a = SizingEventOutbox.timeOrderedId(t);
        String b = SizingEventOutbox.timeOrderedId(t.plusMillis(1));
        String c = SizingEventOutbox.timeOrderedId(t.plusSeconds(3600));
        assertThat(java.util.UUID.fromString(a).version()).isEqualTo(7);
        assertThat(java.util.UUID.fromString(a).variant()).isEqualTo(2);
        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
        assertThat(Long.parseLong(a.substring(0, 8) + a.substring(9, 13), 16)).isEqualTo(t.toEpochMilli());
    }

    @Test
    void aDecisionIdTooLongToStoreIsRefusedAndNothingIsStored() throws Exception {
        try (PositionSizingService service = new PositionSizingService(store)) {
            int before = store.sizingEvents().all().size();
            String longId = "x".repeat(10_000);
            assertThatThrownBy(() -> service.size(withDecisionId(longId)))
                    .isInstanceOf(com.positionlab.service.ValidationException.class)
                    .hasMessageStartingWith("trading_decision.decision_id: must be at most 64 characters")
                    .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
            assertThat(store.sizingEvents().all()).hasSize(before);
        }
    }
}
