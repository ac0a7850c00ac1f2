package com.positionlab.api;

import java.util.Map;

/**
 * A request the API refuses before it reaches a service: no or wrong token, unknown path, wrong method,
 * a body over the size limit. {@code error} is the stable code a client can switch on; {@code headers}
 * are added to the answer (for example {@code Allow} on a 405).
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String error;
    private final Map<String, String> headers;

    ApiError(int status, String error, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is required",
                Map.of("WWW-Authenticate", "Bearer realm=\"positionlab\""));
    }

    static ApiError notFound(String path) {
        return new ApiError(404, "not_found", "no endpoint at " + path, Map.of());
    }

    static ApiError methodNotAllowed(String method, String path, String allowed) {
        return new ApiError(405, "method_not_allowed", method + " is not allowed on " + path + "; use " + allowed,
                Map.of("Allow", allowed));
    }

    static ApiError payloadTooLarge(int limitBytes) {
        return new ApiError(413, "payload_too_large", "the request body is larger than " + limitBytes + " bytes",
                Map.of("Connection", "close"));
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
}
