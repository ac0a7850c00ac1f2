package com.positionlab.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the open connections and puts a deadline on request headers, which Jetty parses without a thread
 * but without a time limit of its own (its idle timeout restarts at every byte, so headers trickled a byte
 * a second would never end).
 *
 * <p>A connection opened beyond {@code maxConnections} is closed at once. Every {@code sweepMillis} the
 * guard looks at each connection's parser: one that has been part-way through a request line or headers
 * for longer than the deadline is closed. The time the headers were first seen under way is also the start
 * of that request's overall deadline ({@link #requestStartNanos}), so headers and body share one budget.
 * Reading the parser's state relies on Jetty's HTTP/1.1 connection class (the state field is volatile).
 */
final class ConnectionGuard implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final Map<Connection, Watch> open = new ConcurrentHashMap<>();
    private final int maxConnections;
    private final long deadlineNanos;

    /** When a request on a connection was first seen under way; 0 while the connection is between requests. */
    private static final class Watch {
        volatile long headersSince;
    }

    ConnectionGuard(int maxConnections, long deadlineNanos) {
        this.maxConnections = maxConnections;
        this.deadlineNanos = deadlineNanos;
    }

    /** Sweeps every {@code periodMillis} on {@code timer} until the timer is shut down. */
    void start(ScheduledExecutorService timer, long periodMillis) {
        timer.scheduleWithFixedDelay(this::sweep, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        if (open.size() >= maxConnections) {
            LOG.debug("Closing {}: {} connections are open already", connection, maxConnections);
            connection.getEndPoint().close();
            return;
        }
        open.put(connection, new Watch());
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    /**
     * When the request now handled on {@code connection} started to arrive, as {@link System#nanoTime()}:
     * the first sweep that saw its headers under way, else {@code now}.
     */
    long requestStartNanos(Connection connection, long now) {
        Watch watch = connection == null ? null : open.get(connection);
        long since = watch == null ? 0 : watch.headersSince;
        return since == 0 || since > now ? now : since;
    }

    void sweep() {
        long now = System.nanoTime();
        open.forEach((connection, watch) -> {
            if (!(connection instanceof HttpConnection http)) {
                return;
            }
            HttpParser parser = http.getParser();
            boolean readingHeaders = parser.inHeaderState() && !parser.isStart();
            if (!readingHeaders) {
                watch.headersSince = 0;
            } else if (watch.headersSince == 0) {
                watch.headersSince = now;
            } else if (now - watch.headersSince > deadlineNanos) {
                LOG.debug("Closing {}: its request line and headers took over {} ms", connection,
                        deadlineNanos / 1_000_000);
                connection.getEndPoint().close();
            }
        });
    }
}
