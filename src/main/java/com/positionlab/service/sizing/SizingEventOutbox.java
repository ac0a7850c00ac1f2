package com.positionlab.service.sizing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.positionlab.service.Json;
import com.positionlab.service.StoreUnavailableException;
import com.positionlab.store.SizingEventRepository.StoredEvent;
import com.positionlab.store.Store;

/**
 * The outbox of {@code position_sized} events, with durable acknowledgement by group commit.
 * {@link #record} queues the event and blocks until the transaction holding it has committed (H2 runs
 * with {@code WRITE_DELAY=0}, so a committed event survives a killed process). One writer thread takes
 * everything queued (up to {@link #MAX_GROUP} events), stores it in one transaction and then releases
 * every waiting caller, so many concurrent sizings share one commit.
 *
 * <p>When the store cannot write, the whole group fails with a {@link StoreUnavailableException} whose
 * reason names the disk or file ({@link StoreWriteHealth}); those events were never acknowledged and are
 * not kept. While writes fail, the idle writer probes the store every {@link #PROBE_INTERVAL} so that
 * health recovers once space is freed even without traffic. A caller waits at most the configured time
 * (10 s by default). {@link #close} stops within about 2 s whatever the store does. The writer is stopped
 * by a flag, never by an interrupt, which would make H2 close the database file mid-write.
 */
final class SizingEventOutbox implements AutoCloseable {

    /** The seed's event payload. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PositionSized(String eventId, String eventType, Instant timestamp, String sizingId, String decisionId,
                         PositionSizingResponse.OptimalPosition optimalPosition,
                         PositionSizingResponse.SizingAnalysis sizingAnalysis) {
    }

    /** Where events go: the workspace's {@code sizing_events} table, or a test's stand-in. */
    interface EventLog {
        /** Stores the events in one transaction; throws when nothing was stored. */
        void appendAll(List<StoredEvent> events);

        /** A small committed write, to learn whether the store writes again. */
        void probeWrite();

        static EventLog of(Store store) {
            return new EventLog() {
                @Override
                public void appendAll(List<StoredEvent> events) {
                    store.sizingEvents().appendAll(events);
                }

                @Override
                public void probeWrite() {
                    store.sizingEvents().probeWrite();
                }
            };
        }
    }

    static final String EVENT_TYPE = "position_sized";
    /**
     * Most events committed in one transaction: an event row (about 1.5 KB of JSON) is larger than the
     * rows {@link Store#MAX_ROWS_PER_TRANSACTION} was measured on, and a group must never be large
     * enough for H2 to write it before its commit.
     */
    static final int MAX_GROUP = 1_000;
    /** Most events waiting for the writer; beyond it a sizing is refused at once (503) instead of queueing. */
    static final int MAX_QUEUED = 50_000;
    /** Longest {@code decision_id} copied into an event; longer ones are cut and end in "...". */
    static final int MAX_DECISION_ID = 128;
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    /** How long {@link #close} lets the writer store what is queued before giving up on it. */
    static final Duration CLOSE_BUDGET = Duration.ofMillis(1500);

    private static final Logger LOG = LoggerFactory.getLogger(SizingEventOutbox.class);
    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private record Pending(StoredEvent row, CompletableFuture<Void> stored) {
    }

    private final Store store;
    private final EventLog log;
    private final StoreWriteHealth health;
    private final long waitNanos;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread writer;
    private volatile boolean closed;
    private volatile long closeDeadline;

    SizingEventOutbox(Store store, StoreWriteHealth health) {
        this(store, EventLog.of(store), health, DEFAULT_WAIT);
    }

