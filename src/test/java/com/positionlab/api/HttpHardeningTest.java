package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.Services;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a broken or hostile client sends is answered in JSON with the right status, echoes little of what it
 * sent, and is never a server error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpHardeningTest {

    private Database db;
    private ApiServer server;
    private int port;

    @BeforeAll
    void start() throws Exception {
        db = TestStores.memory();
        server = ApiServer.start(Services.over(db), ApiServer.Options.loopback(0, "t"));
        port = server.port();
    }

    @AfterAll
    void stop() {
        server.close();
        db.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/../v1/health", "/api/v1/health/..", "/api/v1/%2e%2e/v1/health",
            "/api//v1/health", "/API/V1/HEALTH", "/api/v1/health;x=1"})
    void anyUnknownPathIsA404InJson(String path) {
        RawHttp.Answer a = RawHttp.exchange(port, RawHttp.get(port, path));

        assertThat(a.status()).as(a.body()).isEqualTo(404);
        assertThat(a.head()).containsIgnoringCase("Content-Type: application/json");
        assertThat(a.json().get("error").asText()).isEqualTo("not_found");
        assertThat(a.json().has("errors")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GARBAGE\r\n\r\n",
            "GET /api/v1/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET  HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n",
            "GET /api/v1/health HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
            "POST /api/v1/kelly-criterion HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n"})
    void aBadRequestLineUriOrHeaderIsA400InJson(String request) {
        RawHttp.Answer a = RawHttp.exchange(port, request.replace("127.0.0.1", "127.0.0.1:" + port));

        assertThat(a.status()).as(a.head() + "\n" + a.body()).isBetween(400, 505).isNotIn(404, 500);
        assertThat(a.head()).containsIgnoringCase("Content-Type: application/json");
        assertThat(a.json().get("error").asText()).isNotBlank();
        assertThat(a.json().get("message").asText()).isNotBlank();
    }

    @Test
    void aBrokenChunkedBodyIsA400InJsonNotA500() {
        String request = "POST /api/v1/kelly-criterion HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"win\r\nzz-not-a-size\r\n\r\n";

        RawHttp.Answer a = RawHttp.exchange(port, request);

        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).isEqualTo("bad_request");
        assertThat(serverErrors()).isZero();
    }

    @Test
    void headersOverEightKibibytesAreA431InJson() {
        String request = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Big: "
                + "a".repeat(20_000) + "\r\n\r\n";

        RawHttp.Answer a = RawHttp.exchange(port, request);

        assertThat(a.status()).isEqualTo(431);
        assertThat(a.json().get("error").asText()).isEqualTo("headers_too_large");
    }

    @Test
    void aLongPathIsEchoedCutToAHundredCharacters() {
        String path = "/api/v1/" + "x".repeat(5000);

        RawHttp.Answer a = RawHttp.exchange(port, RawHttp.get(port, path));

        assertThat(a.status()).isEqualTo(404);
        String message = a.json().get("message").asText();
        assertThat(message).contains("/api/v1/xxx").endsWith("...\"").hasSizeLessThan(150);
        assertThat(a.body().length()).isLessThan(300);
    }

    @Test
    void aClientThatLeavesMidBodyIsCountedAsAnAbortNotAServerError() throws Exception {
        try (Socket s = RawHttp.connect(port)) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/kelly-criterion HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"win_probability\": 0.5")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
        }
        JsonNode m = metricsAfter(200);
        assertThat(m.get("client_aborts").asLong()).as(m.toString()).isEqualTo(1);
        assertThat(m.get("server_errors").asLong()).isZero();
    }

    private long serverErrors() {
        return new ApiClient(server).get(Endpoints.METRICS).json().get("server_errors").asLong();
    }

    /** The metrics once {@code settleMillis} have passed (the abort is seen by the server asynchronously). */
    private JsonNode metricsAfter(long settleMillis) throws InterruptedException {
        long until = System.nanoTime() + 3_000_000_000L;
        JsonNode m = new ApiClient(server).get(Endpoints.METRICS).json();
        while (m.get("client_aborts").asLong() == 0 && System.nanoTime() < until) {
            Thread.sleep(settleMillis / 4 + 1);
            m = new ApiClient(server).get(Endpoints.METRICS).json();
        }
        return m;
    }
}
