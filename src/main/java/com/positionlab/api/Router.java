package com.positionlab.api;

import java.io.EOFException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one handler of the server. On Jetty's thread, and without waiting for the network, it checks Host
 * and Origin, the token, finds the route by exact raw path and method (HEAD is answered as GET without the
 * body) and the media type of a POST. Inline routes (health, metrics) are answered there and then; a POST
 * body is read asynchronously within the request's deadline; the endpoint then runs on the bounded compute
 * pool, and its answer is written asynchronously. Whatever happens, the request is answered once.
 */
final class Router extends Handler.Abstract {

    /** How much of an oversized body is read and thrown away so that the client can read the 413. */
    static final long DRAIN_LIMIT_BYTES = 16L << 20;

    private final Map<String, List<Route>> routesByPath;
    private final BearerToken token;
    private final ApiMetrics metrics;
    private final RequestGuard guard;
    private final ConnectionGuard connections;
    private final Executor compute;
    private final ScheduledExecutorService timer;
    private final long readDeadlineNanos;

    /** {@code token} null: no authentication. */
    Router(List<Route> routes, BearerToken token, ApiMetrics metrics, RequestGuard guard,
           ConnectionGuard connections, Executor compute, ScheduledExecutorService timer, long readDeadlineNanos) {
        this.routesByPath = routes.stream().collect(Collectors.groupingBy(Route::path, LinkedHashMap::new,
                Collectors.toList()));
        this.token = token;
        this.metrics = metrics;
        this.guard = guard;
        this.connections = connections;
        this.compute = compute;
        this.timer = timer;
        this.readDeadlineNanos = readDeadlineNanos;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long now = System.nanoTime();
        Exchange exchange = new Exchange(request, response, callback, metrics, now);
        try {
            Route route = admit(exchange);
            if (route.template()) {
                submit(route, ApiRequest.withParameter(route.parameter(exchange.path)), exchange);
            } else if (route.inline()) {
                exchange.answer(run(route, ApiRequest.EMPTY, exchange));
            } else if ("POST".equals(route.method())) {
                long deadline = connections.requestStartNanos(request.getConnectionMetaData().getConnection(), now)
                        + readDeadlineNanos;
                BodyReader.read(request, ApiRequest.MAX_BODY_BYTES, DRAIN_LIMIT_BYTES, deadline,
                                readDeadlineNanos / 1_000_000, timer)
                        .whenComplete((body, failure) -> onBody(route, exchange, body, failure));
            } else {
                submit(route, ApiRequest.EMPTY, exchange);
            }
        } catch (Throwable t) {
            exchange.fail(t);
        }
        return true;
    }

    /** The route for this request, or the refusal. */
    private Route admit(Exchange exchange) {
        guard.checkHostAndOrigin(exchange.header(HttpHeader.HOST), exchange.header(HttpHeader.ORIGIN));
        if (token != null && !token.accepts(exchange.header(HttpHeader.AUTHORIZATION))) {
            throw ApiError.unauthorized();
        }
        List<Route> routes = routesByPath.get(exchange.path);
        if (routes == null) {
            routes = routesByPath.values().stream().flatMap(List::stream)
                    .filter(r -> r.template() && "GET".equals(r.method()) && r.parameter(exchange.path) != null)
                    .toList();
        }
        if (routes.isEmpty()) {
            throw ApiError.notFound(exchange.path);
        }
        String routed = "HEAD".equals(exchange.method) ? "GET" : exchange.method;
        for (Route route : routes) {
            if (route.method().equals(routed)) {
                if ("POST".equals(routed)) {
                    RequestGuard.checkJson(exchange.header(HttpHeader.CONTENT_TYPE));
                }
                return route;
            }
        }
        throw ApiError.methodNotAllowed(exchange.method, exchange.path,
                routes.stream().map(Route::method).collect(Collectors.joining(", ")));
    }

    private void onBody(Route route, Exchange exchange, byte[] body, Throwable failure) {
        if (failure == null) {
            submit(route, new ApiRequest(body), exchange);
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ApiError) {
            exchange.fail(cause);
        } else if (cause instanceof EOFException) {
            // Jetty's "early EOF" is also an HttpException (400), but nobody is left to read an answer.
            exchange.clientWentAway(cause);
        } else if (cause instanceof HttpException http) {
            exchange.fail(http.getCode() == 413 ? ApiError.payloadTooLarge(ApiRequest.MAX_BODY_BYTES)
                    : ApiError.badRequest(http.getReason()));
        } else {
            exchange.clientWentAway(cause);
        }
    }

    private void submit(Route route, ApiRequest request, Exchange exchange) {
        try {
            compute.execute(() -> exchange.answer(run(route, request, exchange)));
        } catch (RejectedExecutionException e) {
            exchange.fail(ApiError.busy());
        }
    }

    private static Reply run(Route route, ApiRequest request, Exchange exchange) {
        try {
            return route.endpoint().handle(request);
        } catch (Throwable t) {
            return Failures.toReply(t, exchange.method, exchange.path);
        }
    }
}
