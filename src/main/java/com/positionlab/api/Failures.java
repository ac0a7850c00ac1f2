package com.positionlab.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.service.StoreUnavailableException;
import com.positionlab.service.ValidationException;
import com.positionlab.service.ValidationException.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a request ended in into an answer. Bad input is a 400 naming every field; the API's own
 * refusals keep their status; anything else is a fault of ours: a 500 with a generic message and an
 * incident id, and the stack trace in the log under that id.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    static Reply toReply(Throwable t, String method, String path) {
        if (t instanceof ValidationException v) {
            return Reply.of(400, new ErrorBody("invalid_request", v.getMessage(), v.errors()));
        }
        if (t instanceof InvalidParameterException p) {
            String prefix = p.field() + ": ";
            String reason = p.getMessage().startsWith(prefix) ? p.getMessage().substring(prefix.length())
                    : p.getMessage();
            return Reply.of(400, new ErrorBody("invalid_request", p.getMessage(),
                    List.of(new FieldError(p.field(), reason))));
        }
        if (t instanceof StoreUnavailableException s) {
            return new Reply(503, new ErrorBody("store_unavailable", s.getMessage(), List.of()),
                    Map.of("Retry-After", "5"));
        }
        if (t instanceof ApiError e) {
            return new Reply(e.status(), new ErrorBody(e.error(), e.getMessage(), List.of()), e.headers());
        }
        return internal(t, method, path);
    }

    static Reply internal(Throwable t, String method, String path) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("{} {} failed (incident {})", method, path, incident, t);
        return Reply.of(500, new ErrorBody("internal_error", "the server could not answer this request; "
                + "its log has the details under incident " + incident, List.of()));
    }
}
