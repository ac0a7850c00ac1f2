package com.positionlab.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import com.positionlab.service.JsonRequests;
import com.positionlab.service.ValidationException;
import com.positionlab.service.ValidationException.FieldError;

/**
 * The request an endpoint sees: its body, already read in full (at most {@link #MAX_BODY_BYTES}) before the
 * endpoint runs, so an endpoint never waits for the network.
 */
final class ApiRequest {

    /** Largest body accepted (1 MiB); a larger one is answered 413. */
    static final int MAX_BODY_BYTES = 1 << 20;

    static final ApiRequest EMPTY = new ApiRequest(new byte[0]);

    private final byte[] body;
    private final String parameter;

    ApiRequest(byte[] body) {
        this(body, null);
    }

    private ApiRequest(byte[] body, String parameter) {
        this.body = body;
        this.parameter = parameter;
    }

    /** A GET on a path template, carrying the path's parameter. */
    static ApiRequest withParameter(String parameter) {
        return new ApiRequest(new byte[0], parameter);
    }

    /** The path template's parameter (letters, digits, '.', '_', '-'), or null for an exact path. */
    String parameter() {
        return parameter;
    }

    /**
     * The body as a {@code type}, through {@link JsonRequests} (unknown fields, wrong types and malformed
     * JSON become a {@link ValidationException} naming the field).
     *
     * @throws ValidationException naming {@code request} when the body is empty
     */
    <T> T body(Class<T> type) throws IOException {
        return body(type, value -> List.of());
    }

    /** The body as a {@code type}; fields of the wrong type are reported with what {@code check} finds. */
    <T> T body(Class<T> type, Function<T, List<FieldError>> check) throws IOException {
        if (isBlank(body)) {
            throw new ValidationException("request", "the body is empty; expected a JSON object");
        }
        return JsonRequests.readChecked(new ByteArrayInputStream(body), type, check);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
