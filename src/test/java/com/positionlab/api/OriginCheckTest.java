package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

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
 * A web page in the trader's browser can neither post sizings (CSRF) nor read answers through a rebound
 * host name: foreign Host and Origin headers are 403, bodies not declared JSON are 415, with or without a
 * token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OriginCheckTest {

    private static final String TOKEN = "origin-test-token";

    private Database db;
    private ApiServer open;
    private ApiServer withToken;

    @BeforeAll
    void start() throws Exception {
        db = TestStores.memory();
        open = ApiServer.start(Services.over(db), ApiServer.Options.loopback(0, "t"));
        withToken = ApiServer.start(Services.over(db), ApiServer.Options.loopback(0, "t").withToken(TOKEN));
    }

    @AfterAll
    void stop() {
        open.close();
        withToken.close();
        db.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:%d", "localhost:%d", "LOCALHOST:%d", "[::1]:%d"})
    void loopbackHostsWithTheBoundPortAreServed(String host) {
        assertThat(get(open, host.formatted(open.port()), null).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:%d", "evil.example", "127.0.0.1:1", "127.0.0.1", "localhost.evil.example:%d",
            "192.168.1.5:%d"})
    void aForeignHostIsA403(String host) {
        RawHttp.Answer a = get(open, host.formatted(open.port()), null);

        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("error").asText()).isEqualTo("forbidden_host");
        assertThat(a.json().get("message").asText()).contains(host.formatted(open.port()));
    }

    @Test
    void aLongForeignHostIsEchoedCutToTwoHundredCharacters() {
        RawHttp.Answer a = get(open, "h".repeat(5000) + ".example", null);

        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("message").asText()).contains("hhh...").hasSizeLessThan(320);
    }

    @Test
    void aRequestWithoutHostIsA403() {
        RawHttp.Answer a = RawHttp.exchange(open.port(), "GET /api/v1/health HTTP/1.0\r\n\r\n");

        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("error").asText()).isEqualTo("forbidden_host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:%d",
            "http://localhost.evil.example:%d", "file://"})
    void aForeignOriginIsA403EvenWithTheToken(String origin) {
        String value = origin.formatted(open.port());
        RawHttp.Answer a = get(open, "127.0.0.1:" + open.port(), value);
        RawHttp.Answer authorised = RawHttp.exchange(withToken.port(), "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:"
                + withToken.port() + "\r\nOrigin: " + origin.formatted(withToken.port())
                + "\r\nAuthorization: Bearer " + TOKEN + "\r\nConnection: close\r\n\r\n");

        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("error").asText()).isEqualTo("forbidden_origin");
        assertThat(authorised.status()).isEqualTo(403);
        assertThat(authorised.json().get("error").asText()).isEqualTo("forbidden_origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d", "http://localhost:%d", "http://[::1]:%d"})
    void theServersOwnLoopbackOriginIsServed(String origin) {
        assertThat(get(open, "127.0.0.1:" + open.port(), origin.formatted(open.port())).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/jsonp", "text/json"})
    void aPostNotDeclaredJsonIsA415(String contentType) {
        RawHttp.Answer a = post(open, contentType, SampleRequests.KELLY);

        assertThat(a.status()).isEqualTo(415);
        assertThat(a.json().get("error").asText()).isEqualTo("unsupported_media_type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"})
    void aJsonPostWithOrWithoutParametersIsServed(String contentType) {
        assertThat(post(open, contentType, SampleRequests.KELLY).status()).isEqualTo(200);
    }

    @Test
    void aWildcardBindAcceptsIpLiteralsButNoHostNames() throws Exception {
        RequestGuard guard = new RequestGuard(InetAddress.getByName("0.0.0.0"), 8080);

        guard.checkHostAndOrigin("192.168.1.5:8080", "http://192.168.1.5:8080");
        guard.checkHostAndOrigin("localhost:8080", null);
        assertThatThrownBy(() -> guard.checkHostAndOrigin("evil.example:8080", null))
                .hasMessageContaining("evil.example:8080");
        assertThatThrownBy(() -> guard.checkHostAndOrigin("192.168.1.5:8081", null)).isInstanceOf(ApiError.class);
    }

    @Test
    void aNetworkBindAcceptsItsOwnAddressAsABrowserWritesIt() throws Exception {
        RequestGuard v4 = new RequestGuard(InetAddress.getByName("10.1.2.3"), 80);
        RequestGuard v6 = new RequestGuard(InetAddress.getByName("fe80:0:0:0:1:0:0:1"), 80);

        v4.checkHostAndOrigin("10.1.2.3:80", "http://10.1.2.3:80");
        v6.checkHostAndOrigin("[fe80::1:0:0:1]:80", null);
        assertThatThrownBy(() -> v4.checkHostAndOrigin("10.1.2.4:80", null)).isInstanceOf(ApiError.class);
        assertThat(RequestGuard.compressed("1:0:0:2:0:0:0:3")).isEqualTo("1:0:0:2::3");
        assertThat(RequestGuard.compressed("0:0:0:0:0:0:0:0")).isEqualTo("::");
    }

    private static RawHttp.Answer get(ApiServer server, String host, String origin) {
        return RawHttp.exchange(server.port(), "GET /api/v1/health HTTP/1.1\r\nHost: " + host + "\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "Connection: close\r\n\r\n");
    }

    private static RawHttp.Answer post(ApiServer server, String contentType, String body) {
        return RawHttp.exchange(server.port(), "POST " + Endpoints.KELLY_CRITERION + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.port() + "\r\n" + (contentType.isEmpty() ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
    }
}
