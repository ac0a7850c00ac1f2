package com.positionlab.service.sizing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.positionlab.service.Json;
import com.positionlab.store.SizingEventRepository.StoredEvent;
import com.positionlab.store.Store;

/**
 * The outbox of {@code position_sized} events. {@link #emit} only queues the event, so a sizing never
 * waits for the disk; a writer thread stores the queue in batches (at least every 200 ms), and
 * {@link #flush} and {@link #close} store whatever is queued before returning. The writer is stopped by
 * a flag, never by an interrupt, which would make H2 close the database file mid-write. Export writes the
 * stored events as JSON Lines, oldest first.
 */
final class SizingEventOutbox implements AutoCloseable {

    /** The seed's event payload. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PositionSized(String eventId, String eventType, Instant timestamp, String sizingId, String decisionId,
                         PositionSizingResponse.OptimalPosition optimalPosition,
                         PositionSizingResponse.SizingAnalysis sizingAnalysis) {
    }

    static final String EVENT_TYPE = "position_sized";
    private static final Logger LOG = LoggerFactory.getLogger(SizingEventOutbox.class);
    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Store store;
    private final LinkedBlockingQueue<PositionSized> queue = new LinkedBlockingQueue<>(100_000);
    private final Object writeLock = new Object();
    private final Thread writer;
    private volatile boolean closed;

    SizingEventOutbox(Store store) {
        this.store = store;
        this.writer = new Thread(this::drainLoop, "sizing-event-outbox");
        writer.setDaemon(true);
        writer.start();
    }

    void emit(String sizingId, String decisionId, PositionSizingResponse response) {
        PositionSized event = new PositionSized(UUID.randomUUID().toString(), EVENT_TYPE, Instant.now(), sizingId,
                decisionId, response.optimalPosition(), response.sizingAnalysis());
        if (!queue.offer(event)) {
            // The writer is far behind (the store is stuck); store this one on the caller's thread.
            flush();
            queue.offer(event);
        }
    }

    /** Stores every queued event now. */
    void flush() {
        synchronized (writeLock) {
            List<PositionSized> batch = new ArrayList<>();
            while (queue.drainTo(batch, 1000) > 0) {
                write(batch);
                batch.clear();
            }
        }
    }

    int exportJsonLines(Writer out) throws IOException {
        flush();
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
        while (!closed) {
            try {
                PositionSized first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    synchronized (writeLock) {
                        List<PositionSized> batch = new ArrayList<>();
                        batch.add(first);
                        queue.drainTo(batch, 999);
                        write(batch);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("could not store sizing events; they will be retried", e);
            }
        }
    }

    private void write(List<PositionSized> batch) {
        List<StoredEvent> rows = new ArrayList<>(batch.size());
        for (PositionSized e : batch) {
            try {
                rows.add(new StoredEvent(0, e.eventId(), e.eventType(), e.sizingId(), e.timestamp(),
                        LINE.writeValueAsString(e)));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("event could not be written as JSON", ex);
            }
        }
        try {
            store.sizingEvents().appendAll(rows);
        } catch (RuntimeException ex) {
            // Put them back so nothing is lost; the next drain retries.
            queue.addAll(batch);
            throw ex;
        }
    }

    @Override
    public void close() {
        // Never interrupt the writer: an interrupt during H2's file I/O closes the database file.
        closed = true;
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("could not store the last sizing events", e);
        }
    }
}
