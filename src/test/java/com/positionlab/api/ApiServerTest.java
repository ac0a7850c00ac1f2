package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.Services;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's contract beyond bad input: answers, routing errors, limits, concurrency, health, metrics. */
class ApiServerTest {

    private Database db;
    private ApiServer server;
    private ApiClient client;

    @BeforeEach
    void start() throws Exception {
        db = TestStores.memory();
        server = ApiServer.start(Services.over(db), ApiServer.Options.loopback(0, "9.9-test"));
        client = new ApiClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    @Test
    void bindsToLoopbackOnAFreePortByDefault() {
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.port()).isPositive();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void healthReportsTheStoreUpWithVersionAndUptime() {
        ApiClient.Answer a = client.get(Endpoints.HEALTH);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("status").asText()).isEqualTo("UP");
        assertThat(a.json().get("store").get("status").asText()).isEqualTo("UP");
        assertThat(a.json().get("store").get("detail").asText()).isEqualTo("0 instruments");
        assertThat(a.json().get("version").asText()).isEqualTo("9.9-test");
        assertThat(a.json().get("uptime_seconds").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void healthIsDegradedWhenTheStoreIsGoneAndTheServerGoesOn() {
        db.close();

        ApiClient.Answer a = client.get(Endpoints.HEALTH);

        assertThat(a.status()).isEqualTo(503);
        assertThat(a.json().get("status").asText()).isEqualTo("DEGRADED");
        assertThat(a.json().get("store").get("status").asText()).isEqualTo("DOWN");
        assertThat(a.json().get("store").get("detail").asText()).startsWith("the workspace does not answer");
        assertThat(client.post(Endpoints.KELLY_CRITERION, SampleRequests.KELLY).status()).isEqualTo(200);
    }

    @Test
    void kellyAnswersTheSameAsTheService() {
        ApiClient.Answer a = client.post(Endpoints.KELLY_CRITERION, SampleRequests.KELLY);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        // f* = p - q/b = 0.55 - 0.45 / 1.5
        assertThat(a.json().get("kelly_fraction").asDouble()).isCloseTo(0.25, within(1e-12));
        assertThat(a.json().get("adjusted_kelly").asDouble()).isCloseTo(0.0625, within(1e-12));
        assertThat(a.json().has("confidence_interval")).isTrue();
    }

    @Test
    void kellyCalculationsAreNotStored() {
        client.post(Endpoints.KELLY_CRITERION, SampleRequests.KELLY);

        assertThat(new Store(db).kellyCalculations().recent(10)).isEmpty();
    }

    @Test
    void sizingAnswersAPositionSizingResponse() {
        ApiClient.Answer a = client.post(Endpoints.CALCULATE_POSITION_SIZE, SampleRequests.sizing("FIXED_PERCENTAGE"));

        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        assertThat(a.json().get("optimal_position").get("instrument_id").asText()).isEqualTo("NEW");
        assertThat(a.json().has("processing_time_ms")).isTrue();
    }

    @Test
    void everyInvalidFieldOfABodyIsListedAtOnce() {
        ApiClient.Answer a = client.post(Endpoints.KELLY_CRITERION,
                "{\"win_probability\": 1.2, \"average_win\": \"lots\", \"average_loss\": 1}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("average_win", "win_probability");
    }

    @Test
    void sizingListsTypeErrorsWithTheRequestsOtherProblems() {
        ApiClient.Answer a = client.post(Endpoints.CALCULATE_POSITION_SIZE, "{\"trading_decision\": {"
                + "\"instrument_id\": \"NEW\", \"direction\": \"LONG\", \"entry_price\": \"cheap\", "
                + "\"stop_price\": -1}}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("errors")).extracting(e -> e.get("field").asText())
                .contains("trading_decision.entry_price", "trading_decision.stop_price")
                .doesNotHaveDuplicates();
    }

    @Test
    void unknownPathIsA404InJson() {
        ApiClient.Answer a = client.get("/api/v1/nothing-here");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("error").asText()).isEqualTo("not_found");
        assertThat(a.json().get("message").asText()).contains("/api/v1/nothing-here");
        assertThat(client.get("/").status()).isEqualTo(404);
        assertThat(client.get(Endpoints.HEALTH + "/").status()).isEqualTo(404);
    }

    @Test
    void wrongMethodIsA405NamingTheAllowedOne() {
        ApiClient.Answer get = client.get(Endpoints.KELLY_CRITERION);
        ApiClient.Answer post = client.post(Endpoints.HEALTH, "{}");
        ApiClient.Answer delete = client.method("DELETE", Endpoints.CALCULATE_POSITION_SIZE);

        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST");
        assertThat(get.json().get("error").asText()).isEqualTo("method_not_allowed");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET");
        assertThat(delete.status()).isEqualTo(405);
    }

    @Test
    void headIsAnsweredLikeGetWithoutABody() {
        ApiClient.Answer head = client.method("HEAD", Endpoints.HEALTH);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.raw().body()).isEmpty();
        assertThat(client.method("HEAD", Endpoints.KELLY_CRITERION).status()).isEqualTo(405);
    }

    @Test
    void bodyOverOneMebibyteIsA413AndOneMebibyteIsNot() {
        byte[] exactlyLimit = padded(SampleRequests.KELLY, ApiRequest.MAX_BODY_BYTES);
        byte[] overLimit = padded(SampleRequests.KELLY, ApiRequest.MAX_BODY_BYTES + 1);

        assertThat(client.post(Endpoints.KELLY_CRITERION, exactlyLimit).status()).isEqualTo(200);
        ApiClient.Answer over = client.post(Endpoints.KELLY_CRITERION, overLimit);
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.json().get("error").asText()).isEqualTo("payload_too_large");
        assertThat(client.post(Endpoints.KELLY_CRITERION, padded(SampleRequests.KELLY, 5 << 20)).status())
                .isEqualTo(413);
        assertThat(client.get(Endpoints.HEALTH).status()).isEqualTo(200);
    }

    @Test
    void chunkedBodyOverTheLimitIsA413() {
        byte[] big = padded(SampleRequests.KELLY, 2 << 20);
        ApiClient.Answer a = client.send(client.request(Endpoints.KELLY_CRITERION)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertThat(a.status()).isEqualTo(413);
    }

    @Test
    void twoHundredRequestsFromEightThreadsAreAllAnswered() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                answers.add(clients.submit(() -> switch (n % 4) {
                    case 0 -> client.post(Endpoints.KELLY_CRITERION, SampleRequests.KELLY).status();
                    case 1 -> client.post(Endpoints.CALCULATE_POSITION_SIZE,
                            SampleRequests.sizing("FIXED_PERCENTAGE")).status();
                    case 2 -> client.get(Endpoints.HEALTH).status();
                    default -> client.post(Endpoints.KELLY_CRITERION, "{\"win_probability\": 2}").status();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).hasSize(200);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(150);
            assertThat(statuses.stream().filter(s -> s == 400)).hasSize(50);
        } finally {
            clients.shutdownNow();
        }
        JsonNode m = client.get(Endpoints.METRICS).json();
        assertThat(m.get("requests").asLong()).isEqualTo(200);
        assertThat(m.get("client_errors").asLong()).isEqualTo(50);
    }

    @Test
    void requestsAreHandledConcurrently() throws Exception {
        int parallel = 4;
        CountDownLatch allInside = new CountDownLatch(parallel);
        Route rendezvous = Route.get("/rendezvous", r -> {
            allInside.countDown();
            // Only returns once all four requests are inside a handler at the same time.
            return Reply.ok(Map.of("met", allInside.await(10, TimeUnit.SECONDS)));
        });
        try (ApiServer s = ApiServer.start(ApiServer.Options.loopback(0, "t"), List.of(rendezvous),
                new ApiMetrics(List.of("/rendezvous")), () -> { })) {
            ApiClient c = new ApiClient(s);
            ExecutorService clients = Executors.newFixedThreadPool(parallel);
            try {
                List<Future<ApiClient.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < parallel; i++) {
                    answers.add(clients.submit(() -> c.get("/rendezvous")));
                }
                for (Future<ApiClient.Answer> f : answers) {
                    assertThat(f.get(20, TimeUnit.SECONDS).json().get("met").asBoolean()).isTrue();
                }
            } finally {
                clients.shutdownNow();
            }
        }
    }

    @Test
    void anInternalFaultIsAGeneric500AndTheServerGoesOn() throws Exception {
        List<Route> routes = List.of(
                Route.get("/boom", r -> {
                    throw new IllegalStateException("secret detail");
                }),
                Route.get("/deep", r -> {
                    throw new StackOverflowError();
                }),
                Route.get("/fine", r -> Reply.ok(Map.of("ok", true))));
        ApiMetrics metrics = new ApiMetrics(List.of("/boom", "/deep", "/fine"));
        try (ApiServer s = ApiServer.start(ApiServer.Options.loopback(0, "t"), routes, metrics, () -> { })) {
            ApiClient c = new ApiClient(s);

            ApiClient.Answer boom = c.get("/boom");
            assertThat(boom.status()).isEqualTo(500);
            assertThat(boom.json().get("error").asText()).isEqualTo("internal_error");
            assertThat(boom.json().get("message").asText()).doesNotContain("secret").contains("incident");
            assertThat(c.get("/deep").status()).isEqualTo(500);
            assertThat(c.get("/fine").status()).isEqualTo(200);
            assertThat(metrics.report(0, Map.of()).serverErrors()).isEqualTo(2);
        }
    }

    @Test
    void metricsAddUpAfterAKnownSequence() {
        for (int i = 0; i < 3; i++) {
            client.post(Endpoints.KELLY_CRITERION, SampleRequests.KELLY);
        }
        client.post(Endpoints.KELLY_CRITERION, "{\"win_probability\": 1.5, \"average_win\": 1, \"average_loss\": 1}");
        client.post(Endpoints.KELLY_CRITERION, "not json");
        client.get(Endpoints.KELLY_CRITERION);
        client.post(Endpoints.CALCULATE_POSITION_SIZE, SampleRequests.sizing("FIXED_PERCENTAGE"));
        client.post(Endpoints.CALCULATE_POSITION_SIZE, "{\"trading_decision\": {\"instrument_id\": \"NEW\"}}");
        client.get(Endpoints.HEALTH);
        client.get(Endpoints.HEALTH);
        client.get("/api/v2/unknown");

        JsonNode m = client.get(Endpoints.METRICS).json();

        assertThat(m.get("requests").asLong()).isEqualTo(11);
        assertThat(m.get("client_errors").asLong()).isEqualTo(5);
        assertThat(m.get("server_errors").asLong()).isZero();
        JsonNode kelly = m.get("endpoints").get(Endpoints.KELLY_CRITERION);
        assertThat(kelly.get("requests").asLong()).isEqualTo(6);
        assertThat(kelly.get("client_errors").asLong()).isEqualTo(3);
        assertThat(kelly.get("rate_per_second").asDouble()).isPositive();
        JsonNode latency = kelly.get("latency_ms");
        assertThat(latency.get("p50").asDouble()).isPositive()
                .isLessThanOrEqualTo(latency.get("p95").asDouble());
        assertThat(latency.get("p95").asDouble()).isLessThanOrEqualTo(latency.get("p99").asDouble());
        assertThat(latency.get("p99").asDouble()).isLessThanOrEqualTo(latency.get("max").asDouble());
        JsonNode sizing = m.get("endpoints").get(Endpoints.CALCULATE_POSITION_SIZE);
        assertThat(sizing.get("requests").asLong()).isEqualTo(2);
        assertThat(sizing.get("client_errors").asLong()).isEqualTo(1);
        assertThat(m.get("endpoints").get(Endpoints.HEALTH).get("requests").asLong()).isEqualTo(2);
        JsonNode other = m.get("endpoints").get(ApiMetrics.OTHER);
        assertThat(other.get("requests").asLong()).isEqualTo(1);
        assertThat(other.get("client_errors").asLong()).isEqualTo(1);
        JsonNode self = m.get("endpoints").get(Endpoints.METRICS);
        assertThat(self.get("requests").asLong()).isZero();
        assertThat(self.get("latency_ms").get("p50").isNull()).isTrue();
        assertThat(m.get("services").get("position_sizing").get("calls").asLong()).isBetween(1L, 2L);

        JsonNode again = client.get(Endpoints.METRICS).json();
        assertThat(again.get("endpoints").get(Endpoints.METRICS).get("requests").asLong()).isEqualTo(1);
        assertThat(again.get("requests").asLong()).isEqualTo(12);
    }

    private static byte[] padded(String json, int length) {
        byte[] body = new byte[length];
        Arrays.fill(body, (byte) ' ');
        byte[] start = json.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        return body;
    }
}
