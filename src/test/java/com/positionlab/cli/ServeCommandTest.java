package com.positionlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code serve}: bad options are exit 2 before anything starts; a good one serves until interrupted. */
class ServeCommandTest {

    private static final Pattern LISTENING = Pattern.compile("PositionLab API listening on (http://\\S+)");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--port|-5|error: --port: must be in [0, 65535], got -5",
            "--port|65536|error: --port: must be in [0, 65535], got 65536",
            "--bind|not-an-address|error: --bind: expected an IP address such as 127.0.0.1 or ::1, got "
                    + "\"not-an-address\"",
            "--bind|999.1.1.1|error: --bind: expected an IP address such as 127.0.0.1 or ::1, got \"999.1.1.1\"",
            "--bind|1:2:3:x|error: --bind: \"1:2:3:x\" is not an IP address",
            "--threads|0|error: --threads: must be in [1, 1024], got 0",
            "--threads|5000|error: --threads: must be in [1, 1024], got 5000",
            "--read-deadline|0|error: --read-deadline: must be in [1, 300], got 0",
            "--idle-timeout|3601|error: --idle-timeout: must be in [1, 3600], got 3601",
            "--max-connections|0|error: --max-connections: must be in [1, 10000], got 0",
            "--token|' '|error: --token: must not be empty",
            "--retain-events-days|-1|error: --retain-events-days: must be 0 (no limit) or positive, got -1",
            "--retain-events-max|-5|error: --retain-events-max: must be 0 (no limit) or positive, got -5",
            "--retain-history-days|-2|error: --retain-history-days: must be 0 (no limit) or positive, got -2"})
    void badOptionIsOneLineAndExitTwo(String option, String value, String message) {
        assertThat(run("serve", option, value, "--db", "jdbc:h2:mem:unused-" + UUID.randomUUID())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(message);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unparseablePortIsExitTwo() {
        assertThat(run("serve", "--port", "http")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("error: ").doesNotContain("\n");
    }

    @Test
    void hasHelp() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: positionlab serve").contains("--port", "--bind", "--token",
                "--retain-events-days", "--retain-events-max");
    }

    @Test
    void servesOnLoopbackUntilInterrupted() throws Exception {
        String db = "jdbc:h2:mem:serve-" + UUID.randomUUID();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread serving = new Thread(() -> exit.complete(run("serve", "--port", "0", "--db", db)), "serve-under-test");
        serving.start();
        try {
            String url = awaitListeningUrl();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/api/v1/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        } finally {
            serving.interrupt();
        }
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString().strip().lines()).hasSize(1);
    }

    @Test
    void readDeadlineOptionAnswersAStalledBodyWith408() throws Exception {
        String db = "jdbc:h2:mem:serve-" + UUID.randomUUID();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread serving = new Thread(() -> exit.complete(run("serve", "--port", "0", "--read-deadline", "1", "--db", db)),
                "serve-under-test");
        serving.start();
        try {
            URI url = URI.create(awaitListeningUrl());
            try (Socket socket = new Socket(url.getHost(), url.getPort())) {
                socket.setSoTimeout(8_000);
                long start = System.nanoTime();
                socket.getOutputStream().write(("POST /api/v1/kelly-criterion HTTP/1.1\r\nHost: " + url.getHost() + ":"
                        + url.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertThat(status).startsWith("HTTP/1.1 408");
                assertThat(ms).isBetween(800L, 5_000L);
            }
        } finally {
            serving.interrupt();
        }
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    }

    private String awaitListeningUrl() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            assertThat(err.toString()).isEmpty();
            Thread.sleep(20);
        }
        throw new AssertionError("serve did not start: " + err);
    }
}
