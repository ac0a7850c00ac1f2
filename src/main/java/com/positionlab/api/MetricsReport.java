package com.positionlab.api;

import java.util.Map;

import com.positionlab.service.metrics.LatencyRecorder;

/**
 * The body of {@code GET /api/v1/metrics}. Counts are since the server started; latencies (milliseconds,
 * from the request's headers being parsed to its answer being serialised, so reading the body and waiting
 * for a compute thread are included) are nearest-rank percentiles over the last
 * {@value LatencyRecorder#WINDOW} requests of each endpoint, null before the first; the rate is requests
 * finished per second over the last 10 seconds. A request is counted once it has been answered, so a
 * metrics request does not see itself. {@code other} holds requests to paths that do not exist.
 * {@code clientAborts} counts clients that went away before their answer was written (not server errors).
 */
record MetricsReport(double uptimeSeconds, long requests, long clientErrors, long serverErrors, long clientAborts,
                     Map<String, EndpointStats> endpoints, Map<String, ServiceStats> services) {

    /** One endpoint: requests answered, of which 4xx and 5xx, the recent rate and latency percentiles. */
    record EndpointStats(long requests, long clientErrors, long serverErrors, double ratePerSecond,
                         Latency latencyMs) {
    }

    /** A service's own count of calls (refused input in {@code rejected}, faults in {@code errors}) and its time. */
    record ServiceStats(long calls, long errors, long rejected, double ratePerSecond, Latency latencyMs) {

        static ServiceStats of(LatencyRecorder.Snapshot s) {
            return new ServiceStats(s.count(), s.errors(), s.rejected(), s.ratePerSecond(), Latency.of(s));
        }
    }

    /** Latency percentiles in milliseconds; null before any request. */
    record Latency(Double p50, Double p95, Double p99, Double max) {

        static Latency of(LatencyRecorder.Snapshot s) {
            return new Latency(orNull(s.p50Ms()), orNull(s.p95Ms()), orNull(s.p99Ms()), orNull(s.maxMs()));
        }

        private static Double orNull(double v) {
            return Double.isNaN(v) ? null : v;
        }
    }
}
