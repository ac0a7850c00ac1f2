package com.positionlab.api;

import java.util.Map;

/**
 * A request the API refuses before it reaches a service: no or wrong token, a foreign Host or Origin,
 * unknown path, wrong method or media type, a body over the size limit or too slow to arrive, a broken
 * request. {@code error} is the stable code a client can switch on; {@code headers} are added to the
 * answer (for example {@code Allow} on a 405). Every client value in a message is cut by {@link Echo}.
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String error;
    private final Map<String, String> headers;

    ApiError(int status, String error, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is required",
                Map.of("WWW-Authenticate", "Bearer realm=\"positionlab\""));
    }

    static ApiError forbiddenHost(String host) {
        return new ApiError(403, "forbidden_host", "the Host header " + quoted(host)
                + " is not the address this server listens on; use the URL it printed", Map.of());
    }

    static ApiError forbiddenOrigin(String origin) {
        return new ApiError(403, "forbidden_origin", "requests from origin " + quoted(origin)
                + " are refused; only this server's own loopback origin may call it", Map.of());
    }

    static ApiError notFound(String path) {
        return new ApiError(404, "not_found", "no endpoint at " + quoted(Echo.cut(path, Echo.PATH_CHARS)),
                Map.of());
    }

    static ApiError methodNotAllowed(String method, String path, String allowed) {
        return new ApiError(405, "method_not_allowed", Echo.cut(method, 20) + " is not allowed on "
                + Echo.cut(path, Echo.PATH_CHARS) + "; use " + allowed, Map.of("Allow", allowed));
    }

    static ApiError unsupportedMediaType(String contentType) {
        return new ApiError(415, "unsupported_media_type", "the body must be sent with 'Content-Type: "
                + "application/json', got " + quoted(contentType), Map.of());
    }

    static ApiError payloadTooLarge(int limitBytes) {
        return new ApiError(413, "payload_too_large", "the request body is larger than " + limitBytes + " bytes",
                Map.of("Connection", "close"));
    }

    static ApiError requestTimeout(long deadlineMillis) {
        return new ApiError(408, "request_timeout", "the request did not arrive in full within "
                + deadlineMillis + " ms", Map.of("Connection", "close"));
    }

    /** A request Jetty could not parse after its handler started (a broken chunked body, say). */
    static ApiError badRequest(String reason) {
        return new ApiError(400, "bad_request", "the request is not valid HTTP: " + quoted(reason),
                Map.of("Connection", "close"));
    }

    static ApiError busy() {
        return new ApiError(503, "busy", "too many requests are waiting; retry shortly",
                Map.of("Retry-After", "1"));
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    Map<String, String> headers() {
        return headers;
    }

    private static String quoted(String value) {
        return value == null ? "(none)" : "\"" + Echo.cut(value, Echo.VALUE_CHARS) + "\"";
    }
}
