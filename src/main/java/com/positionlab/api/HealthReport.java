package com.positionlab.api;

/**
 * The body of {@code GET /api/v1/health}: {@code UP} when the workspace answers and accepts writes, else
 * {@code DEGRADED} (the Kelly endpoint still works; sizing, which must record an event, does not).
 */
record HealthReport(String status, StoreHealth store, String version, long uptimeSeconds) {

    /**
     * The workspace: {@code UP} with what it holds, {@code DEGRADED} when it answers but cannot be written
     * (the detail says why: disk full, file not writable), or {@code DOWN} with the store's error.
     */
    record StoreHealth(String status, String detail) {
    }
}
