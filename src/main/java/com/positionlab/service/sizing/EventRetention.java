package com.positionlab.service.sizing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.positionlab.store.Store;

/**
 * Keeps the {@code position_sized} events and the accepted sizings within their retention: rows older
 * than the policy's days, and the oldest rows beyond its maximum count, are deleted in transactions of at
 * most {@link #BATCH} rows on a thread of its own, so sizing (which only inserts other rows) is never
 * blocked for longer than one small delete. {@link #start} runs a pass after {@code firstDelay} and then
 * every {@code period}; {@link #close} stops between two batches (it never interrupts a write, which would
 * make H2 close the file).
 */
public final class EventRetention implements AutoCloseable {

    /**
     * How much to keep; 0 means no limit on that axis.
     *
     * @param eventDays   days of events kept (default 90)
     * @param eventMax    most events kept (default 1,000,000)
     * @param historyDays days of accepted sizings kept (default 730: a trader looks back further)
     * @param historyMax  most accepted sizings kept (default 1,000,000)
     */
    public record Policy(int eventDays, long eventMax, int historyDays, long historyMax) {
        public static final Policy DEFAULT = new Policy(90, 1_000_000, 730, 1_000_000);

        public Policy {
            if (eventDays < 0 || eventMax < 0 || historyDays < 0 || historyMax < 0) {
                throw new IllegalArgumentException("retention limits must be 0 (no limit) or positive, got " + eventDays
                        + " days / " + eventMax + " events, " + historyDays + " days / " + historyMax + " sizings");
            }
        }
    }

    /** What one pass deleted. */
    public record Pass(int events, int history) {
    }

    /** Most rows deleted in one transaction ({@link Store#MAX_ROWS_PER_TRANSACTION}). */
    public static final int BATCH = Store.MAX_ROWS_PER_TRANSACTION;
    private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);

    private final Store store;
    private final Policy policy;
    private final Clock clock;
    private final int batch;
    private volatile boolean stopped;
    private ScheduledExecutorService timer;

    public EventRetention(Store store, Policy policy, Clock clock) {
        this(store, policy, clock, BATCH);
    }

    EventRetention(Store store, Policy policy, Clock clock, int batch) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.batch = batch;
    }

    /** Runs {@link #runOnce} after {@code firstDelay} and every {@code period} after that, on a daemon thread. */
    public synchronized EventRetention start(Duration firstDelay, Duration period) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sizing-event-retention");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::runQuietly, firstDelay.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** One pass over both tables, batch by batch, until nothing is beyond the policy (or {@link #close}). */
    public Pass runOnce() {
        Instant now = clock.instant();
        int events = 0;
        int history = 0;
        if (policy.eventDays() > 0) {
            Instant cutoff = now.minus(Duration.ofDays(policy.eventDays()));
            events += drain(() -> store.sizingEvents().deleteOlderThan(cutoff, batch));
        }
        if (policy.eventMax() > 0) {
            events += drain(() -> store.sizingEvents().deleteBeyondNewest(policy.eventMax(), batch));
        }
        if (policy.historyDays() > 0) {
            Instant cutoff = now.minus(Duration.ofDays(policy.historyDays()));
            history += drain(() -> store.sizingHistory().deleteOlderThan(cutoff, batch));
        }
        if (policy.historyMax() > 0) {
            history += drain(() -> store.sizingHistory().deleteBeyondNewest(policy.historyMax(), batch));
        }
        return new Pass(events, history);
    }

    private int drain(IntSupplier deleteBatch) {
        int total = 0;
        while (!stopped) {
            int n = deleteBatch.getAsInt();
            total += n;
            if (n < batch) {
                break;
            }
            Thread.yield();
        }
        return total;
    }

    private void runQuietly() {
        try {
            Pass p = runOnce();
            if (p.events() > 0 || p.history() > 0) {
                LOG.info("Retention deleted {} sizing events and {} accepted sizings beyond {}", p.events(),
                        p.history(), policy);
            }
        } catch (RuntimeException e) {
            LOG.warn("Retention could not delete old sizing events; it retries at the next pass: {}", e.getMessage());
        }
    }

    /** Stops the schedule; a pass in progress ends after its current batch (waits at most 1 s). */
    @Override
    public synchronized void close() {
        stopped = true;
        if (timer != null) {
            timer.shutdown();
            try {
                if (!timer.awaitTermination(1, TimeUnit.SECONDS)) {
                    LOG.warn("Retention was still deleting a batch when the workspace closed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
