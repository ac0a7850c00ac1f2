package com.positionlab.service.sizing;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.positionlab.service.StoreUnavailableException;

/**
 * Whether the workspace currently accepts writes, as the writes that were tried found it. A failed write
 * turns it to failing with a reason that names the cause (disk full, file not writable, database closed);
 * it turns back once writes have kept succeeding for {@link #RECOVERY} (a nearly full disk lets some
 * writes through between failures: without that window health and the log would flap). The change is
 * logged once each way (one WARN when writes start failing, one INFO when they have recovered), never per
 * failed write. Thread-safe; a success while writes are fine costs one volatile read.
 */
public final class StoreWriteHealth {

    /** How long writes must keep succeeding, after a failure, before the workspace counts as writable. */
    public static final Duration RECOVERY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriteHealth.class);

    private final LongSupplier nanoClock;
    private volatile String problem;
    /** {@link System#nanoTime} of the first success since the last failure; valid while {@code recovering}. */
    private long okSince;
    private boolean recovering;

    public StoreWriteHealth() {
        this(System::nanoTime);
    }

    /** @param nanoClock nanoseconds, as {@link System#nanoTime} (tests pass their own) */
    public StoreWriteHealth(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Records a committed write; clears the problem (and logs the recovery) once writes have kept succeeding. */
    public void succeeded() {
        if (problem == null) {
            return;
        }
        synchronized (this) {
            if (problem == null) {
                return;
            }
            long now = nanoClock.getAsLong();
            if (!recovering) {
                recovering = true;
                okSince = now;
            }
            if (now - okSince >= RECOVERY.toNanos()) {
                LOG.info("The workspace accepts writes again (they had failed: {})", problem);
                problem = null;
                recovering = false;
            }
        }
    }

    /**
     * Records a failed write of {@code what} and returns the exception a use case should throw: its
     * message says what could not be stored and why.
     */
    public StoreUnavailableException failed(String what, Throwable cause) {
        String reason = reason(cause);
        synchronized (this) {
            if (problem == null) {
                LOG.warn("The workspace cannot be written: {}. Requests that must record something are answered "
                        + "503 until writes succeed again.", reason);
            }
            problem = reason;
            recovering = false;
        }
        return new StoreUnavailableException("could not store " + what + ": " + reason, cause);
    }

    /** Why writes fail (or have failed too recently to count as recovered); empty while they succeed. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
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
