package com.positionlab.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.positionlab.service.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler of the server: checks the token, finds the route by exact path and method (HEAD is
 * answered as GET without the body), runs it, writes the answer as compact JSON and records it in the
 * metrics. Whatever happens, the exchange is
 * answered and closed, and the worker goes back to the pool.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final ObjectWriter WRITER = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, List<Route>> routesByPath;
    private final BearerToken token;
    private final ApiMetrics metrics;

    /** {@code token} null: no authentication. */
    Router(List<Route> routes, BearerToken token, ApiMetrics metrics) {
        this.routesByPath = routes.stream().collect(Collectors.groupingBy(Route::path, LinkedHashMap::new,
                Collectors.toList()));
        this.token = token;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Reply reply;
        try {
            reply = dispatch(exchange, method, path);
        } catch (Throwable t) {
            reply = Failures.toReply(t, method, path);
        }
        byte[] body;
        try {
            body = WRITER.writeValueAsBytes(reply.body());
        } catch (IOException | RuntimeException e) {
            reply = Failures.internal(e, method, path);
            body = errorBytes(reply);
        }
        // Counted before the answer goes out, so a client that reads the metrics next always sees this call.
        metrics.forPath(path).record(System.nanoTime() - start, reply.status());
        send(exchange, reply, body, method, path);
    }

    private Reply dispatch(HttpExchange exchange, String method, String path) throws Exception {
        if (token != null && !token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw ApiError.unauthorized();
        }
        List<Route> routes = routesByPath.get(path);
        if (routes == null) {
            throw ApiError.notFound(path);
        }
        String routed = "HEAD".equals(method) ? "GET" : method;
        for (Route route : routes) {
            if (route.method().equals(routed)) {
                return route.endpoint().handle(new ApiRequest(exchange));
            }
        }
        throw ApiError.methodNotAllowed(method, path,
                routes.stream().map(Route::method).collect(Collectors.joining(", ")));
    }

    /** Writes {@code reply} with its serialised {@code body}. */
    private static void send(HttpExchange exchange, Reply reply, byte[] body, String method, String path) {
        try (OutputStream out = exchange.getResponseBody()) {
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            if ("HEAD".equals(method)) {
                exchange.sendResponseHeaders(reply.status(), -1);
            } else {
                exchange.sendResponseHeaders(reply.status(), body.length);
                out.write(body);
            }
        } catch (IOException e) {
            LOG.debug("{} {}: the client went away before the answer was written", method, path, e);
        } finally {
            exchange.close();
        }
    }

    private static byte[] errorBytes(Reply reply) {
        try {
            return WRITER.writeValueAsBytes(reply.body());
        } catch (IOException e) {
            throw new IllegalStateException("an error body is always writable", e);
        }
    }
}
