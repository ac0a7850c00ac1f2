package com.positionlab.api;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.positionlab.service.Services;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local REST API over one workspace, on Jetty (core handlers, no servlets). See
 * {@code package-info.java} for the endpoints and the error contract. The caller owns the store and
 * closes it after the server.
 *
 * <p>Why not the JDK's {@code HttpServer}: it reads the request line, headers and body on its worker
 * threads with no time limit, so a few slow clients held every worker. Here Jetty parses without holding
 * a thread; the {@link ConnectionGuard} closes a connection whose headers take longer than the read
 * deadline, the {@link BodyReader} reads a body asynchronously within what is left of it; only then does
 * the endpoint take a thread of the bounded compute pool. Health and metrics never wait for that pool.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** Requests waiting for a compute thread beyond this are answered 503 {@code busy}. */
    private static final int QUEUE_CAPACITY = 1024;
    private static final int BACKLOG = 128;
    private static final long STOP_GRACE_MILLIS = 1000;
    /** Jetty's own threads: selector, acceptor, parsing, inline answers, and writing. */
    private static final int IO_THREADS = 16;
    private static final int REQUEST_HEADER_BYTES = 8 * 1024;

    /**
     * Time and size limits against slow or greedy clients: the request line, headers and body together
     * must arrive within {@code readDeadline} (408, or the connection closed while headers are still
     * arriving); a keep-alive connection idle for {@code idleTimeout} is closed; a connection opened while
     * {@code maxConnections} are open is closed at once.
     */
    public record Limits(Duration readDeadline, Duration idleTimeout, int maxConnections) {

        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), 256);

        public Limits {
            if (readDeadline.toMillis() < 1 || idleTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("readDeadline and idleTimeout must be at least 1 ms, got "
                        + readDeadline + " and " + idleTimeout);
            }
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
            }
        }
    }

    /**
     * How to serve. {@code token} null means no authentication; {@code port} 0 picks a free port;
     * {@code threads} is the size of the compute pool that runs the endpoints.
     */
    public record Options(InetAddress bind, int port, String token, int threads, String version, Limits limits) {

        public Options {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(limits, "limits");
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

        /** With the {@link Limits#DEFAULT default limits}. */
        public Options(InetAddress bind, int port, String token, int threads, String version) {
            this(bind, port, token, threads, version, Limits.DEFAULT);
        }

        /** Loopback, no token, the default pool and limits. */
        public static Options loopback(int port, String version) {
            return new Options(InetAddress.getLoopbackAddress(), port, null, defaultThreads(), version);
        }

        public Options withToken(String newToken) {
            return new Options(bind, port, newToken, threads, version, limits);
        }

        public Options withThreads(int newThreads) {
            return new Options(bind, port, token, newThreads, version, limits);
        }

        public Options withLimits(Limits newLimits) {
            return new Options(bind, port, token, threads, version, newLimits);
        }

        /**
         * {@code min(64, max(32, 8 x cores))}: a sizing is about a millisecond of CPU, then waits a few
         * milliseconds for its event to be committed (group commit); enough threads keep the cores busy
         * through those waits.
         */
        public static int defaultThreads() {
            return Math.min(64, Math.max(32, 8 * Runtime.getRuntime().availableProcessors()));
        }
    }

    private final Server server;
    private final ThreadPoolExecutor compute;
    private final ScheduledExecutorService timer;
    private final AutoCloseable services;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApiServer(Server server, ThreadPoolExecutor compute, ScheduledExecutorService timer,
                      AutoCloseable services) {
        this.server = server;
        this.compute = compute;
        this.timer = timer;
        this.services = services;
    }

    /**
     * Binds and starts serving the workspace's {@code services}, which the caller closes after the server.
     *
     * @throws IOException when the address cannot be bound (port in use, address not on this machine)
     */
    public static ApiServer start(Services services, Options options) throws IOException {
        Objects.requireNonNull(services, "services");
        ApiMetrics metrics = new ApiMetrics(Endpoints.PATHS);
        Endpoints endpoints = new Endpoints(services, metrics, options.version(), System::nanoTime);
        return start(options, endpoints.routes(), metrics, () -> { });
    }

    /**
     * Serves {@code routes}, and closes {@code services} after the last request; the tests mount routes
     * of their own through the same pools and router.
     */
    static ApiServer start(Options options, List<Route> routes, ApiMetrics metrics, AutoCloseable services)
            throws IOException {
        BearerToken token = options.token() == null ? null : new BearerToken(options.token());
        Limits limits = options.limits();
        ThreadPoolExecutor compute = new ThreadPoolExecutor(options.threads(), options.threads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), new Named("api-worker-"));
        // Every POST body schedules its read deadline and cancels it when read: drop cancelled deadlines at
        // once, or at 5,000 requests a second 50,000 of them would wait out their 10 s in the timer's queue.
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, new Named("api-deadlines-"));
        timer.setRemoveOnCancelPolicy(true);
        long deadlineNanos = limits.readDeadline().toNanos();
        ConnectionGuard connections = new ConnectionGuard(limits.maxConnections(), deadlineNanos);
        connections.start(timer, Math.max(10, Math.min(250, limits.readDeadline().toMillis() / 4)));

        QueuedThreadPool io = new QueuedThreadPool(IO_THREADS, 4);
        io.setName("api-io");
        io.setDaemon(true);
        Server server = new Server(io);
        ServerConnector connector = connector(server, options);
        connector.addBean(connections);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        ApiServer api = new ApiServer(server, compute, timer, services);
        try {
            connector.open(); // binds now, so that the guard knows the real port when 0 was asked for
            RequestGuard guard = new RequestGuard(options.bind(), connector.getLocalPort());
            server.setHandler(new GracefulHandler(new Router(routes, token, metrics, guard, connections, compute,
                    timer, deadlineNanos)));
            server.start();
        } catch (Exception e) {
            api.stopAll();
            throw e instanceof IOException failure ? failure : new IOException(e.getMessage(), e);
        }
        LOG.info("API listening on {} with {} compute threads{}", api.url(), options.threads(),
                token == null ? "" : ", bearer token required");
        return api;
    }

    /** HTTP/1.1 on the bound address: 8 KiB of headers at most, no server banner, TCP_NODELAY. */
    private static ServerConnector connector(Server server, Options options) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
        // Routing is on the raw path by exact match, so "..", "//" and encoded segments can only miss (404);
        // Jetty's default would refuse them as ambiguous (400) before the router sees them.
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.bind().getHostAddress());
        connector.setPort(options.port());
        connector.setAcceptQueueSize(BACKLOG);
        connector.setIdleTimeout(options.limits().idleTimeout().toMillis());
        // Answers go out as soon as they are written: no 40 ms stall waiting for the client's delayed ACK.
        connector.setAcceptedTcpNoDelay(true);
        return connector;
    }

    public InetSocketAddress address() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
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
     * Stops accepting, lets requests under way finish (up to a second; a second call does nothing), then closes the services (the
     * sizing service stores its queued events). Compute threads are never interrupted: an interrupt during
     * H2's file I/O closes the database file.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopAll();
        try {
            services.close();
        } catch (Exception e) {
            LOG.warn("Could not close the API's services cleanly", e);
        }
    }

    private void stopAll() {
        // Jetty's graceful stop waits out its whole timeout while idle keep-alive connections are open;
        // only wait when a request is under way.
        boolean busy = server.getHandler() instanceof GracefulHandler graceful && graceful.getCurrentRequestCount() > 0;
        server.setStopTimeout(busy ? STOP_GRACE_MILLIS : 0);
        try {
            server.stop();
        } catch (TimeoutException e) {
            LOG.info("Stopped after waiting {} ms for the requests under way", STOP_GRACE_MILLIS);
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly: {}", e.toString());
        }
        compute.shutdown();
        timer.shutdownNow();
        try {
            if (!compute.awaitTermination(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("{} requests still running after {} ms; closing the services under them",
                        compute.getActiveCount(), STOP_GRACE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Named daemon threads: {@code api-worker-1}, ... */
    private static final class Named implements ThreadFactory {

        private final String prefix;
        private final AtomicInteger next = new AtomicInteger(1);

        Named(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
