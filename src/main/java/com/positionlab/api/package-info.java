/**
 * The local REST API ({@code positionlab serve}): the seed's JSON contract over HTTP, answered by the same
 * services as the CLI and the UI.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>request</th><th>body</th><th>answer</th></tr>
 *   <tr><td>{@code POST /api/v1/calculate-position-size}</td><td>PositionSizingRequest</td>
 *       <td>PositionSizingResponse</td></tr>
 *   <tr><td>{@code POST /api/v1/kelly-criterion}</td><td>KellyCalculationRequest</td>
 *       <td>KellyCalculationResponse (not stored)</td></tr>
 *   <tr><td>{@code GET /api/v1/health}</td><td></td>
 *       <td>{@code {status: UP|DEGRADED, store: {status: UP|DOWN, detail}, version, uptime_seconds}};
 *       200 when UP, 503 when DEGRADED</td></tr>
 *   <tr><td>{@code GET /api/v1/metrics}</td><td></td>
 *       <td>requests, 4xx and 5xx per endpoint, recent rate, latency p50/p95/p99 (see {@link
 *       com.positionlab.api.MetricsReport})</td></tr>
 * </table>
 *
 * <p>Errors are JSON: {@code {"error": code, "message": text, "errors": [{"field", "reason"}]}}. Bad input
 * (malformed or truncated JSON, not an object, an empty body, unknown fields, wrong types, unknown enum
 * values, values out of range) is 400 {@code invalid_request} with every field named as a dotted JSON
 * path; 401 {@code unauthorized} without the bearer token when the server has one; 404 {@code not_found};
 * 405 {@code method_not_allowed} with {@code Allow}; 413 {@code payload_too_large} over 1 MiB; 500
 * {@code internal_error} only for a fault of the server, logged with an incident id. Bad input is never a
 * 500, and no request stops the server.
 */
package com.positionlab.api;
