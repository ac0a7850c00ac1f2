package com.positionlab.service.sizing;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.positionlab.service.StoreUnavailableException;

/**
 * Whether the workspace currently accepts writes, as the last write that was tried found it. A failed
 * write turns it to failing with a reason that names the cause (disk full, file not writable, database
 * closed); the next write that commits turns it back. The change is logged once each way (one WARN when
 * writes start failing, one INFO when they recover), never per failed write. Thread-safe.
 */
public final class StoreWriteHealth {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWriteHealth.class);

    private final AtomicReference<String> problem = new AtomicReference<>();

    /** Records a committed write; logs the recovery if writes were failing. */
    public void succeeded() {
        String was = problem.getAndSet(null);
        if (was != null) {
            LOG.info("The workspace accepts writes again (they had failed: {})", was);
        }
    }

    /**
     * Records a failed write of {@code what} and returns the exception a use case should throw: its
     * message says what could not be stored and why.
     */
    public StoreUnavailableException failed(String what, Throwable cause) {
        String reason = reason(cause);
        String was = problem.getAndSet(reason);
        if (was == null) {
            LOG.warn("The workspace cannot be written: {}. Requests that must record something are answered "
                    + "503 until a write succeeds.", reason);
        }
        return new StoreUnavailableException("could not store " + what + ": " + reason, cause);
    }

    /** Why writes fail now; empty while they succeed. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem.get());
    }

    /**
     * A one-line reason for a write failure, naming the disk or the file when the cause chain says so
     * (H2 wraps the {@code IOException} of a full disk several levels deep).
     */
    static String reason(Throwable failure) {
        boolean closed = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("no space left") || m.contains("disk full") || m.contains("not enough space")) {
                return "the disk holding the workspace is full (No space left on device); free some space";
            }
            if (m.contains("read-only") || m.contains("read only") || m.contains("permission denied")
                    || t instanceof java.nio.file.AccessDeniedException) {
                return "the workspace file cannot be written (read-only or no permission); check the file and "
                        + "its folder";
            }
            closed |= t instanceof SQLException s && (s.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED
                    || s.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN);
        }
        if (closed) {
            return "the workspace database is closed (an earlier write failure or a shutdown closed it)";
        }
        return failure.getMessage() == null || failure.getMessage().isBlank() ? failure.getClass().getSimpleName()
                : firstLine(failure.getMessage());
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
