package com.positionlab.api;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.positionlab.store.Store;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local REST API over one workspace, on the JDK's HTTP server with a fixed pool of worker threads.
 * See {@code package-info.java} for the endpoints and the error contract. The caller owns the store and
 * closes it after the server.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** Requests waiting for a worker beyond this are refused by closing their connection. */
    private static final int QUEUE_CAPACITY = 1024;
    private static final int BACKLOG = 128;
    private static final int STOP_GRACE_SECONDS = 1;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes the headers and the body of an answer as two TCP segments and leaves
        // Nagle's algorithm on, so every answer waits for the client's delayed ACK: about 40 ms per request
        // on Linux loopback instead of about 1 ms. The property is read once, when the first server is made.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    /**
     * How to serve. {@code token} null means no authentication; {@code port} 0 picks a free port.
     */
    public record Options(InetAddress bind, int port, String token, int threads, String version) {

        public Options {
            Objects.requireNonNull(bind, "bind");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            if (token != null && token.isEmpty()) {
                throw new IllegalArgumentException("token must not be empty");
            }
        }

        /** Loopback, no token, the default pool. */
        public static Options loopback(int port, String version) {
            return new Options(InetAddress.getLoopbackAddress(), port, null, defaultThreads(), version);
        }

        public Options withToken(String newToken) {
            return new Options(bind, port, newToken, threads, version);
        }

        /** {@code max(4, 2 x cores)}: sizing is CPU work with a little JDBC waiting. */
        public static int defaultThreads() {
            return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final AutoCloseable services;

    private ApiServer(HttpServer server, ThreadPoolExecutor workers, AutoCloseable services) {
        this.server = server;
        this.workers = workers;
        this.services = services;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException when the address cannot be bound (port in use, address not on this machine)
     */
    public static ApiServer start(Store store, Options options) throws IOException {
        Objects.requireNonNull(store, "store");
        ApiMetrics metrics = new ApiMetrics(Endpoints.PATHS);
        Endpoints endpoints = new Endpoints(store, metrics, options.version(), System::nanoTime);
        try {
            return start(options, endpoints.routes(), metrics, endpoints);
        } catch (IOException | RuntimeException e) {
            endpoints.close();
            throw e;
        }
    }

    /**
     * Serves {@code routes}, and closes {@code services} after the last request; the tests mount routes
     * of their own through the same pool and router.
     */
    static ApiServer start(Options options, List<Route> routes, ApiMetrics metrics, AutoCloseable services)
            throws IOException {
        BearerToken token = options.token() == null ? null : new BearerToken(options.token());
        HttpServer server = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), BACKLOG);
        server.createContext("/", new Router(routes, token, metrics));
        ThreadPoolExecutor workers = new ThreadPoolExecutor(options.threads(), options.threads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), new WorkerThreads());
        server.setExecutor(workers);
        server.start();
        ApiServer api = new ApiServer(server, workers, services);
        LOG.info("API listening on {} with {} workers{}", api.url(), options.threads(),
                token == null ? "" : ", bearer token required");
        return api;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The port bound (the real one when 0 was asked for). */
    public int port() {
        return address().getPort();
    }

    /** {@code http://HOST:PORT}, with IPv6 hosts in brackets. */
    public String url() {
        InetAddress host = address().getAddress();
        String literal = host.getHostAddress();
        return "http://" + (host instanceof Inet6Address ? "[" + literal + "]" : literal) + ":" + port();
    }

    /**
     * Stops accepting, lets requests under way finish (up to a second each for the HTTP server and the
     * workers), then closes the services (the sizing service stores its queued events). Workers are never
     * interrupted: an interrupt during H2's file I/O closes the database file.
     */
    @Override
    public void close() {
        // HttpServer.stop(n) waits the full n seconds even when nothing is running, so only wait when busy.
        boolean busy = workers.getActiveCount() > 0 || !workers.getQueue().isEmpty();
        server.stop(busy ? STOP_GRACE_SECONDS : 0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("{} requests still running after {} s; closing the services under them",
                        workers.getActiveCount(), STOP_GRACE_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            services.close();
        } catch (Exception e) {
            LOG.warn("Could not close the API's services cleanly", e);
        }
    }

    /** Named daemon workers: {@code api-worker-1}, ... */
    private static final class WorkerThreads implements ThreadFactory {

        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "api-worker-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
