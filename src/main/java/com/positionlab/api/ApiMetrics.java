package com.positionlab.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.positionlab.service.metrics.LatencyRecorder;

/** Requests, errors and latencies of each endpoint, keyed by path, plus {@code other} for unknown paths. */
final class ApiMetrics {

    static final String OTHER = "other";

    private final Map<String, EndpointMetrics> byPath = new LinkedHashMap<>();
    private final EndpointMetrics other = new EndpointMetrics();
    private final LongAdder clientAborts = new LongAdder();

    ApiMetrics(Collection<String> paths) {
        paths.forEach(p -> byPath.put(p, new EndpointMetrics()));
    }

    /** The counters of {@code path}, or of {@code other} when no endpoint has that path. */
    EndpointMetrics forPath(String path) {
        return byPath.getOrDefault(path, other);
    }

    /** A client closed its connection before its request was read in full or its answer written. */
    void clientAborted() {
        clientAborts.increment();
    }

    MetricsReport report(double uptimeSeconds, Map<String, LatencyRecorder> services) {
        Map<String, MetricsReport.EndpointStats> endpoints = new LinkedHashMap<>();
        byPath.forEach((path, m) -> endpoints.put(path, m.stats()));
        endpoints.put(OTHER, other.stats());
        long requests = 0;
        long clientErrors = 0;
        long serverErrors = 0;
        for (MetricsReport.EndpointStats e : endpoints.values()) {
            requests += e.requests();
            clientErrors += e.clientErrors();
            serverErrors += e.serverErrors();
        }
        Map<String, MetricsReport.ServiceStats> serviceStats = new LinkedHashMap<>();
        services.forEach((name, r) -> serviceStats.put(name, MetricsReport.ServiceStats.of(r.snapshot())));
        return new MetricsReport(uptimeSeconds, requests, clientErrors, serverErrors, clientAborts.sum(), endpoints,
                serviceStats);
    }

    /** One endpoint's counters. Thread-safe. */
    static final class EndpointMetrics {

        private final LatencyRecorder latency = new LatencyRecorder();
        private final LongAdder clientErrors = new LongAdder();
        private final LongAdder serverErrors = new LongAdder();

        void record(long nanos, int status) {
            latency.record(nanos, status >= 500 ? LatencyRecorder.Result.FAILED
                    : status >= 400 ? LatencyRecorder.Result.REJECTED : LatencyRecorder.Result.OK);
            if (status >= 500) {
                serverErrors.increment();
            } else if (status >= 400) {
                clientErrors.increment();
            }
        }

        MetricsReport.EndpointStats stats() {
            LatencyRecorder.Snapshot s = latency.snapshot();
            return new MetricsReport.EndpointStats(s.count(), clientErrors.sum(), serverErrors.sum(),
                    s.ratePerSecond(), MetricsReport.Latency.of(s));
        }
    }
}
