package com.positionlab.api;

/**
 * The body of {@code GET /api/v1/health}: {@code UP} when the workspace answers, else {@code DEGRADED}
 * (the Kelly endpoint still works; sizing from the workspace does not).
 */
record HealthReport(String status, StoreHealth store, String version, long uptimeSeconds) {

    /** The workspace: {@code UP} with what it holds, or {@code DOWN} with the store's error. */
    record StoreHealth(String status, String detail) {
    }
}
