package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.positionlab.service.Services;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;
import org.junit.jupiter.api.Test;

/**
 * Slow or stalled clients never occupy the threads that compute, and health answers within 100 ms while
 * they (or slow computations) are under way. The server runs with the old pool size (4 compute threads)
 * and a 1.5 s read deadline, so that the deadlines are seen quickly.
 */
class SlowClientTest {

    private static final Duration DEADLINE = Duration.ofMillis(1500);
    private static final long HEALTH_BUDGET_MS = 100;

    private static ApiServer.Options options(ApiServer.Limits limits) {
        return ApiServer.Options.loopback(0, "t").withThreads(4).withLimits(limits);
    }

    @Test
    void healthAnswersWithinAHundredMillisecondsWhileStalledSocketsAreOpenAndTheyAreClosedAtTheDeadline()
            throws Exception {
        Database db = TestStores.memory();
        ScheduledExecutorService trickler = Executors.newScheduledThreadPool(1);
        List<Socket> stalled = new ArrayList<>();
        try (ApiServer server = ApiServer.start(Services.over(db), options(
                new ApiServer.Limits(DEADLINE, Duration.ofSeconds(30), 256)))) {
            int port = server.port();
            long opened = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                stalled.add(send(port, "GET /api/v1/hea"));
                stalled.add(send(port, "POST /api/v1/kelly-criterion HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"win_pro"));
                Socket trickled = send(port, "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Slow: ");
                stalled.add(trickled);
                trickler.scheduleAtFixedRate(() -> writeQuietly(trickled, "a"), 1, 1, TimeUnit.SECONDS);
            }

            long best = bestOfThree(port);
            assertThat(System.nanoTime() - opened).as("health measured while the sockets were stalled")
                    .isLessThan(DEADLINE.toNanos());
            assertThat(best).as("best of three health latencies, ms").isLessThan(HEALTH_BUDGET_MS);

            for (int i = 0; i < stalled.size(); i++) {
                Socket s = stalled.get(i);
                s.setSoTimeout((int) DEADLINE.toMillis() + 4000);
                String received = RawHttp.readAll(s.getInputStream());
                long closedAfterMs = (System.nanoTime() - opened) / 1_000_000;
                assertThat(closedAfterMs).as("socket %d closed after the deadline", i)
                        .isBetween(DEADLINE.toMillis() - 100, DEADLINE.toMillis() + 3000);
                if (i % 3 == 1) {
                    assertThat(received).as("stalled body").startsWith("HTTP/1.1 408 ")
                            .contains("\"error\":\"request_timeout\"");
                }
            }
            assertThat(RawHttp.exchange(port, RawHttp.get(port, Endpoints.HEALTH)).status()).isEqualTo(200);
        } finally {
            trickler.shutdownNow();
            for (Socket s : stalled) {
                s.close();
            }
            db.close();
        }
    }

    @Test
    void healthAnswersWithinAHundredMillisecondsWhileFourSlowComputationsHoldEveryComputeThread()
            throws Exception {
        CountDownLatch allBusy = new CountDownLatch(4);
        AtomicBoolean release = new AtomicBoolean();
        List<Route> routes = List.of(
                Route.probe(Endpoints.HEALTH, r -> Reply.ok(Map.of("status", "UP"))),
                Route.post("/burn", r -> {
                    allBusy.countDown();
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    long spins = 0;
                    while (!release.get() && System.nanoTime() < until) {
                        spins++;
                    }
                    return Reply.ok(Map.of("spins", spins));
                }));
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (ApiServer server = ApiServer.start(options(ApiServer.Limits.DEFAULT), routes,
                new ApiMetrics(List.of(Endpoints.HEALTH, "/burn")), () -> { })) {
            int port = server.port();
            List<Future<RawHttp.Answer>> burns = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                burns.add(clients.submit(() -> RawHttp.exchange(port, "POST /burn HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")));
            }
            assertThat(allBusy.await(10, TimeUnit.SECONDS)).as("four computations running").isTrue();

            long best = bestOfThree(port);
            release.set(true);

            assertThat(best).as("best of three health latencies, ms").isLessThan(HEALTH_BUDGET_MS);
            for (Future<RawHttp.Answer> f : burns) {
                assertThat(f.get(15, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            release.set(true);
            clients.shutdownNow();
        }
    }

    @Test
    void aConnectionBeyondTheCapIsClosedAtOnce() throws Exception {
        List<Route> routes = List.of(Route.probe(Endpoints.HEALTH, r -> Reply.ok(Map.of("status", "UP"))));
        List<Socket> idle = new ArrayList<>();
        try (ApiServer server = ApiServer.start(options(new ApiServer.Limits(Duration.ofSeconds(10),
                Duration.ofSeconds(30), 4)), routes, new ApiMetrics(List.of(Endpoints.HEALTH)), () -> { })) {
            int port = server.port();
            for (int i = 0; i < 4; i++) {
                idle.add(RawHttp.connect(port));
            }
            Thread.sleep(200);
            try (Socket fifth = RawHttp.connect(port)) {
                fifth.setSoTimeout(3000);
                long start = System.nanoTime();
                assertThat(fifth.getInputStream().read()).as("closed by the server").isEqualTo(-1);
                assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(2));
            }
            idle.remove(0).close();
            assertThat(healthAfterAFreeSlot(port)).isEqualTo(200);
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        List<Route> routes = List.of(Route.probe(Endpoints.HEALTH, r -> Reply.ok(Map.of("status", "UP"))));
        try (ApiServer server = ApiServer.start(options(new ApiServer.Limits(Duration.ofSeconds(10),
                Duration.ofMillis(500), 256)), routes, new ApiMetrics(List.of(Endpoints.HEALTH)), () -> { });
             Socket s = RawHttp.connect(server.port())) {
            s.getOutputStream().write(("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = readOneAnswer(s.getInputStream());
            long answered = System.nanoTime();

            assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"status\":\"UP\"");
            assertThat(s.getInputStream().read()).as("closed by the server").isEqualTo(-1);
            assertThat((System.nanoTime() - answered) / 1_000_000).isBetween(300L, 3000L);
        }
    }

    @Test
    void closeReturnsWithinTwoSecondsWhileStalledClientsAndAComputationAreUnderWay() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        List<Route> routes = List.of(
                Route.probe(Endpoints.HEALTH, r -> Reply.ok(Map.of("status", "UP"))),
                Route.post("/slow", r -> {
                    inside.countDown();
                    Thread.sleep(300);
                    return Reply.ok(Map.of("done", true));
                }));
        List<Socket> stalled = new ArrayList<>();
        ApiServer server = ApiServer.start(options(ApiServer.Limits.DEFAULT), routes,
                new ApiMetrics(List.of(Endpoints.HEALTH, "/slow")), () -> { });
        try {
            int port = server.port();
            stalled.add(send(port, "GET /api/v1/hea"));
            stalled.add(send(port, "POST /slow HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"));
            Socket computing = send(port, "POST /slow HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            stalled.add(computing);
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            server.close();
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(tookMs).isLessThan(2000);
            computing.setSoTimeout(2000);
            assertThat(RawHttp.readAll(computing.getInputStream())).as("the computation under way was answered")
                    .startsWith("HTTP/1.1 200 ").contains("\"done\":true");
        } finally {
            server.close();
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    /** The lowest of three health round trips on new connections, in milliseconds. */
    private static long bestOfThree(int port) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            RawHttp.Answer a = RawHttp.exchange(port, RawHttp.get(port, Endpoints.HEALTH));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(a.status()).isEqualTo(200);
            best = Math.min(best, ms);
        }
        return best;
    }

    private static int healthAfterAFreeSlot(int port) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (true) {
            try {
                return RawHttp.exchange(port, RawHttp.get(port, Endpoints.HEALTH)).status();
            } catch (RuntimeException | AssertionError e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static Socket send(int port, String text) throws IOException {
        Socket s = RawHttp.connect(port);
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    private static void writeQuietly(Socket s, String text) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closedByTheServer) {
            throw new IllegalStateException("stop trickling", closedByTheServer);
        }
    }

    /** Reads one answer with a Content-Length body from a connection that stays open. */
    private static String readOneAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the headers ended: " + head);
            }
            head.append((char) b);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
