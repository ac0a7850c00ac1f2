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
 * path; a request that is not valid HTTP (request line, URI, headers, chunked framing) is 400
 * {@code bad_request} (505 for an unknown HTTP version); 401 {@code unauthorized} without the bearer token
 * when the server has one; 403 {@code forbidden_host} when the {@code Host} header is not the bound address
 * (loopback names with the bound port), 403 {@code forbidden_origin} when an {@code Origin} header is not
 * this server's own loopback origin (both with or without a token: DNS rebinding and cross-site posts);
 * 404 {@code not_found} for any other path (matched exactly and raw: {@code /}, {@code ..}, {@code //}
 * included); 405 {@code method_not_allowed} with {@code Allow}; 408 {@code request_timeout} when the
 * request line, headers and body do not arrive within the read deadline (10 s; a connection still sending
 * headers is simply closed); 413 {@code payload_too_large} over 1 MiB; 415 {@code unsupported_media_type}
 * for a POST not declared {@code application/json}; 431 {@code headers_too_large} over 8 KiB of headers;
 * 503 {@code busy} when 1,024 requests already wait for a compute thread; 500 {@code internal_error} only
 * for a fault of the server, logged with an incident id. Messages echo at most 200 characters of a client
 * value (100 of a path), cut with "...". Bad input is never a 500, and no request stops the server.
 *
 * <p>Slow clients hold no thread: Jetty parses requests without one, bodies are read asynchronously, and
 * only a complete request reaches the compute pool; health and metrics are answered without it. Idle
 * keep-alive connections are closed after 30 s, and at most 256 connections are open at once. A client
 * that goes away before its answer is written is logged at DEBUG and counted as {@code client_aborts} in
 * the metrics, not as a server error.
 */
package com.positionlab.api;
