package com.positionlab.api;

import java.util.Map;

/** What an endpoint answers: an HTTP status, a body written as JSON, and extra headers. */
record Reply(int status, Object body, Map<String, String> headers) {

    static Reply ok(Object body) {
        return new Reply(200, body, Map.of());
    }

    static Reply of(int status, Object body) {
        return new Reply(status, body, Map.of());
    }
}
