package com.positionlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import com.positionlab.api.ApiServer;
import com.positionlab.service.sizing.EventRetention;
import com.positionlab.service.Services;
import com.positionlab.service.imports.ImportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the local REST API over a workspace until interrupted. Prints one line with the address
 * it listens on; on Ctrl+C (or SIGTERM) it stops serving, writes the workspace backup if its data changed and
 * closes it. While it runs, the workspace is backed up every 15 minutes when its data changed.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the JSON API over HTTP until interrupted: POST /api/v1/calculate-position-size, "
                + "POST /api/v1/kelly-criterion, GET /api/v1/health, GET /api/v1/metrics.",
                "Listens on loopback unless --bind names another address. Bad input is answered 400 with "
                        + "every field named."})
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    static final String TOKEN_VARIABLE = "POSITIONLAB_API_TOKEN";
    /** Retention runs its first pass this long after the start, then at each period (deletes in batches). */
    static final Duration RETENTION_FIRST_PASS = Duration.ofSeconds(30);
    static final Duration RETENTION_PERIOD = Duration.ofMinutes(10);

    @Mixin
    DbOption db;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "IP address to listen on, or localhost (default: ${DEFAULT-VALUE}). Anything but "
                    + "loopback exposes the API to the network: use --token.")
    String bind;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Require 'Authorization: Bearer TOKEN' on every request (default: $" + TOKEN_VARIABLE
                    + ", else none). The variable keeps the token out of the process list.")
    String token;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that compute answers (default: min(64, max(32, 8 x cores))); slow "
                    + "clients never hold them.")
    Integer threads;

    @Option(names = "--read-deadline", paramLabel = "SECONDS", defaultValue = "10",
            description = "A request's headers and body must arrive within SECONDS, 1 to 300 (default: ${DEFAULT-VALUE}).")
    int readDeadlineSeconds;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Close a keep-alive connection idle for SECONDS, 1 to 3600 (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "256",
            description = "Most connections open at once, 1 to 10000; more are closed at once (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--retain-events-days", paramLabel = "DAYS", defaultValue = "90",
            description = "Delete position_sized events older than DAYS, 0 to keep them (default: ${DEFAULT-VALUE}).")
    int retainEventsDays;

    @Option(names = "--retain-events-max", paramLabel = "N", defaultValue = "1000000",
            description = "Keep at most the newest N events, 0 for no limit (default: ${DEFAULT-VALUE}).")
    long retainEventsMax;

    @Option(names = "--retain-history-days", paramLabel = "DAYS", defaultValue = "730",
            description = "Delete accepted sizings older than DAYS, 0 to keep them (default: ${DEFAULT-VALUE}).")
    int retainHistoryDays;

    @Option(names = "--retain-history-max", paramLabel = "N", defaultValue = "1000000",
            description = "Keep at most the newest N accepted sizings, 0 for no limit (default: ${DEFAULT-VALUE}).")
    long retainHistoryMax;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ApiServer.Options options = options();
        EventRetention.Policy policy = retention();
        Services services = db.open(closedByUs(db.resolvedUrl()), ImportService.Backup.AFTER_EACH_IMPORT);
        ApiServer api;
        try {
            api = ApiServer.start(services, options);
        } catch (IOException e) {
            services.close();
            throw new IOException("could not listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        if (!options.bind().isLoopbackAddress() && options.token() == null) {
            LOG.warn("The API listens on {} without a token: anyone who can reach it can use it", api.url());
        }
        EventRetention retention = services.startRetention(policy, RETENTION_FIRST_PASS, RETENTION_PERIOD);
        Services.Running backups = services.startPeriodicBackup(Services.BACKUP_INTERVAL, message -> { });
        return serveUntilStopped(api, retention, services, backups);
    }

    private EventRetention.Policy retention() {
        notNegative("--retain-events-days", retainEventsDays);
        notNegative("--retain-events-max", retainEventsMax);
        notNegative("--retain-history-days", retainHistoryDays);
        notNegative("--retain-history-max", retainHistoryMax);
        return new EventRetention.Policy(retainEventsDays, retainEventsMax, retainHistoryDays, retainHistoryMax);
    }

    private static void notNegative(String option, long value) {
        if (value < 0) {
            throw new InvalidInputException(option + ": must be 0 (no limit) or positive, got " + value);
        }
    }

    private ApiServer.Options options() {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port: must be in [0, 65535], got " + port);
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new InvalidInputException("--threads: must be in [1, 1024], got " + threads);
        }
        within("--read-deadline", readDeadlineSeconds, 1, 300);
        within("--idle-timeout", idleTimeoutSeconds, 1, 3600);
        within("--max-connections", maxConnections, 1, 10_000);
        String secret = token != null ? token : System.getenv(TOKEN_VARIABLE);
        if (secret != null && secret.isBlank()) {
            throw new InvalidInputException("--token: must not be empty");
        }
        return new ApiServer.Options(bindAddress(), port, secret,
                threads == null ? ApiServer.Options.defaultThreads() : threads, version(),
                new ApiServer.Limits(Duration.ofSeconds(readDeadlineSeconds), Duration.ofSeconds(idleTimeoutSeconds),
                        maxConnections));
    }

    private static void within(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(option + ": must be in [" + min + ", " + max + "], got " + value);
        }
    }

    /** An IP literal or {@code localhost}; host names are refused so that nothing is looked up in DNS. */
    private InetAddress bindAddress() {
        String b = bind.strip();
        boolean literal = IPV4.matcher(b).matches() || b.contains(":");
        if (!literal && !b.equalsIgnoreCase("localhost")) {
            throw new InvalidInputException("--bind: expected an IP address such as 127.0.0.1 or ::1, got \""
                    + bind + "\"");
        }
        try {
            return InetAddress.getByName(b.startsWith("[") && b.endsWith("]") ? b.substring(1, b.length() - 1) : b);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("--bind: \"" + bind + "\" is not an IP address");
        }
    }

    /**
     * Turns off H2's own shutdown hook, which would otherwise close the workspace while ours is still
     * storing the queued sizing events and writing the backup (JVM shutdown hooks run concurrently).
     */
    static String closedByUs(String url) {
        return url.toUpperCase().contains("DB_CLOSE_ON_EXIT") ? url : url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private String version() {
        String[] v = spec.root().version();
        return v.length == 0 ? "unknown" : v[0].replaceFirst("^PositionLab\\s*", "");
    }

    /** Blocks until the JVM shuts down (the hook then closes everything) or this thread is interrupted. */
    private int serveUntilStopped(ApiServer api, EventRetention retention, Services services,
                                  Services.Running backups) {
        AtomicBoolean closed = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable shutdown = () -> {
            if (closed.compareAndSet(false, true)) {
                shutdown(api, retention, services, backups);
            }
            stopped.countDown();
        };
        Thread hook = new Thread(shutdown, "positionlab-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("PositionLab API listening on " + api.url());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                LOG.debug("JVM already shutting down; the hook closes the server", shuttingDown);
            }
            shutdown.run();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Stops serving and closes the workspace. Closing writes a backup only when the workspace's data changed
     * since the last one (sizing events are appends and do not count), and compacts the file when a load
     * left it mostly free space; both work on the closed file, so a stop takes seconds.
     */
    private static void shutdown(ApiServer api, EventRetention retention, Services services,
                                 Services.Running backups) {
        try {
            retention.close();
            api.close();
        } finally {
            try {
                backups.close();
            } finally {
                services.close();
            }
        }
    }
}
