package com.positionlab.domain;

import java.time.OffsetDateTime;

/**
 * One optimisation or frontier run for a workspace portfolio, as stored: the request and (when it succeeded)
 * the response as JSON, the solver's report, and its status ({@code optimal} or {@code failed}, then with the
 * error and no response).
 *
 * @param kind       {@code optimize} or {@code frontier}
 * @param latencyMs  wall time of the whole run, in milliseconds
 * @param createdAt  null until stored
 */
public record StoredOptimization(String optimizationId, String portfolioId, String kind, String method,
                                 String status, String solver, Integer iterations, double latencyMs,
                                 String requestJson, String responseJson, String error, OffsetDateTime createdAt) {
}
