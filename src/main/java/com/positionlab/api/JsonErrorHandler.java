package com.positionlab.api;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request Jetty refuses before the API's handler sees it (a bad request line or URI, bad
 * or too large headers, a body Jetty cannot frame) or after a handler failed: the API's
 * {@link ErrorBody} in JSON instead of Jetty's HTML page. The code is {@code bad_request} (400),
 * {@code not_found}, {@code request_timeout}, {@code payload_too_large}, {@code uri_too_long},
 * {@code headers_too_large} (431), {@code internal_error}, else {@code http_<status>}; the message carries
 * Jetty's reason cut to {@value Echo#VALUE_CHARS} characters.
 */
final class JsonErrorHandler implements Request.Handler {

    private static final Map<Integer, String> CODES = Map.of(
            400, "bad_request", 404, "not_found", 405, "method_not_allowed", 408, "request_timeout",
            413, "payload_too_large", 414, "uri_too_long", 431, "headers_too_large", 500, "internal_error",
            503, "unavailable");

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
        if (status < 400) {
            status = 500;
        }
        Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        String reason = message == null ? HttpStatus.getMessage(status) : message.toString();
        String text = status >= 500 ? "the server could not answer this request"
                : "the request was refused: " + Echo.cut(reason, Echo.VALUE_CHARS);
        ErrorBody body = new ErrorBody(CODES.getOrDefault(status, "http_" + status), text, List.of());
        byte[] bytes = Exchange.errorBytes(Reply.of(status, body));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }
}
