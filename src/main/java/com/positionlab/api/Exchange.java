package com.positionlab.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.positionlab.service.Json;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request under way: answers it once, as compact JSON written without blocking, and records it in the
 * metrics (before the answer goes out, so a client that reads the metrics next always sees this call).
 * A client that goes away before its answer is written is logged once at DEBUG and counted as an abort,
 * never as a server error.
 */
final class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    private static final ObjectWriter WRITER = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final String JSON = "application/json; charset=utf-8";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final ApiMetrics metrics;
    private final long startNanos;
    private final AtomicBoolean finished = new AtomicBoolean();
    final String method;
    final String path;

    Exchange(Request request, Response response, Callback callback, ApiMetrics metrics, long startNanos) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.metrics = metrics;
        this.startNanos = startNanos;
        this.method = request.getMethod();
        this.path = request.getHttpURI().getPath();
    }

    /** Answers the request's failure {@code t} (see {@link Failures}). */
    void fail(Throwable t) {
        answer(Failures.toReply(t, method, path));
    }

    /** Writes {@code reply}; a second answer to the same request is ignored. */
    void answer(Reply reply) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        byte[] body;
        try {
            body = WRITER.writeValueAsBytes(reply.body());
        } catch (IOException | RuntimeException e) {
            reply = Failures.internal(e, method, path);
            body = errorBytes(reply);
        }
        metrics.forPath(path).record(System.nanoTime() - startNanos, reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        reply.headers().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_TYPE, JSON);
        response.setStatus(reply.status());
        Callback written = Callback.from(callback::succeeded, this::clientWentAway);
        if ("HEAD".equals(method)) {
            response.write(true, null, written);
        } else {
            headers.put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), written);
        }
    }

    /** The client closed the connection before its request was read or its answer written. */
    void clientWentAway(Throwable cause) {
        finished.set(true);
        metrics.clientAborted();
        LOG.debug("{} {}: the client went away before the answer was written ({})", method,
                Echo.cut(path, Echo.PATH_CHARS), cause.toString());
        callback.failed(cause);
    }

    String header(HttpHeader name) {
        return request.getHeaders().get(name);
    }

    static byte[] errorBytes(Reply reply) {
        try {
            return WRITER.writeValueAsBytes(reply.body());
        } catch (IOException e) {
            throw new IllegalStateException("an error body is always writable", e);
        }
    }
}