    SizingEventOutbox(Store store, EventLog log, StoreWriteHealth health, Duration wait) {
        this.store = store;
        this.log = log;
        this.health = health;
        this.waitNanos = wait.toNanos();
        this.writer = new Thread(this::drainLoop, "sizing-event-outbox");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Stores the sizing's event and returns once it is committed.
     *
     * @throws StoreUnavailableException when the store could not write it, is too far behind, did not commit
     *                                   within the wait, or the outbox is closing; the event is then not kept
     */
    void record(String sizingId, String decisionId, PositionSizingResponse response) {
        Instant now = Instant.now();
        PositionSized event = new PositionSized(timeOrderedId(now), EVENT_TYPE, now, sizingId, cut(decisionId),
                response.optimalPosition(), response.sizingAnalysis());
        Pending p = new Pending(new StoredEvent(0, event.eventId(), EVENT_TYPE, sizingId, event.timestamp(),
                json(event)), new CompletableFuture<>());
        if (closed) {
            throw new StoreUnavailableException("the workspace is closing: the sizing " + sizingId + " was not recorded");
        }
        if (!queue.offer(p)) {
            throw health.failed("the sizing's event", new IllegalStateException(MAX_QUEUED
                    + " events are waiting for the store, which does not keep up"));
        }
        if (closed && queue.remove(p)) {
            throw new StoreUnavailableException("the workspace is closing: the sizing " + sizingId + " was not recorded");
        }
        await(p, sizingId);
    }

    private void await(Pending p, String sizingId) {
        try {
            p.stored().get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("the workspace did not store the event of sizing " + sizingId
                    + " within " + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms; the sizing was not recorded", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreUnavailableException s) {
                throw new StoreUnavailableException(s.getMessage(), s.getCause());
            }
            throw new IllegalStateException("storing the event of sizing " + sizingId + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while the event of sizing " + sizingId
                    + " was being stored; the sizing was not recorded", e);
        }
    }

    /** Nothing to do: every event {@link #record} returned for is already committed. */
    void flush() {
        // Acknowledgement is durable: there is no buffer to write out.
    }

    int exportJsonLines(Writer out) throws IOException {
        try {
            return store.sizingEvents().forEach(0, e -> {
                try {
                    out.write(e.payload());
                    out.write('\n');
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            out.flush();
        }
    }

    private void drainLoop() {
        long nextProbe = 0;
        List<Pending> group = new ArrayList<>();
        while (!closed || (!queue.isEmpty() && System.nanoTime() - closeDeadline < 0)) {
            try {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (health.problem().isPresent() && System.nanoTime() - nextProbe >= 0 && !closed) {
                        nextProbe = System.nanoTime() + PROBE_INTERVAL.toNanos();
                        probe();
                    }
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    /** Stores one group in one transaction, then completes every caller's future, either way. */
    private void commit(List<Pending> group) {
        List<StoredEvent> rows = new ArrayList<>(group.size());
        for (Pending p : group) {
            rows.add(p.row());
        }
        StoreUnavailableException failure = null;
        try {
            log.appendAll(rows);
            health.succeeded();
        } catch (RuntimeException e) {
            failure = health.failed(group.size() == 1 ? "a sizing event" : group.size() + " sizing events", e);
        }
        for (Pending p : group) {
            if (failure == null) {
                p.stored().complete(null);
            } else {
                p.stored().completeExceptionally(failure);
            }
        }
    }

    private void probe() {
        try {
            log.probeWrite();
            health.succeeded();
        } catch (RuntimeException e) {
            LOG.debug("The workspace still cannot be written", e);
        }
    }

    private static String json(PositionSized event) {
        try {
            return LINE.writeValueAsString(event);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event of sizing " + event.sizingId() + " could not be written as JSON", ex);
        }
    }

    /**
     * A version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then random bits. Event ids of one period
     * sort together, so the unique index on {@code event_id} grows at its end instead of rewriting a random
     * page of the index file for each event (measured: about half the file growth of random UUIDs).
     */
    static String timeOrderedId(Instant at) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (at.toEpochMilli() << 16) | 0x7000L | (r.nextLong() & 0xFFFL);
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private static String cut(String decisionId) {
        if (decisionId == null || decisionId.length() <= MAX_DECISION_ID) {
            return decisionId;
        }
        return decisionId.substring(0, MAX_DECISION_ID - 3) + "...";
    }

    /**
     * Stops within about 2 s: the writer gets {@link #CLOSE_BUDGET} to store what is queued; events still
     * queued after that are dropped (their callers get a 503-style failure) and their count is logged.
     */
    @Override
    public void close() {
        closeDeadline = System.nanoTime() + CLOSE_BUDGET.toNanos();
        closed = true;
        try {
            writer.join(CLOSE_BUDGET.toMillis() + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty() || writer.isAlive()) {
            LOG.warn("Closing the sizing outbox: {} queued events were not stored{}", left.size(),
                    writer.isAlive() ? " and the store is still busy with one group" : "");
        }
        StoreUnavailableException closing = new StoreUnavailableException(
                "the workspace closed before the sizing's event was stored");
        for (Pending p : left) {
            p.stored().completeExceptionally(closing);
        }
    }
}
