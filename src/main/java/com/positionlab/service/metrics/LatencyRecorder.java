package com.positionlab.service.metrics;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Counts calls and errors and keeps the latencies of the most recent calls, for percentiles and a
 * calls-per-second rate. Thread-safe; recording is a few array writes under a lock.
 */
public final class LatencyRecorder {

    /** Latencies kept for the percentiles. */
    public static final int WINDOW = 8192;
    private static final long RATE_WINDOW_NANOS = 10_000_000_000L;

    /** What the recorder saw: totals, the recent rate, and latency percentiles in milliseconds (NaN before any call). */
    public record Snapshot(long count, long errors, long rejected, double ratePerSecond, double p50Ms,
                           double p95Ms, double p99Ms, double maxMs) {
    }

    /** How a call ended: answered, refused for its input (the caller's mistake), or failed (ours). */
    public enum Result { OK, REJECTED, FAILED }

    /** One failed call: when it ended and what went wrong. */
    public record Failure(Instant at, String what) {
    }

    /** Failures kept for {@link #recentFailures()}. */
    public static final int FAILURES_KEPT = 50;
    private static final int FAILURE_TEXT_LIMIT = 500;
    private final ArrayDeque<Failure> failures = new ArrayDeque<>();

    private final LongSupplier nanoClock;
    private final long[] latencies = new long[WINDOW];
    private final long[] finishedAt = new long[WINDOW];
    private long count;
    private long errors;
    private long rejected;

    public LatencyRecorder() {
        this(System::nanoTime);
    }

    public LatencyRecorder(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Records one call that took {@code nanos}; {@code error} when it failed. */
    public void record(long nanos, boolean error) {
        record(nanos, error ? Result.FAILED : Result.OK);
    }

    /** Records one call that took {@code nanos} and how it ended: a refused input is not an error. */
    public void record(long nanos, Result result) {
        record(nanos, result, null);
    }

    /** As {@link #record(long, Result)}; a failure's {@code what} (cut to 500 characters) is kept for diagnosis. */
    public synchronized void record(long nanos, Result result, String what) {
        if (result == Result.FAILED) {
            String text = what == null || what.isBlank() ? "(no detail)" : what.strip();
            failures.addFirst(new Failure(Instant.now(), text.length() > FAILURE_TEXT_LIMIT
                    ? text.substring(0, FAILURE_TEXT_LIMIT) + "…" : text));
            if (failures.size() > FAILURES_KEPT) {
                failures.removeLast();
            }
        }
        int slot = (int) (count % WINDOW);
        latencies[slot] = nanos;
        finishedAt[slot] = nanoClock.getAsLong();
        count++;
        if (result == Result.FAILED) {
            errors++;
        } else if (result == Result.REJECTED) {
            rejected++;
        }
    }

    /** The most recent failures, newest first (at most {@link #FAILURES_KEPT}). */
    public synchronized List<Failure> recentFailures() {
        return List.copyOf(failures);
    }

    public synchronized Snapshot snapshot() {
        int n = (int) Math.min(count, WINDOW);
        if (n == 0) {
            return new Snapshot(0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        long now = nanoClock.getAsLong();
        int recent = 0;
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            oldest = Math.min(oldest, finishedAt[i]);
            if (now - finishedAt[i] <= RATE_WINDOW_NANOS) {
                recent++;
            }
        }
        // Calls finished in the last 10 s, per second of that window (or of the time since the oldest call kept).
        double seconds = Math.max(Math.min(RATE_WINDOW_NANOS, now - oldest) / 1e9, 1e-3);
        return new Snapshot(count, errors, rejected, recent / seconds, percentile(sorted, 0.50), percentile(sorted, 0.95),
                percentile(sorted, 0.99), sorted[n - 1] / 1e6);
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
