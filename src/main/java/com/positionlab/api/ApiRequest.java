package com.positionlab.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.positionlab.service.JsonRequests;
import com.positionlab.service.ValidationException;
import com.sun.net.httpserver.HttpExchange;

/** The request an endpoint sees: its JSON body, read once and at most {@link #MAX_BODY_BYTES} long. */
final class ApiRequest {

    /** Largest body accepted (1 MiB); a larger one is answered 413. */
    static final int MAX_BODY_BYTES = 1 << 20;
    /**
     * How much of an oversized body is read and thrown away so that the client, still sending, can read
     * the 413; past this the connection is simply closed.
     */
    private static final long DRAIN_LIMIT_BYTES = 16L << 20;

    private final HttpExchange exchange;

    ApiRequest(HttpExchange exchange) {
        this.exchange = exchange;
    }

    /**
     * The body as a {@code type}, through {@link JsonRequests} (unknown fields, wrong types and malformed
     * JSON become a {@link ValidationException} naming the field).
     *
     * @throws ValidationException naming {@code request} when the body is empty
     * @throws ApiError 413 when the body is over {@link #MAX_BODY_BYTES}
     */
    <T> T body(Class<T> type) throws IOException {
        byte[] bytes = readBody();
        if (isBlank(bytes)) {
            throw new ValidationException("request", "the body is empty; expected a JSON object");
        }
        return JsonRequests.read(new ByteArrayInputStream(bytes), type);
    }

    private byte[] readBody() throws IOException {
        InputStream in = exchange.getRequestBody();
        if (declaredLength() > MAX_BODY_BYTES) {
            drain(in);
            throw ApiError.payloadTooLarge(MAX_BODY_BYTES);
        }
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            drain(in);
            throw ApiError.payloadTooLarge(MAX_BODY_BYTES);
        }
        return bytes;
    }

    private long declaredLength() {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long read = 0;
        int n;
        while (read < DRAIN_LIMIT_BYTES && (n = in.read(sink)) > 0) {
            read += n;
        }
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
